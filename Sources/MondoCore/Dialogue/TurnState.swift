/// The steps that resolve a turn against the dialogue context, in the order they run. Each
/// runs at most once per turn (``Engine/answer(_:context:mayRewrite:)`` walks `allCases` once),
/// so resolution is bounded by construction: no step calls another, and only
/// ``substitution`` answers a rewritten utterance, with rewriting switched off.
public enum ResolutionStep: String, CaseIterable, Sendable {
    /// "and Acme?", "what about the one in Lyon?": the previous question about another entity.
    case substitution
    /// A pronoun right after a declined turn points at what that turn named.
    case declinedReferent = "declined-referent"
    /// "he"/"she" with no person named: the person in focus after the last answer.
    case personInFocus = "person-in-focus"
    /// A pronoun with nothing before it: the pack's subject (an interviewee, a people).
    case packSubject = "pack-subject"
    /// "and the other way round?", "what about 2035?": the last intent's family with other
    /// slots; otherwise the previous turn's words may satisfy the intents' patterns.
    case previousTurn = "previous-turn"
    /// Two facts compared ("which is bigger, …?") when no computed intent answers it.
    case comparison
    /// The time between two dated facts.
    case elapsed
    /// "when?", "where was that?": only a kind of answer, about the previous topic.
    case kindOnly = "kind-only"
    /// After "and Globex?" could not be answered as the previous question, an answer of another
    /// kind is not an answer: the substitution's decline stands.
    case substitutedKind = "substituted-kind"
}

extension Candidate {
    /// An intent a resolution step chose from the dialogue context (one pattern group taken from
    /// it), unblocked, at `fit`.
    static func chosenFromContext(_ pos: Int, fit: Double) -> Candidate {
        Candidate(intent: pos, fit: fit, blocked: nil, userReason: nil, fromContext: 1, timeConflict: false)
    }
}

/// What is known about a turn while its resolution steps run: the analysis, the candidates
/// (best first), the intent chosen so far and how the dialogue context was used to choose it.
struct TurnState {
    /// The utterance as typed.
    let utterance: String
    /// Its analysis.
    let analysis: Analysis
    /// The candidates the chosen intent came from, best first.
    var candidates: [Candidate]
    /// The intent that will answer, if any so far.
    var chosen: Candidate?
    /// Its slots (after any follow-up change).
    var slots: [String: String] = [:]
    /// How the context was used, in words (for `:why`).
    var contextUse: String?
    /// The step that used the context to choose, if any.
    var step: ResolutionStep?
    /// The decline of the utterance read as the previous question about another entity, kept
    /// until the words themselves have been tried.
    var substitutedDecline: Response?

    /// Records that `step` chose `candidate` (from `candidates`, when given; otherwise the list
    /// stays as it was), with `slots` and the reason in words.
    mutating func choose(_ candidate: Candidate, from candidates: [Candidate]? = nil, slots: [String: String],
                         by step: ResolutionStep, _ use: String?) {
        chosen = candidate
        if let candidates { self.candidates = candidates }
        self.slots = slots
        contextUse = use
        self.step = use == nil ? nil : step
    }
}
