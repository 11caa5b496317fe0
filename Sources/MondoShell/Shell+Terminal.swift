import Foundation
import MondoCore

extension Shell {
    /// Writes `r` at a terminal: the answer wrapped to the terminal's width (asked again now, so
    /// a resized window is honoured); after a decline, its suggested questions on a line of
    /// their own as secondary text; then, with ``notes`` on, the "understood as" note
    /// (``UnderstoodAs``), secondary too. Secondary text is dim when `layout.color` is set.
    /// - Throws: ``OutputError`` when output cannot be written.
    func present(_ r: Response, on layout: TerminalLayout) throws {
        let width = layout.width()
        func shape(_ text: String) -> String {
            // Control characters are made visible before measuring: `^[` takes two columns.
            let visible = VisibleText.of(text)
            return width.map { TextWrap.wrap(visible, width: $0) } ?? visible
        }
        var main = r.answer, secondary: [String] = []
        if r.intent == nil {
            main = Engine.withoutSuggestions(r.answer)
            let rest = r.answer.dropFirst(main.count).trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { secondary.append(rest) }
        }
        if notes, let note = UnderstoodAs.note(r, language: engine.pack.language) { secondary.append(note) }
        try out.write(shape(main) + "\n")
        for text in secondary {
            try out.write(shape(text), style: layout.color ? .secondary : .plain)
            try out.write("\n")
        }
    }
}
