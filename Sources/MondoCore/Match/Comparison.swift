/// Comparisons between any two numeric facts the question names ("Which was bigger, the Acme
/// investment or the harbour package?", "How many times more visitors did the Lyon
/// festival draw than the Paris one?"), computed at answer time when no intent of the pack
/// answers the comparison itself.
///
/// The question is split at its comparison word (`or`, `than`, `versus`, `and` after "between" or
/// "compare"); each side is matched against the facts' vocabularies like an utterance against
/// intents; two different numeric facts must each cover most of their side. Facts with different
/// units are not compared: the answer says why. Complexity: O(units × numeric facts).
struct Comparison {
    enum Op: String { case compare, difference, ratio, sum }

    let pack: Pack
    let index: PackIndex

    static let comparatives: Set<String> = ["more", "bigger", "larger", "higher", "greater", "less", "fewer", "smaller", "lower", "times", "difference", "gap", "bigger", "largest", "biggest", "compare", "comparison", "versus", "vs", "outnumber", "exceed", "combined", "together", "total", "sum"]

    /// The operation asked for and the two fact ids, or nil when the question is not a comparison
    /// of two facts the pack knows.
    func find(_ a: Analysis) -> (op: Op, first: String, second: String)? {
        let words = a.units.map(\.text)
        guard words.contains(where: { Self.comparatives.contains($0) }) else { return nil }
        let split: Int? = {
            if let i = words.firstIndex(where: { ["or", "than", "versus", "vs"].contains($0) }) { return i }
            if words.contains(where: { ["between", "compare", "comparison", "combined", "together", "sum", "total"].contains($0) }) {
                return words.lastIndex(of: "and") ?? words.lastIndex(of: "with")
            }
            return nil
        }()
        guard let cut = split, cut > 0, cut < a.units.count - 1 else { return nil }
        // "… more than triples the flow": "more than" before a verb intensifies the verb; it
        // compares nothing.
        if words[cut] == "than", let verb = a.units[(cut + 1)...].first(where: { !$0.isStop }),
           pack.language.intensifiedVerbs.contains(verb.stem ?? verb.text) { return nil }
        // "more than 8%", "fewer than 600,000": a threshold, which yes/no answers, not a second fact.
        if let u = a.units[(cut + 1)...].first(where: { !$0.isStop }), let n = u.number, n > 1, !(1990...2100).contains(n) { return nil }
        let left = Array(a.units[..<cut])
        var right = Array(a.units[(cut + 1)...])
        // "… than the one in Lyon": the right side borrows the left side's nouns.
        let rightTexts = Set(right.map(\.text))
        if right.contains(where: { ["one", "1", "ones", "that", "those"].contains($0.text) }) {
            right += left.filter { u in !u.isStop && !rightTexts.contains(u.text) && u.concepts.allSatisfy { pack.concepts[$0]?.entityClass == nil } && !Self.comparatives.contains(u.text) }
        }
        let l = ranked(left), r = ranked(right)
        guard !l.isEmpty, !r.isEmpty else { return nil }
        // The best pair of different facts, preferring two in the same unit when a side is
        // ambiguous ("the harbour package": the USD 2 billion rather than the 12 projects); a right
        // side that repeats the left's measure ("than Spaniards to France") takes its next fact.
        let unit = { (id: String) in pack.facts[id]?.value.unitKey(in: pack.language) }
        var pairs: [(String, String, Double, Bool)] = []
        for x in l { for y in r where x.id != y.id { pairs.append((x.id, y.id, x.score + y.score, unit(x.id) == unit(y.id))) } }
        guard let bestPair = pairs.max(by: { $0.2 + ($0.3 ? policy.sameUnitPairBonus : 0) < $1.2 + ($1.3 ? policy.sameUnitPairBonus : 0) }) else { return nil }
        let op: Op
        let asksWhich = words.contains(where: { ["which", "whichever", "bigger", "larger", "greater", "higher", "smaller", "lower"].contains($0) })
        if words.contains("times") { op = .ratio }
        else if words.contains(where: { ["difference", "gap"].contains($0) }) || (words.contains("many") || words.contains("much")) && words.contains(where: { ["more", "fewer", "less"].contains($0) }) { op = .difference }
        else if asksWhich { op = .compare }
        else if words.contains(where: { ["combined", "together", "total", "sum"].contains($0) }) { op = .sum }
        else { op = .compare }
        return (op, bestPair.0, bestPair.1)
    }

    /// The numeric facts that describe `units` best: those covering at least
    /// ``ScoringPolicy/comparedFactFit`` of their content and within
    /// ``ScoringPolicy/comparedFactMargin`` of the best, best first.
    var policy: ScoringPolicy { .standard }

    func ranked(_ units: [Unit]) -> [(id: String, score: Double)] {
        // Small numbers ("the one", "Line 1") name things, they do not describe a measure.
        let content = units.filter { !$0.isStop && !Self.comparatives.contains($0.text) && !["which", "what", "one"].contains($0.text) && ($0.number ?? 1000) >= 100 }
        let weights = content.map { index.weight($0) ?? 1.0 }
        let total = weights.reduce(0, +)
        guard total > 0 else { return [] }
        var all: [(id: String, score: Double)] = []
        // Only facts sharing a key with the words can cover any of them (a fact sharing none
        // scores 0, under any fit): the pack's other facts are not looked at.
        for pos in FactLookups.reached(content, in: index.lookups.factVocabPostings) {
            let (id, vocab) = index.factVocab[pos]
            var covered = 0.0
            for (u, w) in zip(content, weights) { covered += w * (u.keys.compactMap { vocab[$0] }.max() ?? 0) }
            all.append((id, covered / total))
        }
        guard let top = all.map(\.score).max(), top >= policy.comparedFactFit else { return [] }
        return all.filter { $0.score >= top - policy.comparedFactMargin && $0.score >= policy.comparedFactFit }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
    }
}
