import Foundation
import Testing
@testable import MondoCore

@Suite("Language data")
struct LanguageDataTests {
    static func change(_ yaml: String) -> (LanguageChange, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let doc = YAMLDocument(path: "language.yaml", text: yaml, diagnostics: &diagnostics)
        let c = LanguageFile.read(doc, diagnostics: &diagnostics)
        return (c, diagnostics)
    }

    @Test func theEnglishResourceLoadsEveryTable() {
        let en = LanguageData.english
        #expect(en.functionWords.contains("the"))
        #expect(en.fillerOpenings.contains(["could", "you", "tell", "me"]))
        #expect(en.questionWords["how"]?.first?.words == ["how", "come"])
        #expect(en.questionNouns["year"] == .when)
        #expect(en.numberPhrases.contains(["how", "many"]))
        #expect(en.unitCategory("Visitors") == "people")
        #expect(en.unitCategory("companies") == "companies")
        #expect(en.unitCategory("projects") == "projects")
        #expect(en.expansions["what's"] == ["what", "is"])
        #expect(en.expansions["govt"] == ["government"])
        #expect(en.numberWords["twelve"] == 12)
        #expect(en.numberScales["k"] == 1000)
        #expect(en.ordinals["third"] == 3)
        #expect(en.ordinalNames[3] == "third")
        #expect(en.months["sept"] == 9)
        #expect(en.quantityMarkersBefore.contains("than"))
        #expect(en.stemmer.stem("went") == en.stemmer.stem("go"))
    }

    @Test func theEnglishResourceNamesNoDocument() {
        // The shipped pack's document words live in its own language.yaml.
        let en = LanguageData.english
        for w in ["interview", "ambassador", "ambassadors", "singer", "guest"] {
            #expect(!en.functionWords.contains(w) && en.questionNouns[w] == nil, "\(w)")
        }
        #expect(!en.fillerOpenings.contains { $0.contains("ambassador") || $0.contains("interview") })
    }

    @Test func aPackFileAddsAndRemoves() {
        let (c, diags) = Self.change("""
            function_words: [Interview]
            filler_openings: [does the  article say]
            question_nouns:
              who: [singer]
            unit_categories:
              people: [pilgrims]
              ships: [ships, boats]
            irregular_forms:
              smote: smite
            number_words:
              score: 20
            remove:
              function_words: [one]
              question_nouns: [season]
              months: [may]
            """)
        #expect(diags.isEmpty, "\(diags)")
        let lang = LanguageData.english.merging(c)
        #expect(lang.functionWords.contains("interview"))
        #expect(!lang.functionWords.contains("one"))
        #expect(lang.functionWords.contains("the"))
        #expect(lang.fillerOpenings.contains(["does", "the", "article", "say"]))
        #expect(lang.questionNouns["singer"] == .who)
        #expect(lang.questionNouns["leader"] == .who)
        #expect(lang.questionNouns["season"] == nil)
        #expect(lang.unitCategory("pilgrims") == "people")
        #expect(lang.unitCategory("visitors") == "people")
        #expect(lang.unitCategory("boats") == "ships")
        #expect(lang.stemmer.stem("smote") == lang.stemmer.stem("smite"))
        #expect(lang.numberWords["score"] == 20)
        #expect(lang.months["may"] == nil && lang.months["june"] == 6)
        // The default is untouched.
        #expect(LanguageData.english.functionWords.contains("one"))
        #expect(Normalizer.tokens("a score of ships", language: lang).first { $0.number != nil }?.number == 20)
    }

    @Test func mistakesAreReportedWithTheirPlace() {
        let (_, diags) = Self.change("""
            function_word: [a]
            question_nouns:
              whem: [year]
            months:
              smarch: 13
            ordinals: [first]
            remove:
              fillers: [so]
            """)
        let text = diags.map(\.description).joined(separator: "\n")
        #expect(diags.count == 5, "\(text)")
        #expect(text.contains("language.yaml:1:1: error: unknown key 'function_word' in a language file; did you mean 'function_words'?"))
        #expect(text.contains("unknown group 'whem' in 'question_nouns'; did you mean 'when'?"))
        #expect(text.contains("the value of 'smarch' in 'months' must be a month number from 1 to 12, not '13'"))
        #expect(text.contains("'ordinals' must map words to numbers"))
        #expect(text.contains("unknown key 'fillers'"))
    }

    @Test func aPacksLanguageFileChangesHowItsTermsAndQuestionsAreRead() throws {
        let dir = NSTemporaryDirectory() + "mondo-language-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
        for f in ["pack.yaml", "concepts.yaml", "topics/visits.yaml"] {
            try FileManager.default.copyItem(atPath: Repo.fixture("mini") + "/" + f, toPath: dir + "/" + f)
        }
        // "jpv" is this pack's own abbreviation.
        try "abbreviations:\n  jpv: japanese visitors\n".write(toFile: dir + "/language.yaml", atomically: true, encoding: .utf8)
        let engine = try Engine(packDirectory: dir)
        #expect(engine.pack.language.expansions["jpv"] == ["japanese", "visitors"])
        var ctx = DialogueContext()
        let r = engine.respond(to: "how many jpv went to viet nam in 2024", context: &ctx)
        #expect(r.intent == "visits.jp_to_vn")
    }

    @Test func aBrokenPackLanguageFileStopsTheLoad() throws {
        let dir = NSTemporaryDirectory() + "mondo-language-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
        for f in ["pack.yaml", "concepts.yaml", "topics/visits.yaml"] {
            try FileManager.default.copyItem(atPath: Repo.fixture("mini") + "/" + f, toPath: dir + "/" + f)
        }
        try "question_words:\n  whither: [whither]\n".write(toFile: dir + "/language.yaml", atomically: true, encoding: .utf8)
        #expect(throws: PackError.self) { try Pack.load(from: dir) }
    }

    @Test func theShippedPackKeepsItsDocumentWordsInItsOwnLanguageFile() {
        let lang = shippedEngine.pack.language
        #expect(lang.functionWords.contains("interview"))
        #expect(lang.questionNouns["ambassador"] == .who)
        #expect(lang.fillerOpenings.contains(["does", "the", "ambassador", "say"]))
    }
}
