/// Summary questions: the key facts of the topic that fits what is asked about.
extension Engine {
    /// The sentences of an answer (split after ".", "!" or "?" followed by a space).
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in text {
            cur.append(ch)
            if ch == " ", let last = cur.dropLast().last, ".!?".contains(last) { out.append(String(cur.dropLast())); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// A sentence's words, lowercased and without punctuation, for comparing sentences.
    static func sentenceKey(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// How many intents a summary joins at most.
    static let summaryLength = 5

    /// Answers "what does he say about X?" from the topic (intent id prefix) of the intent that fits
    /// `subject` best: an intent the pack marks as the topic's summary (id `TOPIC.summary` or
    /// `TOPIC.overview`) first, then the topic's intents that share the most with the subject (a
    /// require group it does not meet is no obstacle here), then the rest of the topic in the
    /// pack's order; up to ``summaryLength`` answers with different texts, joined. Computed and
    /// yes/no-only intents are left out.
    /// Returns nil when no intent fits (the question is then answered as any other).
    func answerSummary(subject: String, utterance: String, context: inout DialogueContext) -> Response? {
        let a = analyzer.analyse(subject)
        let cands = matcher.candidates(for: a, contextKeys: a.isAnaphoric ? context.keys : [])
        // For a summary, a require group the subject does not meet is no obstacle: the topic is.
        func usable(_ c: Candidate) -> Bool {
            let i = pack.intents[c.intent]
            return (c.block == nil || c.block == .require) && i.compute.isEmpty && i.ask != [.yesno]
        }
        guard let top = cands.first(where: { usable($0) && $0.score >= matcher.threshold }) else { return nil }
        let topicID = pack.intents[top.intent].id
        let topic = String(topicID.split(separator: ".").first ?? Substring(topicID))
        let inTopic = { (pos: Int) in self.pack.intents[pos].id.hasPrefix(topic + ".") }
        // The topic's own summary first, then its intents that fit the subject best, then the
        // rest of the topic in the pack's order.
        var order: [Int] = pack.intents.indices.filter { pack.intents[$0].id == topic + ".summary" || pack.intents[$0].id == topic + ".overview" }
        order += cands.filter { usable($0) && inTopic($0.intent) && $0.score >= matcher.policy.summaryScore }.map(\.intent)
        // A subject that spans topics ("semiconductor cooperation": training and factories):
        // intents of other topics that fit it as well as a question would.
        order += cands.filter { usable($0) && !inTopic($0.intent) && $0.score >= matcher.threshold }.prefix(1).map(\.intent)
        order += pack.intents.indices.filter { inTopic($0) && pack.intents[$0].compute.isEmpty && pack.intents[$0].ask != [.yesno] }
        var seen = Set<Int>()
        let picked = order.filter { seen.insert($0).inserted }
        var texts: [String] = []
        var sources: [(String, String, String)] = []
        var used: [Int] = []
        var said = Set<String>()
        for pos in picked where used.count < Self.summaryLength {
            let r = render(pos)
            // Sentences another answer of the summary already gave are not repeated.
            let fresh = Self.sentences(r.text).filter { !said.contains(Self.sentenceKey($0)) }
            guard !fresh.isEmpty else { continue }
            for f in fresh { said.insert(Self.sentenceKey(f)) }
            texts.append(fresh.joined(separator: " "))
            sources += r.sources
            used.append(pos)
        }
        guard let first = used.first else { return nil }
        let id = pack.intents[first].id
        context.lastIntent = id
        context.slots = pack.intents[first].slots
        context.keys = Set(a.contentUnits.flatMap(\.keys)).union(pack.intents[first].require.flatMap { $0 }.map(Matcher.key))
        context.entities = a.entities.map(\.concept)
        context.lastUtterance = utterance
        let explanation = Explanation(
            analysis: analyzer.analyse(utterance), candidates: summaries(cands),
            contextUse: "summary of “\(subject)” from topic \(topic): " + used.map { pack.intents[$0].id }.joined(separator: ", "),
            slots: [:], sources: sources.map { (fact: $0.0, source: $0.1, label: $0.2) }, computations: [], yesno: nil)
        return Response(answer: texts.joined(separator: " "), intent: id, facts: sources.map(\.0), reason: nil, score: top.score, explanation: explanation)
    }
}
