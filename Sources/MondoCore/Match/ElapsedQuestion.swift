/// "How many years between the treaty and the battle?", "How long after the conquest did they
/// invade Ireland?", "How many years before A was B?": the time between two dated facts the
/// question names, computed at answer time when no intent of the pack answers it.
///
/// The question must ask a duration ("how many years", "how long", "how many decades") and name
/// two events, split at `between … and`, `from … to`, or `after`/`before` … (an auxiliary verb)
/// …; each side is matched against the dated facts' vocabularies like ``Comparison`` does for
/// numeric facts. O(units × dated facts).
struct ElapsedQuestion {
    let pack: Pack
    let index: PackIndex

    static let durationUnits: Set<String> = ["years", "year", "decades", "decade", "centuries", "century", "long"]

    /// The two dated facts, earlier first, or nil when the question is not such a duration question.
    /// A side that only points back ("how many years after that …", "… between then and …")
    /// takes the first dated fact among `previous`, the facts of the last answer.
    func find(_ a: Analysis, previous: [String] = []) -> (first: Fact, second: Fact)? {
        let words = a.units.map(\.text)
        // "how many years …", "how long …", or a terse "years between A and B".
        let w = a.tokens.map(\.text)
        let asksDuration = zip(w, w.dropFirst()).contains { x, y in
            (x == "many" && Self.durationUnits.contains(y) && y != "long") || (x == "how" && y == "long")
        } || w.first.map { ["years", "decades", "centuries"].contains($0) } ?? false
        guard words.count >= 4, asksDuration else { return nil }
        var left: ArraySlice<Unit>, right: ArraySlice<Unit>
        if let b = words.firstIndex(of: "between"), let and = words[(b + 1)...].firstIndex(of: "and") {
            left = a.units[(b + 1)..<and]; right = a.units[(and + 1)...]
        } else if let f = words.firstIndex(of: "from"), let to = words[(f + 1)...].firstIndex(where: { $0 == "to" || $0 == "until" }) {
            left = a.units[(f + 1)..<to]; right = a.units[(to + 1)...]
        } else if let p = words.firstIndex(where: { $0 == "after" || $0 == "before" }),
                  let aux = words[(p + 1)...].firstIndex(where: { pack.language.yesNoOpenings.contains($0) }) {
            left = a.units[(p + 1)..<aux]; right = a.units[(aux + 1)...]
        } else { return nil }
        let before = previous.lazy.compactMap { pack.facts[$0] }.first { PackIndex.when($0) != nil }
        // "How long is a flight from A to B?": two places are a route, not two events.
        let placeUnits = Set(a.entities.filter { ["place", "country"].contains($0.entityClass) }.map(\.unit))
        func side(_ units: ArraySlice<Unit>, excluding: String? = nil) -> Fact? {
            let content = units.indices.filter { !units[$0].isStop }
            if !content.isEmpty, content.allSatisfy({ placeUnits.contains($0) }) { return nil }
            if units.allSatisfy({ $0.isStop || Self.durationUnits.contains($0.text) }),
               units.contains(where: { pack.language.followUpPronouns.contains($0.text) }) { return before }
            return best(units, excluding: excluding)
        }
        guard let l = side(left), let r = side(right, excluding: l.id),
              let tl = PackIndex.when(l), let tr = PackIndex.when(r) else { return nil }
        return tl.year <= tr.year ? (l, r) : (r, l)
    }

    /// The dated fact whose vocabulary covers most of `units` (at least ``ScoringPolicy/datedFactFit`` of their weight).
    func best(_ units: ArraySlice<Unit>, excluding: String? = nil) -> Fact? {
        let content = units.filter { !$0.isStop && $0.number == nil && !Self.durationUnits.contains($0.text) }
        let weights = content.map { index.weight($0) ?? 1.0 }
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var top: (id: String, score: Double)?
        for pos in FactLookups.reached(content, in: index.lookups.datedFactVocabPostings) {
            let (id, vocab) = index.datedFactVocab[pos]
            if id == excluding { continue }
            var covered = 0.0
            for (u, w) in zip(content, weights) {
                // The best key of the unit counts; each further key it shares breaks ties
                // ("hastings" is both the battle and a conquest: the fact named for both wins).
                let hits = u.keys.compactMap { vocab[$0] }
                let top = hits.max() ?? 0
                covered += w * (top + ScoringPolicy.standard.sharedKeyTieBreak * (hits.reduce(0, +) - top))
            }
            let score = covered / total
            if score > (top?.score ?? 0) { top = (id, score) }
        }
        guard let t = top, t.score >= ScoringPolicy.standard.datedFactFit else { return nil }
        return pack.facts[t.id]
    }
}
