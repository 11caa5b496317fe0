import Foundation
import Yams

/// The entries of a language data file, by key, before they become ``LanguageData`` tables.
/// Three shapes: lists (`function_words: [a, an, …]`), groups of lists (`question_nouns: {when:
/// [year, …]}`) and maps (`months: {january: 1}`). All words are folded (lowercase, no diacritics).
public struct LanguageEntries: Sendable, Equatable {
    /// Keys whose value is a list of words or phrases.
    public static let listKeys = ["function_words", "filler_openings", "number_phrases", "count_phrases", "rank_words",
                                  "yes_no_openings", "follow_up_pronouns", "inflectional_endings", "superlatives",
                                  "reverse_markers", "place_nouns", "receive_verbs", "negative_words", "intensified_verbs", "opposites",
                                  "generic_nouns", "corrected_function_words", "person_nouns", "person_pronouns", "comparison_words",
                                  "base_form_endings", "general_relatives", "determiners",
                                  "sentence_abbreviations", "percent_words", "name_connectors"]
    /// Keys whose value maps a group name to a list, with the group names each allows (nil: any).
    public static let groupKeys: [String: [String]?] = [
        "question_words": ["when", "where", "who", "why", "how", "what"],
        "question_nouns": ["when", "where", "who", "why"],
        "unit_categories": nil,
        "quantity_markers": ["before", "after"],
        "direction_words": ["toward", "from"],
        "time_words": ["year_prepositions", "counted_after", "approximate", "before_christ", "anno_domini"],
        "event_phases": ["start", "end"],
        "summary": ["markers", "verbs"],
        "roles": ["active_auxiliaries", "be_auxiliaries", "titles", "adverbs", "symmetric",
                  "recipient_prepositions", "agent_prepositions", "clause_breaks"],
    ]
    /// Keys whose value maps a word to a value, with the kind of value (`text`, `number`, `month`, `whole`).
    public static let mapKeys: [String: String] = [
        "contractions": "text", "abbreviations": "text", "irregular_forms": "text",
        "number_words": "number", "number_scales": "number", "ordinals": "whole", "months": "month",
        "currency_words": "text",
    ]
    /// Every key a language file may have (besides `remove`).
    public static var allKeys: [String] { (listKeys + groupKeys.keys + mapKeys.keys).sorted() }

    var lists: [String: [String]] = [:]
    var groups: [String: [String: [String]]] = [:]
    var maps: [String: [String: String]] = [:]

    /// No entries.
    public init() {}

    /// The list under `key`, in file order (empty when absent).
    public func list(_ key: String) -> [String] { lists[key] ?? [] }
    /// The groups under `key` (empty when absent).
    public func group(_ key: String) -> [String: [String]] { groups[key] ?? [:] }
    /// The map under `key` (empty when absent).
    public func map(_ key: String) -> [String: String] { maps[key] ?? [:] }

    /// These entries with `change` applied: its additions are added (a map entry replaces the
    /// value of the same word), then its removals are removed from every list, group and map
    /// of their key. O(size of both).
    public func merging(_ change: LanguageChange) -> LanguageEntries {
        var out = self
        for (k, items) in change.additions.lists {
            var seen = Set(out.lists[k] ?? [])
            for i in items where seen.insert(i).inserted { out.lists[k, default: []].append(i) }
        }
        for (k, groups) in change.additions.groups {
            for (g, items) in groups {
                var cur = out.groups[k]?[g] ?? []
                var seen = Set(cur)
                for i in items where seen.insert(i).inserted { cur.append(i) }
                out.groups[k, default: [:]][g] = cur
            }
        }
        for (k, m) in change.additions.maps { out.maps[k, default: [:]].merge(m) { _, new in new } }
        for (k, gone) in change.removals where !gone.isEmpty {
            out.lists[k]?.removeAll { gone.contains($0) }
            if let gs = out.groups[k] { out.groups[k] = gs.mapValues { $0.filter { !gone.contains($0) } } }
            out.maps[k] = out.maps[k]?.filter { !gone.contains($0.key) }
        }
        return out
    }
}

/// What a pack's `language.yaml` changes: entries to add, and under `remove:` entries to take
/// away (words of a list or group, words of a map), by key.
public struct LanguageChange: Sendable, Equatable {
    /// Entries added to the base data.
    public var additions = LanguageEntries()
    /// Entries removed after the additions, by key.
    public var removals: [String: Set<String>] = [:]

    /// No change.
    public init() {}
}

/// Reads language data files (the engine's `english.yaml`, a pack's `language.yaml`).
public enum LanguageFile {
    /// Reads and checks the file at `path`.
    /// - Throws: ``PackError`` with every problem found (unreadable file, YAML syntax, unknown
    ///   keys, wrong shapes, values that are not numbers).
    /// - Complexity: linear in the size of the file.
    public static func read(path: String) throws(PackError) -> LanguageChange {
        var diagnostics: [Diagnostic] = []
        let text: String
        switch SourceFile.read(path) {
        case .success(let t): text = t
        case .failure(let d): throw PackError(diagnostics: [d], subject: path)
        }
        let doc = YAMLDocument(path: path, text: text, diagnostics: &diagnostics)
        let change = read(doc, diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw PackError(diagnostics: diagnostics, subject: path) }
        return change
    }

    /// Reads a parsed language file, adding a diagnostic for each problem. An empty file changes nothing.
    static func read(_ doc: YAMLDocument, diagnostics: inout [Diagnostic]) -> LanguageChange {
        var change = LanguageChange()
        guard let root = doc.root else { return change }
        guard root.isMapping else {
            diagnostics.append(doc.diag(.error, "a language file must be a mapping (key: value lines)", at: root))
            return change
        }
        for (key, keyNode, value) in MappingEntries(root) {
            if key == "remove" {
                guard value.isMapping else {
                    diagnostics.append(doc.diag(.error, "'remove' must map keys to the words to remove", at: value)); continue
                }
                for (k, kn, v) in MappingEntries(value) {
                    guard known(k, kn, doc, &diagnostics) else { continue }
                    var words: [String] = []
                    if v.isMapping { for (_, _, items) in MappingEntries(v) { words += list(items, doc, &diagnostics, k) } }
                    else { words = list(v, doc, &diagnostics, k) }
                    change.removals[k, default: []].formUnion(words)
                }
                continue
            }
            guard known(key, keyNode, doc, &diagnostics) else { continue }
            if LanguageEntries.listKeys.contains(key) {
                change.additions.lists[key] = list(value, doc, &diagnostics, key)
            } else if let allowed = LanguageEntries.groupKeys[key] {
                guard value.isMapping else {
                    diagnostics.append(doc.diag(.error, "'\(key)' must map group names to lists", at: value)); continue
                }
                for (g, gn, items) in MappingEntries(value) {
                    if let allowed, !allowed.contains(g) {
                        let hint = nearest(g, in: allowed).map { "; did you mean '\($0)'?" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
                        diagnostics.append(doc.diag(.error, "unknown group '\(g)' in '\(key)'\(hint)", at: gn)); continue
                    }
                    change.additions.groups[key, default: [:]][g] = list(items, doc, &diagnostics, key)
                }
            } else if let kind = LanguageEntries.mapKeys[key] {
                guard value.isMapping else {
                    diagnostics.append(doc.diag(.error, "'\(key)' must map words to \(kind == "text" ? "words" : "numbers")", at: value)); continue
                }
                var m: [String: String] = [:]
                for (w, _, v) in MappingEntries(value) {
                    guard let s = v.scalarText else {
                        diagnostics.append(doc.diag(.error, "the value of '\(w)' in '\(key)' must be a single value", at: v)); continue
                    }
                    if let problem = check(s, kind) {
                        diagnostics.append(doc.diag(.error, "the value of '\(w)' in '\(key)' \(problem), not '\(s)'", at: v)); continue
                    }
                    m[clean(w)] = kind == "text" ? clean(s) : s
                }
                change.additions.maps[key] = m
            }
        }
        return change
    }

    static func known(_ key: String, _ node: Node, _ doc: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> Bool {
        if LanguageEntries.allKeys.contains(key) { return true }
        let hint = nearest(key, in: LanguageEntries.allKeys + ["remove"]).map { "; did you mean '\($0)'?" } ?? " (see Docs/language-data.md)"
        diagnostics.append(doc.diag(.error, "unknown key '\(key)' in a language file\(hint)", at: node))
        return false
    }

    static func list(_ node: Node, _ doc: YAMLDocument, _ diagnostics: inout [Diagnostic], _ key: String) -> [String] {
        if let s = node.scalarText { return s.isEmpty ? [] : [clean(s)] }
        guard node.isSequence else {
            diagnostics.append(doc.diag(.error, "'\(key)' must be a list", at: node)); return []
        }
        var out: [String] = []
        for item in node.sequenceItems {
            if let s = item.scalarText, !clean(s).isEmpty { out.append(clean(s)) }
            else { diagnostics.append(doc.diag(.error, "'\(key)' items must be single words or phrases", at: item)) }
        }
        return out
    }

    /// Folded, with single spaces between words.
    static func clean(_ s: String) -> String {
        Fold.text(s).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func check(_ value: String, _ kind: String) -> String? {
        switch kind {
        case "number": return Double(value) == nil ? "must be a number" : nil
        case "whole": return Int(value) == nil ? "must be a whole number" : nil
        case "month": return Int(value).map { (1...12).contains($0) } == true ? nil : "must be a month number from 1 to 12"
        default: return clean(value).isEmpty ? "must not be empty" : nil
        }
    }
}
