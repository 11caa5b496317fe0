/// Answers the engine computes itself, without a pack intent: comparisons of two numeric facts
/// and the time between two dated facts (the built-in intents `computed.*`).
extension Engine {
    /// Intent ids the engine answers itself, without a pack intent: comparisons of any two
    /// numeric facts, and the time between two dated facts.
    public static let builtInIntents: Set<String> = ["computed.compare", "computed.difference", "computed.ratio", "computed.sum", "computed.elapsed"]

    /// The years between two dated facts `x` (the earlier) and `y`, with the working: "The treaty:
    /// 1492; the battle: 1513. That is 21 years apart (1513 − 1492 = 21)." Approximate, decade,
    /// century and span dates make it "about".
    func answerElapsed(_ x: Fact, _ y: Fact, _ a: Analysis, _ cands: [Candidate]) -> Response {
        let tx = PackIndex.when(x)!, ty = PackIndex.when(y)!
        let n = ty.year - tx.year
        let rough = [tx, ty].contains { $0.approximate || [.decade, .century, .deepTime, .span].contains($0.precision) }
        let working = "\(TimeText.year(ty.year)) − \(TimeText.year(tx.year)) = \(n)"
        let label = { (f: Fact) in f.label.prefix(1).uppercased() + f.label.dropFirst() }
        let text = "\(label(x)): \(TimeText.display(tx)); \(y.label): \(TimeText.display(ty)). That is \(rough ? "about " : "")\(n) year\(n == 1 ? "" : "s") apart (\(working))."
        let trace = ComputationTrace(name: "elapsed", op: "elapsed", operands: [x.id, y.id], working: working)
        let explanation = Explanation(
            analysis: a, candidates: summaries(cands), contextUse: nil, slots: [:],
            sources: [x, y].map { (fact: $0.id, source: $0.source, label: $0.label) }, computations: [trace], yesno: nil)
        return Response(answer: text, intent: "computed.elapsed", facts: [x.id, y.id], reason: nil, score: nil, explanation: explanation)
    }

    /// Answers a generic comparison, or explains why the two facts cannot be compared.
    func answerComparison(_ cmp: (op: Comparison.Op, first: String, second: String), _ a: Analysis, _ cands: [Candidate]) -> Response? {
        guard let fa = pack.facts[cmp.first], let fb = pack.facts[cmp.second] else { return nil }
        func named(_ f: Fact) -> String {
            let c = FactFormatter.context(f)
            let t = (c["time"] as? String).map { $0.isEmpty ? "" : " (\($0))" } ?? ""
            return "\(f.label)\(t): \(c["with_unit"] as? String ?? c["display"] as? String ?? "")"
        }
        var text: String
        var traces: [ComputationTrace] = []
        if fa.value.unitKey(in: pack.language) != fb.value.unitKey(in: pack.language) {
            text = "Those two cannot be compared: \(named(fa)), but \(named(fb)) — they are not measured in the same unit."
        } else {
            let op = cmp.op == .compare ? "compare" : cmp.op.rawValue
            let comp = Computation(op: op, operands: [fa.id, fb.id], by: nil)
            guard let v = Computer.evaluate(comp, facts: pack.facts, now: pack.settings.referenceDate) else { return nil }
            let w = v.fields["working"] ?? ""
            traces.append(ComputationTrace(name: "comparison", op: op, operands: comp.operands, working: w))
            switch cmp.op {
            case .compare:
                text = "\(v.fields["winner"]!.prefix(1).uppercased() + v.fields["winner"]!.dropFirst()) is the larger: \(v.fields["winner_value"]!) against \(v.fields["loser_value"]!) for \(v.fields["loser"]!)."
            case .difference:
                text = "\(named(fa)); \(named(fb)). The difference is \(v.fields["display"]!) (\(w))."
            case .ratio:
                text = "\(named(fa)); \(named(fb)). The first is \(v.fields["display"]!) the second (\(w))."
            case .sum:
                text = "\(named(fa)); \(named(fb)). Together that makes \(v.fields["display"]!) (\(w))."
            }
        }
        // "Did more French visit Spain than Spaniards visited France?": yes or no first.
        var yesno: String?
        if a.kind == .yesno, fa.value.unitKey(in: pack.language) == fb.value.unitKey(in: pack.language), let x = fa.value.number, let y = fb.value.number {
            let words = Set(a.tokens.map(\.text))
            let wantsLess = !words.isDisjoint(with: ["fewer", "less", "smaller", "lower"])
            let yes = wantsLess ? x < y : x > y
            yesno = yes ? "yes" : "no"
            text = (yes ? "Yes. " : "No. ") + text
        }
        let explanation = Explanation(
            analysis: a, candidates: summaries(cands), contextUse: nil, slots: [:],
            sources: [fa, fb].map { (fact: $0.id, source: $0.source, label: $0.label) }, computations: traces, yesno: yesno)
        return Response(answer: text, intent: "computed.\(cmp.op.rawValue)", facts: [fa.id, fb.id], reason: nil, score: nil, explanation: explanation)
    }
}
