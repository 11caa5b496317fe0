import MondoCore

/// `:topics` (every topic with its description and how many kinds of question it covers) and
/// `:topics NAME` (that topic's example questions).
///
/// A topic is the part of intent ids before the first dot (`visitors` for
/// `visitors.japanese_to_vietnam`), shown with `_` as a space; its description is the
/// `description` of the topic file that holds its intents (Docs/pack-format.md).
public enum TopicsCommand {
    /// One topic of a pack.
    public struct Topic: Sendable {
        /// As shown and typed: the id prefix with `_` as a space (`azec energy`).
        public var name: String
        /// The topic file's `description`, when it has one.
        public var description: String?
        /// The topic's intents, in pack order.
        public var intents: [Intent]
        /// The example questions of its intents, each intent's first one first.
        public var examples: [String] { intents.flatMap(\.examples) }
    }

    /// The topics of `pack`, in the order their first intents appear.
    public static func topics(_ pack: Pack) -> [Topic] {
        var out: [Topic] = []
        var position: [String: Int] = [:]
        for intent in pack.intents {
            let key = Pack.topic(ofIntent: intent.id)
            if let k = position[key] { out[k].intents.append(intent); continue }
            position[key] = out.count
            out.append(Topic(name: key.replacingOccurrences(of: "_", with: " "), description: pack.topicDescriptions[key], intents: [intent]))
        }
        return out
    }

    /// The `:topics` text: a table with a row per topic: its name, how many kinds of question
    /// (intents) and example questions it has, and its description (or, without one, its first
    /// example question).
    public static func list(_ pack: Pack) -> String {
        let all = topics(pack)
        let width = max(5, all.map(\.name.count).max() ?? 0) + 2
        var t = "\(all.count) topic\(all.count == 1 ? "" : "s"), \(pack.intents.count) kinds of question. "
            + ":topics NAME lists a topic's example questions.\n"
        t += "  " + "topic".padding(toLength: width, withPad: " ", startingAt: 0) + "kinds  examples  about\n"
        for topic in all {
            let what = topic.description ?? topic.examples.first.map { "e.g. “\($0)”" } ?? ""
            t += "  " + topic.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + pad(topic.intents.count, 5) + pad(topic.examples.count, 10) + "  " + what + "\n"
        }
        return t
    }

    /// The `:topics NAME` text: the topic's description and the first example question of each of
    /// its kinds of question; for a name no topic has, the nearest name ("did you mean") or the
    /// list of names. Names compare without regard to case, diacritics, or `_` for a space; the
    /// beginning of one topic's name is enough (`azec` for `azec energy`).
    public static func show(_ name: String, pack: Pack) -> String {
        let all = topics(pack)
        let wanted = key(name)
        let starting = all.filter { key($0.name).hasPrefix(wanted) }
        guard let topic = all.first(where: { key($0.name) == wanted }) ?? (starting.count == 1 ? starting.first : nil) else {
            if let near = nearest(wanted, in: all.map { key($0.name) }, limit: 3),
               let match = all.first(where: { key($0.name) == near }) {
                return "No topic '\(name)'. Did you mean :topics \(match.name)?"
            }
            return "No topic '\(name)'. The topics are: " + all.map(\.name).joined(separator: ", ") + "."
        }
        var t = topic.name + (topic.description.map { ": " + $0 } ?? "") + "\n"
        t += "\(topic.intents.count) kind\(topic.intents.count == 1 ? "" : "s") of question, for example:\n"
        for intent in topic.intents { if let ex = intent.examples.first { t += "  “\(ex)”\n" } }
        return t
    }

    /// A topic name as compared: folded, `_` as a space, blanks collapsed.
    static func key(_ name: String) -> String {
        Fold.text(name.replacingOccurrences(of: "_", with: " ")).split(separator: " ").joined(separator: " ")
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
