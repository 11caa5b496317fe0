/// What the engine adds to a pack's answer from the facts and the question: a yes/no verdict, and
/// the length of a span for "how long".
extension Engine {
    /// The length of the first span among the intent's facts (a period, or a date or time written
    /// as a span), when the question asks "how long": `("4 years", "1524 − 1520 = 4", fact id)`.
    func duration(of intent: Intent, asked a: Analysis) -> (years: String, working: String, fact: String)? {
        let words = a.tokens.map(\.text)
        guard words.contains("long"), words.contains("how") else { return nil }
        for id in intent.facts {
            guard let f = pack.facts[id] else { continue }
            var span: (Int, Int)?
            switch f.value {
            case .period(let from, _, let to, _): span = (from.year, to.lastYear)
            case .date(let t, _) where t.precision == .span: span = (t.year, t.lastYear)
            default: if let t = f.time, t.precision == .span { span = (t.year, t.lastYear) }
            }
            guard let (x, y) = span, y > x else { continue }
            let n = y - x
            return ("\(n) year\(n == 1 ? "" : "s")", "\(TimeText.year(y)) − \(TimeText.year(x)) = \(n)", id)
        }
        return nil
    }

    /// Yes, no, or nil when neither the facts nor the question decide it — then the answer states
    /// the facts without a verdict. Never a default:
    /// - a time the facts contradict, or an entity put in the place of one the intent knows
    ///   (`contradicted`), says no; the intent's fixed `yesno` decides next;
    /// - an asserted rank, number or threshold is compared with the facts;
    /// - a person, place or organisation the question names is compared with the one the facts name;
    /// - a time the facts confirm, or a question the intent covers completely (score at least
    ///   ``Matcher/coveredScore``) whose answer holds no negative word ("not", "failed"), says yes.
    func decideYesNo(_ a: Analysis, intent: Intent, score: Double, contradicted: Bool, computed: [Double], answer: String) -> Bool? {
        if contradicted { return false }
        if let fixed = intent.yesno { return fixed }
        let facts = intent.facts.compactMap { pack.facts[$0] }
        if let r = a.assertedRank {
            for f in facts { if case .rank(let v, _, _) = f.value { return v == r } }
        }
        let values = facts.compactMap(\.value.number) + computed
        let asked = a.numbers.filter { $0 > 1 }
        if let q = asked.first, var v = values.first {
            // "more than 3,500 firms" asked of a fact that is itself "more than 3,500".
            if let ap = facts.first?.approx, ["more than", "over", "at least"].contains(ap) { v += max(abs(v) * 1e-6, 1e-6) }
            // "more than 700,000", "exceed 8%", "under 10 million": compare with the main fact.
            let w = a.tokens.map(\.text)
            let above: Set<String> = ["more", "over", "exceed", "exceeded", "exceeds", "above", "least", "beyond", "surpass", "surpassed", "top", "topped"]
            let below: Set<String> = ["less", "fewer", "under", "below", "most"]
            if let i = a.tokens.firstIndex(where: { $0.number == q }) {
                let before = Set(w[max(0, i - 3)..<i])
                if !before.isDisjoint(with: above) { return v > q || (before.contains("least") && v >= q) }
                if !before.isDisjoint(with: below) { return v < q || (before.contains("most") && v <= q) }
            }
            return asked.contains { q in values.contains { v in abs(v - q) <= max(abs(v) * 0.02, 0.001) } }
        }
        if let named = namedEntityVerdict(a, facts: facts) { return named }
        if !a.times.isEmpty { return true }
        let answerWords = Set(Normalizer.tokens(answer, language: pack.language).map(\.text))
        if score >= Matcher.coveredScore, answerWords.isDisjoint(with: pack.language.negativeWords) { return true }
        return nil
    }

    /// "Did Harold win at Hastings?" when the fact names William: no; when it names Harold: yes.
    /// Compares the people, places and organisations the question names with the names of the
    /// facts of those kinds. Nil when the question names none of that kind.
    func namedEntityVerdict(_ a: Analysis, facts: [Fact]) -> Bool? {
        var names: [String: [String]] = [:]  // entity class → folded names in the facts
        for f in facts {
            switch f.value {
            case .person(let n, _, _): names["person", default: []].append(Fold.text(n))
            case .place(let n, _): names["place", default: []].append(Fold.text(n))
            case .organisation(let n, _, _): names["organisation", default: []].append(Fold.text(n))
            default: continue
            }
        }
        guard !names.isEmpty else { return nil }
        var verdict: Bool?
        for e in a.entities {
            guard let have = names[e.entityClass] else { continue }
            let terms = [a.units[e.unit].text] + (pack.concepts[e.concept]?.terms.map { Fold.text($0) } ?? [])
            let same = have.contains { n in terms.contains { t in !t.isEmpty && (n.contains(t) || t.contains(n)) } }
            if same { verdict = verdict ?? true } else { verdict = false }
        }
        return verdict
    }

    /// A word of the question whose opposite the answer uses instead ("western" asked, "eastern"
    /// answered), as (asked, given); nil when there is none. Opposites come from the language
    /// data (`opposites`); words compare by stem. O(question words × answer words).
    func oppositeWord(_ a: Analysis, answer: String) -> (String, String)? {
        let opposites = pack.language.opposites
        // Most questions have no word with an opposite: the answer is not read at all then.
        guard !opposites.isEmpty, a.tokens.contains(where: { opposites[$0.stem] != nil }) else { return nil }
        let said = Normalizer.tokens(answer, language: pack.language)
        let saidStems = Set(said.map(\.stem))
        let askedStems = Set(a.tokens.map(\.stem))
        for t in a.tokens {
            guard let others = opposites[t.stem], !saidStems.contains(t.stem) else { continue }
            // A word on the same side ("south" for "southern": both opposite "north") is the asked word too.
            if saidStems.contains(where: { opposites[$0].map { !$0.isDisjoint(with: others) } ?? false }) { continue }
            if let given = said.first(where: { others.contains($0.stem) && !askedStems.contains($0.stem) }) { return (t.text, given.text) }
        }
        return nil
    }

}
