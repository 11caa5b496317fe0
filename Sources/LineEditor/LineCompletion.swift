/// What a completion provider proposes for the text before the cursor: replace the last
/// ``replacing`` characters before the cursor with one of ``candidates``.
///
/// For example, for the line `:he` with the cursor at the end, `LineCompletion(replacing: 3,
/// candidates: [":help"])`; for `who is ha no`, `LineCompletion(replacing: 5, candidates:
/// ["Hà Nội"])` (a candidate may differ from the typed text in case and diacritics).
public struct LineCompletion: Sendable, Equatable {
    /// How many characters (Swift `Character`s) just before the cursor the candidates replace.
    public var replacing: Int
    /// Full replacements for those characters. Empty: nothing to complete.
    public var candidates: [String]

    /// - Parameters:
    ///   - replacing: characters before the cursor to replace (clamped to the text there).
    ///   - candidates: the replacements, in the order to list them.
    public init(replacing: Int, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }

    /// Nothing to complete.
    public static let none = LineCompletion(replacing: 0, candidates: [])
}

/// Computes candidates for the line being edited: `line` is the whole line and `cursor` the
/// cursor's position in it, counted in `Character`s.
public typealias CompletionProvider = (_ line: String, _ cursor: Int) -> LineCompletion

/// What pressing Tab does with a ``LineCompletion``, worked out without a terminal.
public enum CompletionAction: Sendable, Equatable {
    /// No candidate: ring the bell.
    case none
    /// Replace the typed text with `text` (a sole candidate, followed by a space unless it ends
    /// with `/`).
    case insert(String)
    /// Several candidates: replace the typed text with `commonPrefix` when that does not shorten
    /// it (`nil`: leave it), and list `candidates`.
    case list(commonPrefix: String?, candidates: [String])

    /// Decides the action for `typed` (the text the candidates replace) and `candidates`.
    public static func decide(typed: String, candidates: [String]) -> CompletionAction {
        var unique: [String] = []
        for c in candidates where !unique.contains(c) { unique.append(c) }
        if unique.isEmpty { return .none }
        if unique.count == 1 {
            let only = unique[0]
            return .insert(only.hasSuffix("/") ? only : only + " ")
        }
        var prefix = Array(unique[0])
        for c in unique.dropFirst() {
            let chars = Array(c)
            var k = 0
            while k < prefix.count && k < chars.count && prefix[k] == chars[k] { k += 1 }
            prefix.removeSubrange(k...)
        }
        let common = String(prefix)
        let useful = common.count >= typed.count && common != typed
        return .list(commonPrefix: useful ? common : nil, candidates: unique)
    }

    /// Lays `candidates` out in columns, readline style: sorted down the columns, two spaces
    /// between columns, each row ending with CR LF (the terminal is in raw mode).
    /// - Parameter width: the terminal width in columns (at least one candidate per row).
    public static func columns(_ candidates: [String], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let longest = candidates.map(\.count).max() ?? 1
        let columnWidth = longest + 2
        let perRow = max(1, (width + 2) / columnWidth)
        let rows = (candidates.count + perRow - 1) / perRow
        var out = ""
        for r in 0..<rows {
            var line = ""
            for c in 0..<perRow {
                let i = c * rows + r
                guard i < candidates.count else { break }
                let item = candidates[i]
                let isLast = c == perRow - 1 || (c + 1) * rows + r >= candidates.count
                line += isLast ? item : item + String(repeating: " ", count: columnWidth - item.count)
            }
            out += line + "\r\n"
        }
        return out
    }
}
