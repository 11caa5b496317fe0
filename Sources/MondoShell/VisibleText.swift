/// Makes control characters visible, so that text from a pack, a transcript or a question never
/// reaches a terminal as a control sequence (an answer template holding `ESC [2J` must not clear
/// the screen, nor `ESC ]0;…BEL` retitle the window).
///
/// Kept as they are: line feed and tab. Shown in caret notation, as `cat -v` does: the other C0
/// controls (`ESC` → `^[`, `BEL` → `^G`, carriage return → `^M`) and `DEL` (`^?`). Shown as
/// `<U+XXXX>`: the C1 controls U+0080…U+009F (U+009B is a one-byte CSI on some terminals) and
/// the bidirectional overrides and isolates U+202A…U+202E, U+2066…U+2069, which reorder what
/// follows them on screen.
public enum VisibleText {
    /// `text` with every control character made visible (see the type's documentation).
    /// Returns `text` itself, without copying, when it holds none. O(n) in the text's length.
    public static func of(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsShowing) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            guard needsShowing(u) else { out.append(u); continue }
            if u.value < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(u.value + 0x40)))
            } else if u.value == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else {
                let hex = String(u.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">").unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether `u` is one of the characters ``of(_:)`` makes visible.
    public static func needsShowing(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0A, 0x09: return false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// An ``OutputSink`` that passes text on with its control characters made visible
/// (``VisibleText/of(_:)``). The program's standard output and standard error are wrapped in
/// one, so every answer, explanation, report and diagnostic is shown safely; JSON output is
/// unaffected because ``JSONValue/quote(_:)`` already escapes those characters.
public final class VisibleControls: OutputSink {
    /// Where the made-visible text goes.
    public let base: OutputSink
    /// Wraps `base`.
    public init(_ base: OutputSink) { self.base = base }
    /// Writes `text` to ``base`` with its control characters made visible.
    /// - Throws: whatever ``base`` throws.
    public func write(_ text: String) throws { try base.write(VisibleText.of(text)) }
    /// Writes `text` with its control characters made visible, between the escape sequences
    /// that start and end `style` (added after, so text never brings its own). Line breaks
    /// end the style and start it again, so that a style never bleeds into the next line.
    /// - Throws: whatever ``base`` throws.
    public func write(_ text: String, style: TextStyle) throws {
        let (on, off) = style.sgr
        guard !on.isEmpty else { return try write(text) }
        let lines = VisibleText.of(text).split(separator: "\n", omittingEmptySubsequences: false)
        try base.write(lines.map { $0.isEmpty ? "" : on + $0 + off }.joined(separator: "\n"))
    }
}
