/// Wraps text at word boundaries to a width in terminal columns (``DisplayWidth``), for answers
/// shown at a terminal.
///
/// - Existing line breaks are kept; each line is wrapped on its own.
/// - A line's indentation (leading blanks) and list marker (`- `, `* `, `• `, `1. `, `1) `) are
///   kept, and its continuation lines are indented to the text after them (a hanging indent),
///   unless that indent would take half the width or more.
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
        var hang = String(repeating: " ", count: DisplayWidth.of(lead))
        if hang.count * 2 >= width { hang = "" }
        var lines: [String] = []
        var current = String(lead)
        var used = DisplayWidth.of(lead)
        var atStart = true  // nothing but the indentation on the current line yet
        for word in body.split(separator: " ", omittingEmptySubsequences: true) {
            var w = Substring(word)
            var ww = DisplayWidth.of(w)
            if !atStart && used + 1 + ww <= width {
                current += " " + w
                used += 1 + ww
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
