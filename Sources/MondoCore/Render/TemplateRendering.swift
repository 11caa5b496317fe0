/// An intent's answer text: its template filled from its facts and computations.
extension Engine {
    /// An intent's answer: its template filled from its facts and computations, with the facts
    /// used (id, source locator, label), the computations' working and their numbers.
    func render(_ pos: Int) -> (text: String, sources: [(String, String, String)], traces: [ComputationTrace], numbers: [Double]) {
        let intent = pack.intents[pos]
        var ctxValues: [String: Any] = [:]
        var sources: [(String, String, String)] = []
        for id in intent.facts {
            guard let f = pack.facts[id] else { continue }
            ctxValues[id] = FactFormatter.context(f)
            sources.append((id, f.source, f.label))
        }
        var traces: [ComputationTrace] = []
        var computedNumbers: [Double] = []
        for (name, comp) in intent.compute.map({ ($0.name, $0.computation) }) {
            guard let v = Computer.evaluate(comp, facts: pack.facts, now: pack.settings.referenceDate) else { continue }
            ctxValues[name] = v.fields
            if let n = v.number { computedNumbers.append(n) }
            traces.append(ComputationTrace(name: name, op: comp.op, operands: comp.operands, working: v.fields["working"] ?? ""))
            for id in comp.operands where id != "now" && !intent.facts.contains(id) {
                if let f = pack.facts[id] { sources.append((id, f.source, f.label)) }
            }
        }
        let text = pack.templates[intent.id]?.render(ctxValues) ?? intent.answer
        return (text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "), sources, traces, computedNumbers)
    }
}
