import Foundation
import MondoCore

/// What `mondo new` writes, worked out from the document alone (pure; ``Scaffold`` writes it).
public struct ScaffoldPlan: Sendable {
    /// One topic file.
    public struct Topic: Sendable {
        /// The file name without `.yaml`, also the prefix of its intent id (`part_1`, `q3_embassy_support`).
        public var name: String
        /// Where its paragraphs are (`¶1–¶5`, `Q3`), for the file's opening comment.
        public var span: String
        /// The draft facts, each with its id and locator, in document order.
        public var drafts: [(id: String, locator: String, fact: DraftFact)]
        /// The draft the example intent answers with (an index in ``drafts``), if any was usable.
        public var example: Int?
        /// The name the example question asks about.
        public var exampleName: String?
    }

    /// The pack's name: the document's title (a first paragraph with no sentence end), else the file name.
    public var name: String
    /// The topics in document order.
    public var topics: [Topic]
    /// The section label when the document has sections (`Q`), else empty.
    public var label: String

    /// How many paragraphs make a topic when the document has neither sections nor headings.
    public static let paragraphsPerTopic = 5

    /// Plans a pack for `document`.
    /// - Parameters:
    ///   - document: the document, split (with the section pattern when one was given).
    ///   - fileName: the document's file name, for the pack's name when it has no title.
    ///   - label: the section label given with a section pattern (`Q`), else empty.
    ///   - language: the English data (names, numbers, sentence ends).
    public init(document: DocumentText, fileName: String, label: String, language: LanguageData) {
        self.label = label
        let first = document.paragraphs.first
        name = first?.role == .heading && first!.text.count <= 120 ? first!.text : (fileName as NSString).deletingPathExtension
        let counted = document.paragraphs.filter { $0.role == .counted }
        func locator(_ p: DocumentText.Paragraph) -> String {
            p.section > 0 ? "\(label)\(p.section) ¶\(p.number!)" : "¶\(p.number!)"
        }
        // Topics: sections, else headings after the title, else groups of paragraphs.
        var groups: [(name: String, span: String, paragraphs: [DocumentText.Paragraph])] = []
        var used = Set<String>()
        func unique(_ base: String) -> String {
            var n = base.isEmpty ? "topic" : base, k = 2
            if n.first?.isLetter != true { n = "t_" + n }
            while !used.insert(n).inserted { n = "\(base)_\(k)"; k += 1 }
            return n
        }
        let headings = document.paragraphs.enumerated().filter { k, p in k > 0 && p.role == .heading
            && document.paragraphs.dropFirst(k + 1).first?.role == .counted }
        if document.sectionCount > 0 {
            let intro = counted.filter { $0.section == 0 }
            if !intro.isEmpty { groups.append((unique("intro"), "before \(label)1", intro)) }
            for s in 1...document.sectionCount {
                let start = document.paragraphs.first { $0.section == s && $0.role == .sectionStart }
                let ps = counted.filter { $0.section == s }
                guard !ps.isEmpty else { continue }
                let words = Self.slug(start?.text ?? "", language: language, words: 3)
                groups.append((unique("\(label.lowercased())\(s)" + (words.isEmpty ? "" : "_" + words)), "\(label)\(s)", ps))
            }
        } else if !headings.isEmpty {
            var current: (String, [DocumentText.Paragraph]) = ("intro", [])
            for p in document.paragraphs {
                if headings.contains(where: { $0.element == p }) {
                    if !current.1.isEmpty { groups.append((unique(current.0), Self.span(current.1.map(locator)), current.1)) }
                    current = (Self.slug(p.text, language: language, words: 3), [])
                } else if p.role == .counted { current.1.append(p) }
            }
            if !current.1.isEmpty { groups.append((unique(current.0), Self.span(current.1.map(locator)), current.1)) }
        } else {
            for (k, start) in stride(from: 0, to: counted.count, by: Self.paragraphsPerTopic).enumerated() {
                let ps = Array(counted[start..<min(start + Self.paragraphsPerTopic, counted.count)])
                groups.append((unique("part_\(k + 1)"), Self.span(ps.map(locator)), ps))
            }
        }

        // Names written mid-sentence anywhere in the document: a name opening a sentence counts
        // only when it is one of these.
        let abbreviations = language.sentenceAbbreviations
        var midSentence = Set<String>()
        for p in counted {
            for s in Sentences.split(p.text, abbreviations: abbreviations) {
                for n in DraftFacts.names(in: s, language: language) where !n.atStart { midSentence.insert(n.name) }
            }
        }
        var ids = Set<String>()
        var exampleWords = Set<String>()
        topics = groups.map { g in
            var drafts: [(String, String, DraftFact)] = []
            var namesSeen = Set<String>()
            for p in g.paragraphs {
                for s in Sentences.split(p.text, abbreviations: abbreviations) {
                    let names = DraftFacts.names(in: s, language: language).filter { !$0.atStart || midSentence.contains($0.name) }.map(\.name)
                    for var d in DraftFacts.numbers(in: s, language: language) {
                        d.nearName = names.first
                        drafts.append((Self.id(g.name, d, &ids), locator(p), d))
                    }
                    for n in names where namesSeen.insert(n).inserted {
                        var d = DraftFact(kind: .name, name: n, sentence: s)
                        d.nearName = names.first { $0 != n }
                        drafts.append((Self.id(g.name, d, &ids), locator(p), d))
                    }
                }
            }
            // The example: a dated or counted fact next to a name, else a name; its name shares no
            // stem with another topic's example (so no two example intents take one question).
            func fits(_ n: String?) -> Bool {
                guard let n else { return false }
                let ws = Self.stems(n, language)
                return !ws.isEmpty && ws.isDisjoint(with: exampleWords)
            }
            var example: Int?
            for kind in [DraftFact.Kind.date, .quantity, .percentage, .money] where example == nil {
                example = drafts.firstIndex { $0.2.kind == kind && fits($0.2.nearName) && (kind != .quantity || $0.2.unit != nil) }
            }
            if example == nil { example = drafts.firstIndex { $0.2.kind == .name && fits($0.2.name) } }
            let exampleName = example.map { drafts[$0].2.kind == .name ? drafts[$0].2.name! : drafts[$0].2.nearName! }
            if let n = exampleName { exampleWords.formUnion(Self.stems(n, language)) }
            return Topic(name: g.name, span: g.span, drafts: drafts, example: example, exampleName: exampleName)
        }
    }

    /// The stems of `text`'s words, as the matcher compares them ("Romans" and "Roman" share one).
    static func stems(_ text: String, _ language: LanguageData) -> Set<String> {
        Set(Normalizer.tokens(text, language: language).map(\.stem))
    }

    /// Folded words of `text`, letters and digits only.
    static func words(_ text: String) -> [String] {
        Fold.text(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Up to `words` content words of `text`, joined by `_` (`[a-z0-9_]`).
    static func slug(_ text: String, language: LanguageData, words n: Int) -> String {
        let ws = words(text).filter { !language.functionWords.contains($0) && language.questionWords[$0] == nil }
        return ws.prefix(n).map { String($0.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0)) }.map(Character.init)) }
            .filter { !$0.isEmpty }.joined(separator: "_")
    }

    /// `¶1–¶5`, `¶4`: the first and last of the locators.
    static func span(_ locators: [String]) -> String {
        guard let a = locators.first, let b = locators.last else { return "" }
        return a == b ? a : "\(a)–\(b)"
    }

    /// A unique fact id: topic, kind and what was found (`part_1_date_1642`, `part_2_name_ada_quell`).
    static func id(_ topic: String, _ d: DraftFact, _ ids: inout Set<String>) -> String {
        let detail: String
        switch d.kind {
        case .name: detail = slug(d.name ?? "", language: .english, words: 4)
        case .date: detail = slug(d.time ?? "", language: .english, words: 3)
        default: detail = d.value.map { Normalizer.canonical($0).replacingOccurrences(of: ".", with: "_") } ?? ""
        }
        let base = [topic, d.kind.rawValue, detail].filter { !$0.isEmpty }.joined(separator: "_")
        var id = base, k = 2
        while !ids.insert(id).inserted { id = "\(base)_\(k)"; k += 1 }
        return id
    }
}
