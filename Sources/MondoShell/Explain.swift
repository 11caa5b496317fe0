import MondoCore
import Foundation

/// Renders explanations (`:why`, `:trace`) and JSON records of responses.
public enum Explain {
    /// The `:why` text of a response: normalised tokens, corrections, concepts, kind, entities,
    /// times, the top candidate intents with scores, slots, facts with sources and computations.
    /// - Parameter evidence: for a candidate intent id, the question's words it accounts for and
    ///   those it does not (``Engine/evidence(intent:for:)``); shown under each candidate when given.
    public static func text(_ r: Response, evidence: ((String) -> (met: [String], unmet: [String])?)? = nil) -> String {
        let e = r.explanation
        let a = e.analysis
        var out: [String] = []
        out.append("question:    \(a.utterance)")
        out.append("tokens:      " + a.tokens.map(\.text).joined(separator: " "))
        if !a.corrections.isEmpty {
            out.append("corrected:   " + a.corrections.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
        }
        let tagged = a.units.filter { !$0.concepts.isEmpty }.map { "\($0.text) ~\($0.concepts.joined(separator: " ~"))" }
        out.append("concepts:    " + (tagged.isEmpty ? "(none)" : tagged.joined(separator: "; ")))
        let related = a.units.filter { !$0.relatives.isEmpty }.map { u in
            "\(u.text) → " + u.relatives.map { "\($0.word) (\($0.relation.rawValue), \($0.key))" }.joined(separator: ", ")
        }
        if !related.isEmpty { out.append("wordnet:     " + related.joined(separator: "; ")) }
        let content = a.units.filter { !$0.isStop }.map(\.text)
        out.append("content:     " + (content.isEmpty ? "(none)" : content.joined(separator: ", ")))
        out.append("kind:        \(a.kind.rawValue)")
        if !a.entities.isEmpty {
            out.append("entities:    " + a.entities.map { "\($0.concept) (\($0.entityClass)\($0.role.map { ", " + $0 } ?? ""))" }.joined(separator: ", "))
        }
        if a.verbUnit != nil || a.focusUnit != nil {
            out.append("clause:      " + [a.verbUnit.map { "verb “\(a.units[$0].text)”" }, a.focusUnit.map { "asks for “\(a.units[$0].text)”" }]
                .compactMap { $0 }.joined(separator: ", "))
        }
        if let k = a.countedUnit { out.append("counts:      “\(a.units[k].text)”") }
        if !a.roles.isEmpty {
            out.append("roles:       " + a.roles.map(\.description).joined(separator: "; "))
        }
        if !a.times.isEmpty { out.append("times:       " + a.times.map(\.description).joined(separator: ", ")) }
        if let c = e.contextUse { out.append("context:     \(c)" + (e.step.map { " [step \($0.rawValue)]" } ?? "")) }
        out.append("candidates:")
        for (i, c) in e.candidates.prefix(5).enumerated() {
            var score = String(format: "%.3f", c.score)
            if abs(c.fit - c.score) > 1e-9 { score += String(format: " (fit %.3f)", c.fit) }
            out.append("  \(i + 1). \(c.intent)  \(score)" + (c.blocked.map { "  blocked: \($0)" } ?? ""))
            if let (met, unmet) = evidence?(c.intent) {
                out.append("       met: " + (met.isEmpty ? "(none)" : met.joined(separator: ", "))
                    + (unmet.isEmpty ? "" : " · unmet: " + unmet.joined(separator: ", ")))
            }
        }
        if e.candidates.count > 5 { out.append("  … more: :why all lists every candidate; :why INTENT_ID says why one did not answer") }
        if let id = r.intent, Engine.builtInIntents.contains(id) {
            out.append("intent:      \(id) (a built-in comparison of two facts; `comparisons: off` in pack.yaml turns these off)")
        } else if let id = r.intent {
            out.append("intent:      \(id) (score \(String(format: "%.3f", r.score ?? 0)))")
        } else {
            out.append("intent:      none (\(r.reason?.rawValue ?? "declined"))")
        }
        if !e.slots.isEmpty { out.append("slots:       " + e.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
        for s in e.sources { out.append("fact:        \(s.fact) [\(s.source)] \(s.label)") }
        for c in e.computations { out.append("computed:    \(c.name) = \(c.op)(\(c.operands.joined(separator: ", "))): \(c.working)") }
        if let y = e.yesno { out.append("yes/no:      \(y)") }
        return out.joined(separator: "\n")
    }

    /// The JSON record of one answered (or declined) question. The first four fields are the
    /// stable batch contract: `question`, `answer`, `intent` (null exactly when not answered),
    /// `facts`; the rest (`score`, `reason`, `sources`, `slots`, `computations`, `corrections`)
    /// are additions. When `document` is given (the pack links its source document), each
    /// `sources` entry also has `locators`: its `source` read as locators, one per paragraph
    /// (`["Q2 ¶4"]`, `["¶30", "¶31", "¶32"]`; `[]` when it is not a locator).
    public static func json(question: String, _ r: Response, document: DocumentLink? = nil) -> JSONValue {
        let e = r.explanation
        var fields: [(String, JSONValue)] = [
            ("question", .string(question)),
            ("answer", .string(r.answer)),
            ("intent", r.intent.map { .string($0) } ?? .null),
            ("facts", .array(r.facts.map { .string($0) })),
        ]
        fields.append(("score", r.score.map { .number(($0 * 1000).rounded() / 1000) } ?? .null))
        fields.append(("reason", r.reason.map { .string($0.rawValue) } ?? .null))
        fields.append(("sources", .array(e.sources.map { s in
            var o: [(String, JSONValue)] = [("fact", .string(s.fact)), ("source", .string(s.source)), ("label", .string(s.label))]
            if let d = document {
                let ls = (try? Locator.parse(s.source, sectionLabel: d.sectionLabel)) ?? []
                o.append(("locators", .array(ls.map { .string($0.description) })))
            }
            return .object(o)
        })))
        fields.append(("slots", .object(e.slots.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        fields.append(("computations", .array(e.computations.map { .object([("name", .string($0.name)), ("op", .string($0.op)), ("operands", .array($0.operands.map { .string($0) })), ("working", .string($0.working))]) })))
        fields.append(("corrections", .array(e.analysis.corrections.map { .object([("from", .string($0.from)), ("to", .string($0.to))]) })))
        if let c = e.contextUse { fields.append(("context", .string(c))) }
        if let s = e.step { fields.append(("step", .string(s.rawValue))) }
        return .object(fields)
    }
}
