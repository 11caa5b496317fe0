import Foundation
import Yams

extension PackLoader {
    /// `manners:` in pack.yaml: the pack's own texts for small talk and clarifying questions
    /// (`greeting: "Hello! …"`), by the names of the language data's `texts`. An unknown name, a
    /// value that is not text, or a template that does not parse is an error at its place.
    mutating func readManners(_ node: Node?, _ doc: YAMLDocument) {
        guard let node, let mm = expectMapping(node, doc, "manners") else { return }
        checkKeys(mm, doc, allowed: LanguageEntries.textNames, required: [], what: "manners", at: node)
        for name in LanguageEntries.textNames {
            guard let v = mm[name], let text = string(v, doc, name) else { continue }
            if let problem = MannerTexts.problem(in: text) {
                diagnostics.append(doc.diag(.error, "the manners text '\(name)': \(problem)", at: v)); continue
            }
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(doc.diag(.error, "the manners text '\(name)' must not be empty", at: v)); continue
            }
            settings.mannerTexts[name] = text
        }
    }
}
