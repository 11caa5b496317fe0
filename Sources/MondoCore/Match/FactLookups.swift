/// Lookups the answering path would otherwise compute by scanning every fact of the pack, built
/// once at compile time so that a question costs the same whatever the number of facts.
struct FactLookups: Sendable {
    /// Entity concept → the name a person, place or organisation fact gives it (the first such
    /// fact in id order whose name is one of the concept's terms, compared folded).
    var entityNames: [String: String] = [:]
    /// A person fact's name → the roles person facts give that name ("Ambassador of …").
    var personRoles: [String: [String]] = [:]
    /// Inverted indexes of ``PackIndex/factVocab`` and ``PackIndex/datedFactVocab``: matching
    /// key → positions (ascending) of the facts whose vocabulary has it.
    var factVocabPostings: [String: [Int]] = [:]
    var datedFactVocabPostings: [String: [Int]] = [:]

    /// No lookups (a pack with no facts).
    init() {}

    /// Builds the lookups. O(facts + concept terms + vocabulary keys).
    init(pack: Pack, factVocab: [(fact: String, vocab: [String: Double])], datedFactVocab: [(fact: String, vocab: [String: Double])]) {
        // Folded name → the first fact in id order that gives it, with its position and name as written.
        var firstNamed: [String: (position: Int, name: String)] = [:]
        for (i, f) in pack.facts.values.sorted(by: { $0.id < $1.id }).enumerated() {
            let name: String
            switch f.value {
            case .person(let n, let role, _): name = n; personRoles[n, default: []].append(role)
            case .place(let n, _), .organisation(let n, _, _): name = n
            default: continue
            }
            if firstNamed[Self.folded(name)] == nil { firstNamed[Self.folded(name)] = (i, name) }
        }
        for c in pack.concepts.values {
            if let first = Set(c.terms.map(Self.folded)).compactMap({ firstNamed[$0] }).min(by: { $0.position < $1.position }) {
                entityNames[c.name] = first.name
            }
        }
        for (pos, entry) in factVocab.enumerated() { for k in entry.vocab.keys { factVocabPostings[k, default: []].append(pos) } }
        for (pos, entry) in datedFactVocab.enumerated() { for k in entry.vocab.keys { datedFactVocabPostings[k, default: []].append(pos) } }
    }

    static func folded(_ s: String) -> String { Fold.text(s).lowercased() }

    /// Positions (ascending) of the entries of a fact vocabulary that share a key with `units`.
    static func reached(_ units: [Unit], in postings: [String: [Int]]) -> [Int] {
        var out = Set<Int>()
        for u in units { for k in u.keys { if let p = postings[k] { out.formUnion(p) } } }
        return out.sorted()
    }
}
