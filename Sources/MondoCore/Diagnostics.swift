/// A position in a user's file: 1-based line and column (column counted in Unicode scalars).
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

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }
}

/// One finding about a user's file, printed in compiler style:
///
/// ```
/// Intents/topics/visitors.yaml:12:9: error: unknown fact 'visitors_2018'; did you mean 'visitors_jp_2018'?
///     facts: [visitors_2018]
///             ^
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
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
    /// The text of the offending source line, without its newline, when known.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The compiler-style rendering: `path:line:column: error: message`, then the source line and a caret.
    public var description: String {
        var head = ""
        if let location { head = "\(location): " }
        head += "\(severity.rawValue): \(message)"
        guard let sourceLine, let location else { return head }
        let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
        // Keep tabs so the caret lines up under the column in a terminal.
        let pad = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
        return head + "\n" + sourceLine + "\n" + pad + "^"
    }
}

/// Thrown when a pack cannot be loaded; carries every error found (and any warnings).
public struct PackError: Error, Sendable, CustomStringConvertible {
    /// All findings, errors first in file order.
    public var diagnostics: [Diagnostic]
    /// Creates the error from the loader's findings.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// The findings, one per paragraph, followed by a count line.
    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(errors) error\(errors == 1 ? "" : "s") in the pack"
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
/// (ties go to the earliest candidate). Used for "did you mean" suggestions.
public func nearest(_ word: String, in candidates: some Sequence<String>, limit: Int = 3) -> String? {
    // Short words get a smaller budget, so "nope" does not become "goal".
    let limit = min(limit, max(1, word.count / 3))
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(word, c, limit: limit)
        if d <= limit, d < (best?.1 ?? .max) { best = (c, d) }
    }
    return best?.0
}

/// ``editDistance(_:_:limit:)`` over bytes, with caller-provided scratch rows (each at least
/// `b.count + 1` long) so the corrector's inner loop allocates nothing. Same result as the
/// string version for ASCII words.
func byteDistance(_ x: [UInt8], _ y: [UInt8], limit: Int, _ r0: inout [Int], _ r1: inout [Int], _ r2: inout [Int]) -> Int {
    let n = x.count, m = y.count
    if abs(n - m) > limit { return limit + 1 }
    if n == 0 { return m }
    if m == 0 { return n }
    for j in 0...m { r1[j] = j }
    for i in 1...n {
        r2[0] = i
        var rowMin = i
        let xi = x[i - 1]
        for j in 1...m {
            let cost = xi == y[j - 1] ? 0 : 1
            var v = min(r1[j] + 1, r2[j - 1] + 1, r1[j - 1] + cost)
            if i > 1, j > 1, xi == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, r0[j - 2] + 1) }
            r2[j] = v
            if v < rowMin { rowMin = v }
        }
        if rowMin > limit { return limit + 1 }
        swap(&r0, &r1)
        swap(&r1, &r2)
    }
    return r1[m]
}
