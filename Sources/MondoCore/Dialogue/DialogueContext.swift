/// What the dialogue remembers between turns: the last answered intent, its slots, and the
/// matching keys of the last question (for pronouns and elliptical follow-ups).
public struct DialogueContext: Sendable, Equatable {
    /// Id of the last intent that answered.
    public var lastIntent: String?
    /// Slots of that answer (`source`, `target`, `time`).
    public var slots: [String: String] = [:]
    /// Matching keys (`w:…`, `c:…`) of the last answered question and of its intent's patterns.
    public var keys: Set<String> = []
    /// Entities named in the last answered question.
    public var entities: [String] = []
    /// The last answered question, as typed (after any follow-up rewriting).
    public var lastUtterance: String?
    /// Number of turns so far, answered or not.
    public var turns = 0
    /// Entities named by the last turn when it was declined ("when was William born?" names
    /// William): a pronoun in the next turn may point at them ("which battle did he win?").
    public var declinedEntities: [String] = []
    /// People in focus after the last answered turn, most likely first: for a who-question the
    /// people its answer names, then those the question named; otherwise the other way round.
    /// "he"/"she" in the next turn may point at them ("who led the expedition?" … "whom did he
    /// serve?").
    public var people: [String] = []
    /// The clarifying question asked by the last turn ("Do you mean …?"), which the next
    /// utterance may answer ("yes", "2", "no"); dropped after that turn whatever it is.
    public var clarification: Clarification?

    /// An empty context (a new conversation).
    public init() {}
}
