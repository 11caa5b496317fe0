/// A position in a user's file: 1-based line and column (column counted in Unicode scalars).
/// Line 0 stands for the file as a whole (a file that cannot be read): it prints as the path alone.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as the user gave it (or as found in the pack directory).
    public var path: String
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, or `path` alone for line 0 (the whole file).
    public var description: String { line < 1 ? path : "\(path):\(line):\(column)" }
}

/// One finding about a user's file, printed in compiler style:
///
/// ```
/// Intents/topics/visitors.yaml:12:9: error: unknown fact 'visitors_2018'; did you mean 'visitors_jp_2018'?
///     facts: [visitors_2018]
///             ^
/// ```
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Information for the author that needs no change (`mondo lint` counts notes apart).
        case note
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    /// Where the problem is, if it has a place in a file.
    public var location: SourceLocation?
    /// Error or warning.
    public var severity: Severity
    /// One sentence, lowercase start, no final period.
    public var message: String
    /// The text of the offending source line, without its newline, when known. A line longer
    /// than ``excerptLimit`` is kept as a window of ``excerptWidth`` columns around the column,
    /// with `…` where it was cut.
    public var sourceLine: String?
    /// The caret's column within `sourceLine` when the line was cut to a window (else the
    /// location's column).
    var excerptColumn: Int?

    /// Lines up to this many Unicode scalars are shown whole.
    public static let excerptLimit = 120
    /// How many columns of a longer line are shown around the caret.
    public static let excerptWidth = 100

    /// Creates a diagnostic; a `sourceLine` longer than ``excerptLimit`` is cut to a window
    /// around the location's column.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        if let sourceLine, let location, sourceLine.utf8.count > Self.excerptLimit,
           sourceLine.unicodeScalars.count > Self.excerptLimit {
            let (text, column) = Self.excerpt(Array(sourceLine.unicodeScalars), column: location.column)
            self.sourceLine = text
            self.excerptColumn = column
        } else {
            self.sourceLine = sourceLine
        }
    }

    /// Creates a diagnostic whose source line is already cut (see ``excerpt(_:column:)``).
    init(_ severity: Severity, _ message: String, at location: SourceLocation, excerpt: (text: String, column: Int)) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = excerpt.text
        self.excerptColumn = excerpt.column == location.column ? nil : excerpt.column
    }

    /// The part of a line shown under a diagnostic at `column` (1-based, in scalars): the whole
    /// line when it is at most ``excerptLimit`` scalars long, else ``excerptWidth`` scalars
    /// around the column with `…` at each cut end, and the caret's column in that text.
    static func excerpt(_ scalars: some RandomAccessCollection<Unicode.Scalar>, column: Int) -> (text: String, column: Int) {
        let count = scalars.count
        func text(_ r: Range<Int>) -> String {
            let lo = scalars.index(scalars.startIndex, offsetBy: r.lowerBound)
            let hi = scalars.index(scalars.startIndex, offsetBy: r.upperBound)
            return String(String.UnicodeScalarView(scalars[lo..<hi]))
        }
        guard count > excerptLimit else { return (text(0..<count), column) }
        let at = min(max(0, column - 1), count)
        var start = max(0, at - excerptWidth / 2)
        let end = min(count, start + excerptWidth)
        start = max(0, min(start, end - excerptWidth))
        let head = start > 0 ? "…" : "", tail = end < count ? "…" : ""
        return (head + text(start..<end) + tail, at - start + 1 + (start > 0 ? 1 : 0))
    }

    /// The compiler-style rendering: `path:line:column: error: message`, then the source line and a caret.
    public var description: String {
        var head = ""
        if let location { head = "\(location): " }
        head += "\(severity.rawValue): \(message)"
        guard let sourceLine, let location, location.line > 0 else { return head }
        let column = excerptColumn ?? location.column
        let prefix = sourceLine.unicodeScalars.prefix(max(0, column - 1))
        // Keep tabs so the caret lines up under the column in a terminal.
        let pad = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
        return head + "\n" + sourceLine + "\n" + pad + "^"
    }
}

/// Thrown when a pack (or a transcript) cannot be loaded; carries every error found (and any warnings).
public struct PackError: Error, Sendable, CustomStringConvertible {
    /// All findings, errors first in file order.
    public var diagnostics: [Diagnostic]
    /// What the count line names: "the pack", or a transcript's path.
    public var subject: String
    /// Creates the error from the loader's findings.
    public init(diagnostics: [Diagnostic], subject: String = "the pack") {
        self.diagnostics = diagnostics
        self.subject = subject
    }
    /// The findings, one per paragraph (at most ``Diagnostic/perFileLimit`` per file, see
    /// ``Diagnostic/render(_:perFile:)``), followed by a count line: `3 errors in the pack`.
    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return Diagnostic.render(diagnostics).joined(separator: "\n")
            + "\n\(errors) error\(errors == 1 ? "" : "s") in \(subject)"
    }
}

extension Diagnostic {
    /// How many findings about one file are printed before the rest are summed up in a note.
    public static let perFileLimit = 20

    /// The printed form of `diagnostics`, in their order: each one's ``description``, but only
    /// the first `perFile` of each file; after the last shown for a file that has more comes
    /// `PATH: note: … and 149,980 more errors in this file (the first 20 are shown)`.
    public static func render(_ diagnostics: [Diagnostic], perFile: Int = perFileLimit) -> [String] {
        var total: [String: Int] = [:]
        for d in diagnostics { if let p = d.location?.path { total[p, default: 0] += 1 } }
        guard total.values.contains(where: { $0 > perFile }) else { return diagnostics.map(\.description) }
        var shown: [String: Int] = [:]
        var hidden: [String: [Severity: Int]] = [:]
        for d in diagnostics {
            guard let p = d.location?.path, total[p]! > perFile else { continue }
            shown[p, default: 0] += 1
            if shown[p]! > perFile { hidden[p, default: [:]][d.severity, default: 0] += 1 }
        }
        shown = [:]
        var out: [String] = []
        for d in diagnostics {
            guard let p = d.location?.path else { out.append(d.description); continue }
            shown[p, default: 0] += 1
            let n = shown[p]!
            if n <= perFile { out.append(d.description) }
            if n == perFile, let more = hidden[p] {
                let parts = [Severity.error, .warning, .note].compactMap { sev in
                    more[sev].map { "\(grouped($0)) more \(sev.rawValue)\($0 == 1 ? "" : "s")" }
                }
                out.append("\(p): note: … and \(parts.joined(separator: " and ")) in this file (the first \(perFile) are shown)")
            }
        }
        return out
    }

    /// `149980` as `149,980`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// Levenshtein edit distance with adjacent transpositions (optimal string alignment), over
/// Unicode scalars. O(|a|·|b|) time, O(|b|) memory. Stops early and returns `limit + 1` once the
/// distance must exceed `limit`.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var prev2 = [Int](repeating: 0, count: y.count + 1)
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        cur[0] = i
        var rowMin = cur[0]
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, prev2[j - 2] + 1) }
            cur[j] = v
            rowMin = min(rowMin, v)
        }
        if rowMin > limit { return limit + 1 }
        (prev2, prev, cur) = (prev, cur, prev2)
    }
    return prev[y.count]
}

/// The candidate nearest to `word` by ``editDistance(_:_:limit:)``, if one is within `limit`
/// (ties go to the earliest candidate). Used for "did you mean" suggestions, so `word` itself is
/// never the answer (a name that is known but misplaced needs another message, not itself back).
public func nearest(_ word: String, in candidates: some Sequence<String>, limit: Int = 3) -> String? {
    // Short words get a smaller budget, so "nope" does not become "goal".
    let limit = min(limit, max(1, word.count / 3))
    var best: (String, Int)?
    for c in candidates where c != word {
        let d = editDistance(word, c, limit: limit)
        if d <= limit, d < (best?.1 ?? .max) { best = (c, d) }
    }
    return best?.0
}

/// ``editDistance(_:_:limit:)`` over bytes (optimal string alignment: insertions, deletions,
/// substitutions and adjacent transpositions): the distance, or `limit + 1` as soon as it must
/// exceed `limit`. Same result as the string version for ASCII words. O(|x| × |y|).
func byteDistance(_ x: [UInt8], _ y: [UInt8], limit: Int) -> Int {
    let n = x.count, m = y.count
    if abs(n - m) > limit { return limit + 1 }
    if n == 0 { return m }
    if m == 0 { return n }
    // Three rows of the table in one buffer: row i lives at (i % 3) * (m + 1).
    var table = [Int](repeating: 0, count: 3 * (m + 1))
    for j in 0...m { table[j] = j }
    for i in 1...n {
        let cur = (i % 3) * (m + 1), prev = ((i - 1) % 3) * (m + 1), prev2 = ((i + 1) % 3) * (m + 1)
        table[cur] = i
        var rowMin = i
        let xi = x[i - 1]
        for j in 1...m {
            let cost = xi == y[j - 1] ? 0 : 1
            var v = min(table[prev + j] + 1, table[cur + j - 1] + 1, table[prev + j - 1] + cost)
            if i > 1, j > 1, xi == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, table[prev2 + j - 2] + 1) }
            table[cur + j] = v
            if v < rowMin { rowMin = v }
        }
        if rowMin > limit { return limit + 1 }
    }
    return table[(n % 3) * (m + 1) + m]
}
