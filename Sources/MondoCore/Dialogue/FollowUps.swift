/// Follow-ups that rewrite or re-aim the previous question: an elliptical new entity
/// ("and Globex?") and a change of slots within an intent family ("and the other way round?").
extension Engine {
    static let ellipsisStarts: [[String]] = [["and"], ["what", "about"], ["how", "about"], ["what", "of"], ["same", "for"], ["and", "what", "about"], ["and", "for"], ["also"]]

    /// An elliptical follow-up naming another entity of a class the previous question named
    /// ("where is Acme based?" … "and Globex?") becomes the previous question with that entity
    /// swapped in. Returns nil when the utterance is not such a follow-up.
    func entitySubstitution(_ a: Analysis, context: DialogueContext) -> (text: String, old: String, new: String)? {
        guard let prev = context.lastUtterance, !a.entities.isEmpty else { return nil }
        let words = a.tokens.map(\.text)
        let elliptical = Self.ellipsisStarts.contains { words.starts(with: $0) } || a.contentUnits.count <= 1
        guard elliptical, a.contentUnits.count <= 3, a.kind == .what || a.kind == .how else { return nil }
        let pa = analyzer.analyse(prev)
        for e in a.entities {
            // Entities that fill direction slots change slots instead (``slotFollowUp``).
            guard index.slotValue(e.concept) == nil, let cls = pack.concepts[e.concept]?.entityClass else { continue }
            guard let old = pa.entities.first(where: { pack.concepts[$0.concept]?.entityClass == cls && $0.concept != e.concept }) else { continue }
            // Replace the old entity's words in the previous question by the new entity's words.
            let oldUnit = pa.units[old.unit], newUnit = a.units[e.unit]
            let toks = pa.tokens.map(\.text)
            var out = toks[..<oldUnit.start] + newUnit.text.split(separator: " ").map(String.init)
            out += toks[(oldUnit.start + oldUnit.length)...]
            return (out.joined(separator: " ") + "?", oldUnit.text, newUnit.text)
        }
        return nil
    }

    /// Finds the member of `family` that answers the previous question with the slots this
    /// utterance changes. Returns nil when the utterance changes no slot; `(nil, slots)` when it
    /// does but no intent of the family has those slots.
    func slotFollowUp(_ a: Analysis, family: String, context: DialogueContext) -> (Int?, [String: String])? {
        var s = context.slots
        var changed = false
        if a.reverse, let src = s["source"], let tgt = s["target"] {
            s["source"] = tgt; s["target"] = src; changed = true
        }
        for e in a.entities {
            guard let country = index.slotValue(e.concept) else { continue }
            let role = e.role ?? "source"
            let old = s[role]
            if old != country {
                s[role] = country; changed = true
                let other = role == "source" ? "target" : "source"
                if s[other] == country, let old { s[other] = old }
            }
        }
        for t in a.times {
            guard let year = t.year ?? pack.settings.thisYear else { continue }
            var v = t.endYear.map { "\(year)/\($0)" } ?? String(year)
            if let h = t.half { v += "-H\(h)" }
            // "this year" after a question about the first half of this year changes nothing.
            if let cur = s["time"].flatMap({ TimeRef($0) }), let q = TimeRef(v), q.years == cur.years, q.half == nil { continue }
            if s["time"] != v { s["time"] = v; changed = true }
        }
        guard changed else { return nil }
        // Only an utterance made of slot words is elliptical; anything more is a new question.
        let slotUnits = Set(a.entities.map(\.unit))
        let timeWords: Set<String> = ["year", "half", "first", "second", "last", "this", "next", "by", "in", "until", "round", "around", "way", "versa", "vice", "reverse", "opposite", "direction"]
        let other = a.contentUnits.enumerated().filter { i, u in
            !slotUnits.contains(a.units.firstIndex(of: u) ?? -1) && u.number == nil && !timeWords.contains(u.text)
        }
        if other.count > 1 { return nil }
        let members = pack.intents.enumerated().filter { $0.element.family == family }
        let fit = members.first { _, i in
            ["source", "target", "time"].allSatisfy { k in
                guard let want = s[k] else { return true }
                guard let have = i.slots[k] else { return k != "time" }
                return have == want || index.slotValue(have) == want
            }
        }
        return (fit?.offset, s)
    }
}
