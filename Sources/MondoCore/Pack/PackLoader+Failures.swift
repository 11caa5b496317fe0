import Foundation
import Yams

/// Names the pack defines but that failed to load (a fact with an unknown type or a value that
/// does not parse, a concept with an invalid name). Their own error is reported once; references
/// to them elsewhere are not reported again as "unknown", so one mistake gives one error.
struct FailedDefinitions {
    /// Ids of facts that were defined but not loaded.
    var facts: Set<String> = []
    /// Names of concepts that were defined but not loaded.
    var concepts: Set<String> = []
}

extension PackLoader {
    /// Records the id of the fact in `m` when reading it stored nothing (it failed), unless an
    /// earlier fact with that id was loaded.
    mutating func noteFailedFact(_ m: MappingEntries) {
        guard let id = m["id"]?.scalarText, facts[id] == nil else { return }
        failed.facts.insert(id)
    }

    /// Records the fact ids and concept names a file that is not valid YAML appears to define,
    /// read line by line: `id: name` lines (also `- id: name` and `- {id: name, …}`), and the keys one level under a top-level
    /// `concepts:`. Without this, one syntax error in concepts.yaml became an "unknown concept"
    /// error at every use of every concept.
    mutating func noteDefinitions(inUnparsed text: String) {
        var conceptIndent: Int?? = nil  // nil: outside `concepts:`; .some(nil): its first key not seen yet
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.prefix { $0 != "#" }
            let body = line.drop { $0 == " " }
            guard !body.isEmpty, !body.allSatisfy(\.isWhitespace) else { continue }
            let indent = line.count - body.count
            let key = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            let afterKey = body.dropFirst(key.count)
            if indent == 0 { conceptIndent = key == "concepts" && afterKey.hasPrefix(":") ? .some(nil) : nil; continue }
            // `- id: x`, `id: x` (not the first key), `- {id: x, type: …}`.
            let item = body.drop { $0 == "-" || $0 == " " || $0 == "{" }
            if item.hasPrefix("id:") {
                let value = item.dropFirst(3).prefix { $0 != "," && $0 != "}" && $0 != "#" }
                let id = value.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                if !id.isEmpty { failed.facts.insert(id) }
            }
            guard let level = conceptIndent, !key.isEmpty, afterKey.hasPrefix(":") else { continue }
            if level == nil { conceptIndent = .some(indent) }
            if indent == (conceptIndent ?? nil) { failed.concepts.insert(String(key)) }
        }
    }

    /// Runs `body` and drops the diagnostics it adds: for re-reading a node whose problems were
    /// reported the first time it was read.
    mutating func quietly<T>(_ body: (inout PackLoader) -> T) -> T {
        let count = diagnostics.count
        let result = body(&self)
        diagnostics.removeSubrange(count...)
        return result
    }

    /// True when `name` (named by a template) is a fact of the pack, loaded or failed, that an
    /// unknown id in the intent's `facts` list is a misspelling of: the "unknown fact … did you
    /// mean" error on that list already reports the one mistake.
    func misspeltInFacts(_ name: String, listed: [String]) -> Bool {
        guard facts[name] != nil || failed.facts.contains(name) else { return false }
        // Only the listed ids that name no fact can be misspellings (usually none: then the
        // pack's fact ids are not sorted at all, which at 100,000 facts per intent is the cost).
        let unknown = listed.filter { facts[$0] == nil && !failed.facts.contains($0) }
        guard !unknown.isEmpty else { return false }
        let known = facts.keys.sorted() + failed.facts.sorted()
        return unknown.contains { nearest($0, in: known, limit: 4) == name }
    }

    /// The value of `result`, or nil after adding its diagnostic to `diagnostics`.
    static func ok(_ result: Result<String, Diagnostic>, _ diagnostics: inout [Diagnostic]) -> String? {
        switch result {
        case .success(let text): return text
        case .failure(let d): diagnostics.append(d); return nil
        }
    }

    /// `diagnostics` without repeats of the same message at the same place, in their order.
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
