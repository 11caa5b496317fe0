import MondoCore

extension Lint {
    /// Errors for control characters in text the pack shows to people: answer templates,
    /// examples, fact labels and values, concept terms, the pack's name, description and
    /// fallbacks, topic descriptions (`:topics`). They are never sent to a terminal (``VisibleText``), but an author never means
    /// them: a YAML escape such as `"\u001b[2J"` in a template would otherwise go unnoticed.
    /// One error per field, at the intent, fact or concept that holds it.
    /// - Complexity: linear in the pack's text.
    public static func controlCharacterErrors(_ pack: Pack) -> [Diagnostic] {
        let src = Authoring.SourceLines()
        var out: [Diagnostic] = []
        func check(_ text: String, _ what: String, at location: SourceLocation?) {
            guard let u = text.unicodeScalars.first(where: VisibleText.needsShowing) else { return }
            let code = String(u.value, radix: 16, uppercase: true)
            let shown = VisibleText.of(String(Character(u)))
            out.append(src.diag(.error, "\(what) holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code), which would be shown as '\(shown)'; remove it", at: location))
        }
        let s = pack.settings
        for (field, text) in [("name", s.name), ("description", s.description), ("not_understood", s.notUnderstood), ("not_in_pack", s.notInPack)] {
            check(text, "pack.yaml's \(field)", at: nil)
        }
        for topic in pack.topicDescriptions.keys.sorted() {
            // At the topic's first intent: its file holds the description.
            check(pack.topicDescriptions[topic]!, "the description of topic '\(topic)'", at: pack.intents.first { Pack.topic(ofIntent: $0.id) == topic }?.location)
        }
        for c in pack.concepts.values.sorted(by: { $0.name < $1.name }) {
            for t in c.terms { check(t, "a term of concept '\(c.name)'", at: c.location) }
        }
        for f in pack.facts.values.sorted(by: { $0.id < $1.id }) {
            check(f.label + " " + String(describing: f.value) + " " + (f.approx ?? ""), "fact '\(f.id)'", at: f.location)
        }
        for i in pack.intents {
            check(i.answer, "the answer template of '\(i.id)'", at: i.location)
            for (n, e) in i.examples.enumerated() {
                check(e, "an example of '\(i.id)'", at: n < i.exampleLocations.count ? i.exampleLocations[n] : i.location)
            }
        }
        return out
    }
}
