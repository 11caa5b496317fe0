import Foundation
import Mustache

/// A kind of small talk: an utterance that is not a question about the document. Cases are in
/// order of precedence: of an utterance holding phrases of several kinds ("hi, what can you
/// do?"), the first kind here answers.
public enum MannerKind: String, CaseIterable, Sendable {
    /// "help", "what can you do?", "what can I ask?"
    case help
    /// "what is this about?"
    case about
    /// "who are you?"
    case identity
    /// "bye", "see you"
    case goodbye
    /// "thanks", "thx", "great"
    case thanks
    /// "hi", "hello", "good morning"
    case greeting

    /// The intent id a response of this kind carries (`meta.greeting` …): no pack intent, and
    /// not an answer about the document.
    public var intent: String { Self.intentPrefix + rawValue }
    /// What every manners intent id starts with.
    public static let intentPrefix = "meta."
}

/// A reply to a clarifying question ("Do you mean …?").
public enum ClarificationReply: String, CaseIterable, Sendable {
    /// "yes", "y", "yeah": the option offered (with two, which one is asked).
    case yes
    /// "no", "neither": none of them.
    case no
    /// "1", "the first": the first option.
    case first
    /// "2", "the second": the second option.
    case second
}

/// Recognises small talk and replies to clarifying questions from the language data's `manners`
/// and `clarification_replies` phrases (Docs/language-data.md, "Conversation manners"). Strict:
/// the whole utterance must be made of such phrases and `ignored` words, so a question that
/// opens with a greeting ("hi, how many …?") is never small talk.
public struct Manners: Sendable {
    /// Phrases as the normaliser reads them, longest first, with their kind (nil: an ignored word).
    let phrases: [(words: [String], kind: MannerKind?)]
    /// Reply phrases, longest first.
    let replies: [(words: [String], reply: ClarificationReply)]
    /// One-word phrases of five letters or more, which a word one letter off also matches ("thnaks").
    let longWords: [(word: String, kind: MannerKind)]
    let language: LanguageData

    /// Reads the phrases of `language`. A kind with no text in `language.texts` (or `texts`,
    /// when given: the pack's overrides included) is not recognised. O(phrases).
    public init(language: LanguageData, texts: [String: String]? = nil) {
        self.language = language
        let texts = texts ?? language.texts
        func normalised(_ words: [String]) -> [String] {
            Normalizer.tokens(words.joined(separator: " "), language: language).map(\.text)
        }
        var ps: [(words: [String], kind: MannerKind?)] = []
        for (name, list) in language.mannerPhrases {
            let kind = MannerKind(rawValue: name)
            if let kind, texts[kind.rawValue] == nil { continue }
            if kind == nil && name != "ignored" { continue }
            for p in list { let w = normalised(p); if !w.isEmpty { ps.append((w, kind)) } }
        }
        phrases = ps.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.joined() < $1.words.joined() }
        longWords = ps.compactMap { p in p.kind.flatMap { k in p.words.count == 1 && p.words[0].count >= 5 ? (p.words[0], k) : nil } }
            .sorted { $0.word < $1.word }
        var rs: [(words: [String], reply: ClarificationReply)] = []
        for (name, list) in language.clarificationReplies {
            guard let r = ClarificationReply(rawValue: name) else { continue }
            for p in list { let w = normalised(p); if !w.isEmpty { rs.append((w, r)) } }
        }
        replies = rs.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.joined() < $1.words.joined() }
    }

    /// The kind of small talk `utterance` is, or nil when it is not wholly small talk (a word
    /// no phrase covers, or only `ignored` words). O(words × phrases).
    public func kind(of utterance: String) -> MannerKind? {
        let words = Normalizer.tokens(utterance, language: language).map(\.text)
        guard let kinds = cover(words, phrases, fuzzy: true) else { return nil }
        return MannerKind.allCases.first { kinds.contains($0) }
    }

    /// True when `utterance` is worded as a question: it holds a question word ("who are you?",
    /// "what can you do?") or opens with an auxiliary ("are you a bot?"). O(words).
    public func isQuestion(_ utterance: String) -> Bool {
        let words = Normalizer.tokens(utterance, language: language).map(\.text)
        return words.contains { language.questionWords[$0] != nil } || words.first.map(language.yesNoOpenings.contains) == true
    }

    /// The reply `utterance` makes to a clarifying question, or nil when it is something else
    /// (then it is a new question). Thanks and `ignored` words may stand around the reply
    /// ("yes please", "no thanks"); two different replies ("yes no") are none. O(words × phrases).
    public func reply(to utterance: String) -> ClarificationReply? {
        let words = Normalizer.tokens(utterance, language: language).map(\.text)
        let table: [(words: [String], kind: ClarificationReply?)] = replies.map { ($0.words, $0.reply) }
            + phrases.filter { $0.kind == nil || $0.kind == .thanks }.map { ($0.words, nil) }
        guard let found = cover(words, table, fuzzy: false), Set(found).count == 1 else { return nil }
        return found.first
    }

    /// Covers `words` left to right with the longest phrase of `table` at each place; nil when a
    /// word is left over. The values of the phrases used, in order (ignored phrases give none).
    func cover<T>(_ words: [String], _ table: [(words: [String], kind: T?)], fuzzy: Bool) -> [T]? {
        var i = 0
        var found: [T] = []
        outer: while i < words.count {
            for p in table where p.words.count <= words.count - i && words[i..<(i + p.words.count)].elementsEqual(p.words) {
                if let k = p.kind { found.append(k) }
                i += p.words.count
                continue outer
            }
            if fuzzy, words[i].count >= 5, let k = longWords.first(where: { Self.oneEditApart($0.word, words[i]) })?.kind as? T {
                found.append(k); i += 1; continue
            }
            return nil
        }
        return found.isEmpty ? nil : found
    }

    /// True when `a` and `b` differ by one letter changed, added or removed, or two neighbours
    /// swapped. O(length).
    static func oneEditApart(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        if x == y || abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }
}

/// The texts of manners and clarifying questions: Mustache templates from the language data's
/// `texts`, overridden by a pack's `manners:` in pack.yaml, rendered as plain text.
public enum MannerTexts {
    /// Why `template` cannot be used, or nil when it parses.
    public static func problem(in template: String) -> String? {
        do { _ = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template); return nil }
        catch { return TemplateErrors.problem(in: template, error: error).message }
    }

    /// `template` filled from `values` (strings; an empty one is a false section), with runs of
    /// blanks made one space. A template that does not parse is shown as written.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        let filled = (try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template))?
            .render(values.mapValues { $0.isEmpty ? false as Any : $0 as Any }) ?? template
        return filled.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

extension Engine {
    /// The intent ids of responses that are not answers about the document: one per
    /// ``MannerKind`` (`meta.greeting` …) and `meta.not_meant` ("no" to a clarifying question).
    public static let metaIntents: Set<String> = Set(MannerKind.allCases.map(\.intent) + ["meta.not_meant"])

    /// The text named `name` (`greeting`, `clarify_one` …): the pack's override, else the language data's.
    func text(_ name: String) -> String? { pack.settings.mannerTexts[name] ?? pack.language.texts[name] }

    /// The pack's values for manners texts: `name`, `description`, `source`, `topics`, `example`.
    var packValues: [String: String] {
        let s = pack.settings
        let topics = pack.topicNames
        let list = topics.count <= 1 ? topics.joined() : topics.dropLast().joined(separator: ", ") + " and " + topics.last!
        return ["name": s.name, "description": s.description, "source": s.source, "topics": list,
                "example": pack.intents.lazy.compactMap(\.examples.first).first ?? ""]
    }

    /// The response to small talk of `kind`: its text, intent `meta.KIND`, no facts. Nil when
    /// neither the pack nor the language data has a text for it.
    func mannersResponse(_ kind: MannerKind, analysis: Analysis) -> Response? {
        guard let t = text(kind.rawValue) else { return nil }
        let explanation = Explanation(analysis: analysis, candidates: [], contextUse: nil, slots: [:], sources: [],
                                      computations: [], yesno: nil)
        return Response(answer: MannerTexts.render(t, packValues), intent: kind.intent, facts: [], reason: nil,
                        score: nil, explanation: explanation)
    }
}

extension Pack {
    /// The pack's topics, in the order of their first intent: the name of each topic file
    /// (`topics/culture_heritage.yaml` → "culture heritage", `_` read as a space), or for an
    /// intent with no known file the part of its id before the first dot.
    public var topicNames: [String] {
        var seen = Set<String>()
        return intents.compactMap { i in
            let file = i.location.map { ($0.path as NSString).lastPathComponent }.map { ($0 as NSString).deletingPathExtension }
            let t = (file ?? i.id.split(separator: ".").first.map(String.init) ?? i.id).replacingOccurrences(of: "_", with: " ")
            return seen.insert(t).inserted ? t : nil
        }
    }
}
