/// Wraps text at word boundaries to a width in terminal columns (``DisplayWidth``), for answers
/// shown at a terminal.
///
/// - Existing line breaks are kept; each line is wrapped on its own.
/// - A line's indentation (leading blanks) and list marker (`- `, `* `, `• `, `1. `, `1) `) are
///   kept, and its continuation lines are indented to the text after them (a hanging indent),
///   unless that indent would take more than two thirds of the width.
/// - A table row (columns separated by two or more blanks) keeps its blanks, and its
///   continuation lines go under its last column, when that starts within two thirds of the width.
/// - Lines break at spaces; the spaces at a break are dropped. A word that does not fit on the
///   current line goes to the next one whole; only a word wider than a whole line is cut, at
///   the width (as the terminal would, but keeping the indentation).
/// - Trailing spaces of a line are dropped; the text otherwise comes back unchanged when every
///   line fits.
public enum TextWrap {
    /// `text` wrapped to `width` columns (see the type's documentation). A width below 10 is
    /// taken as 10.
    public static func wrap(_ text: String, width: Int) -> String {
        let width = max(10, width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(Substring($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: Substring, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return String(line) }
        let (lead, body) = split(line)
        let leadWidth = DisplayWidth.of(lead)
        // Words with the blanks before them (kept inside a line: table columns stay aligned).
        var words: [(gap: Int, text: Substring)] = []
        var gap = 0
        var i = body.startIndex
        while i < body.endIndex {
            if body[i] == " " { gap += 1; i = body.index(after: i); continue }
            let end = body[i...].firstIndex(of: " ") ?? body.endIndex
            words.append((words.isEmpty ? 0 : gap, body[i..<end]))
            gap = 0
            i = end
        }
        var hang = String(repeating: " ", count: leadWidth)
        // A table row: continuation lines go under its last column (after the last run of two or
        // more blanks that starts before the first break), when that is within two thirds of the width.
        var column = leadWidth
        for (k, w) in words.enumerated() {
            if k > 0 { column += w.gap }
            if column + DisplayWidth.of(w.text) > width { break }
            if k > 0, w.gap >= 2, column * 3 <= width * 2 { hang = String(repeating: " ", count: column) }
            column += DisplayWidth.of(w.text)
        }
        if hang.count * 3 > width * 2 { hang = "" }
        var lines: [String] = []
        var current = String(lead)
        var used = leadWidth
        var atStart = true  // nothing but the indentation on the current line yet
        for (gap, word) in words {
            var w = word
            var ww = DisplayWidth.of(w)
            if !atStart && used + gap + ww <= width {
                current += String(repeating: " ", count: gap) + w
                used += gap + ww
                continue
            }
            if !atStart {
                lines.append(current)
                current = hang
                used = hang.count
            }
            // A word wider than a whole line: cut it at the width.
            while used + ww > width, ww > width - hang.count {
                var taken = 0, cut = w.startIndex
                while cut < w.endIndex, used + taken + DisplayWidth.of(w[cut]) <= width {
                    taken += DisplayWidth.of(w[cut])
                    cut = w.index(after: cut)
                }
                if cut == w.startIndex { cut = w.index(after: cut) }  // a wide character on a tiny line
                lines.append(current + w[..<cut])
                w = w[cut...]
                ww = DisplayWidth.of(w)
                current = hang
                used = hang.count
            }
            current += w
            used += ww
            atStart = w.isEmpty
        }
        lines.append(current)
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// A line's indentation with its list marker, and the rest.
    static func split(_ line: Substring) -> (lead: Substring, body: Substring) {
        var i = line.startIndex
        while i < line.endIndex, line[i] == " " || line[i] == "\t" { i = line.index(after: i) }
        let rest = line[i...]
        for marker in ["- ", "* ", "• "] where rest.hasPrefix(marker) {
            return (line[..<rest.index(rest.startIndex, offsetBy: 2)], rest.dropFirst(2))
        }
        let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let after = rest[digits.endIndex...]
            if after.hasPrefix(". ") || after.hasPrefix(") ") {
                let end = after.index(after.startIndex, offsetBy: 2)
                return (line[..<end], line[end...])
            }
        }
        return (line[..<i], rest)
    }
}
