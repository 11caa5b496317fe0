import Foundation
import MondoCore

extension Explain {
    /// The `:why INTENT_ID` text: the intent's standing, its outcome, every block, its require
    /// groups and the question words it does not cover.
    public static func text(_ x: IntentExplanation, question: String) -> String {
        var out: [String] = []
        out.append("question:    \(question)")
        out.append("intent:      \(x.intent)")
        if let s = x.score, let k = x.rank {
            out.append("standing:    \(ordinal(k)) of \(x.scored) candidates, score \(String(format: "%.3f", s))")
        } else {
            out.append("standing:    not scored (\(x.scored) candidates were)")
        }
        // The blocks are listed below: the outcome line need not repeat the first.
        out.append("outcome:     " + (x.outcome.hasPrefix("blocked") && !x.blocks.isEmpty ? "blocked" : x.outcome))
        for (k, b) in x.blocks.enumerated() { out.append((k == 0 ? "blocked:     " : "             ") + b) }
        for (k, g) in x.requireGroups.enumerated() {
            out.append((k == 0 ? "require:     " : "             ") + g.terms + " ← " + (g.matchedBy.map { "“\($0)”" } ?? "nothing in the question"))
        }
        if !x.uncovered.isEmpty { out.append("not covered: " + x.uncovered.joined(separator: ", ")) }
        return out.joined(separator: "\n")
    }

    /// The `:why all` text: every candidate with its score and, when blocked, why.
    public static func candidateList(_ cands: [CandidateSummary], response r: Response) -> String {
        var out = ["question:    \(r.explanation.analysis.utterance)", "candidates:  \(cands.count)"]
        for (i, c) in cands.enumerated() {
            out.append("  \(i + 1). \(c.intent)  \(String(format: "%.3f", c.score))" + (c.blocked.map { "  blocked: \($0)" } ?? ""))
        }
        out.append("intent:      " + (r.intent ?? "none (\(r.reason?.rawValue ?? "declined"))"))
        return out.joined(separator: "\n")
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
