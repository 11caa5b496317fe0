import Foundation
import MondoCore

/// The text of `:source`: the paragraphs of the source document behind an answer, each once,
/// headed by its locator, with the sentence that holds each fact marked `»…«`
/// (Docs/cli.md, ":source").
public enum SourceView {
    /// Opens the sentence that holds a fact (a marker that survives pipes and plain files).
    public static let open = "»"
    /// Closes it.
    public static let close = "«"

    /// What `:source` prints for `response`.
    /// - Parameters:
    ///   - response: the answer to show the sources of (nil: nothing was asked yet).
    ///   - pack: the pack that answered (its facts and document link).
    ///   - document: the document as read (``SourceDocument/load(_:)``).
    /// - Returns: the paragraphs with marked sentences; when the document is not linked or cannot
    ///   be read, a sentence saying so (naming the path and reason) and the locators alone.
    ///   Document text has its control characters made visible (``VisibleText``).
    public static func text(for response: Response?, pack: Pack, document: SourceDocument.Loaded) -> String {
        guard let response else { return "Nothing to show yet: ask a question first." }
        guard response.intent != nil else { return "Nothing to show: the last question was not answered, so no fact of the document stands behind it." }
        // Each fact once, in the order the answer used them.
        var seen = Set<String>()
        let facts = response.explanation.sources.compactMap { s -> Fact? in
            guard seen.insert(s.fact).inserted else { return nil }
            return pack.facts[s.fact]
        }
        guard !facts.isEmpty else { return "Nothing to show: the last answer uses no fact of the document." }
        let label = pack.settings.document?.sectionLabel ?? ""
        func list(_ fs: [Fact]) -> String {
            fs.map { "  \($0.id) [\(VisibleText.of($0.source))]: \(VisibleText.of($0.label))" }.joined(separator: "\n")
        }
        switch document {
        case .notLinked:
            return "The pack links no source document (add document: to pack.yaml, see Docs/pack-format.md). The last answer's facts and their locators:\n" + list(facts)
        case .unreadable(let path, let reason):
            return "The source document \(VisibleText.of(path)) cannot be read: \(reason). The last answer's facts and their locators:\n" + list(facts)
        case .text(let doc, let path):
            // Paragraph (by its index in the document) → facts found in it.
            var byParagraph: [Int: (locator: Locator, facts: [Fact])] = [:]
            var missing: [(Fact, String)] = []
            for f in facts {
                let locators: [Locator]
                do { locators = try Locator.parse(f.source, sectionLabel: label) } catch {
                    missing.append((f, "not a locator: \(error.message)")); continue
                }
                var found = false
                for l in locators {
                    for p in doc.paragraphs(at: l) {
                        guard let k = doc.paragraphs.firstIndex(of: p) else { continue }
                        found = true
                        let exact = Locator(section: l.section, paragraph: p.number, label: label)
                        byParagraph[k, default: (exact, [])].facts.append(f)
                    }
                }
                if !found { missing.append((f, "the document has no such paragraph")) }
            }
            var out: [String] = []
            let n = byParagraph.count
            out.append("The last answer comes from \(n) paragraph\(n == 1 ? "" : "s") of \(VisibleText.of(path)); \(open)…\(close) marks the sentence that holds each fact.")
            for k in byParagraph.keys.sorted() {
                let (locator, fs) = byParagraph[k]!
                let p = doc.paragraphs[k]
                out.append("")
                out.append("\(locator)  (line \(p.line))")
                out.append(marked(p.text, facts: fs, language: pack.language))
                out.append("  facts: " + fs.map { "\($0.id) (\(VisibleText.of($0.label)))" }.joined(separator: ", "))
            }
            if !missing.isEmpty {
                out.append("")
                out.append("Not found in the document:")
                out += missing.map { "  \($0.0.id) [\(VisibleText.of($0.0.source))]: \($0.1)" }
            }
            return out.joined(separator: "\n")
        }
    }

    /// `paragraph` with the sentence holding each of `facts` wrapped in ``open`` and ``close``
    /// (each sentence once), control characters made visible.
    public static func marked(_ paragraph: String, facts: [Fact], language: LanguageData) -> String {
        let sentences = Sentences.split(paragraph, abbreviations: language.sentenceAbbreviations)
        var hit = Set<Int>()
        for f in facts { if let i = FactSentence.index(of: f, in: sentences, language: language) { hit.insert(i) } }
        return sentences.enumerated().map { k, s in
            hit.contains(k) ? open + VisibleText.of(s) + close : VisibleText.of(s)
        }.joined(separator: " ")
    }
}

extension Shell {
    /// The text of `:source` for the last turn (reads the pack's document each time, so an edited
    /// document is seen at once).
    func sourceText() -> String {
        SourceView.text(for: turns.last?.response, pack: engine.pack, document: SourceDocument.load(engine.pack))
    }
}
