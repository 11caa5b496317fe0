import Foundation
import Testing
@testable import MondoCore

/// WordNet relations: the resource's lookup, the dictionary forms tried, and the analyser giving
/// words a pack never lists the pack's keys of their relatives.
@Suite struct WordRelationsTests {
    static let sample = WordRelations(data: Data("""
        # header line
        # second header line
        apple\t=pome ^edible_fruit vcrab_apple
        kid\t@person =child ~childhood ^juvenile
        zebra\t^equine

        """.utf8))

    @Test func findsEveryLineOfASortedFileAndNothingElse() {
        #expect(Self.sample.relatives(of: "apple").map(\.words) == ["pome", "edible fruit", "crab apple"])
        #expect(Self.sample.relatives(of: "kid").map(\.relation) == [.synonym, .derived, .hypernym])
        #expect(Self.sample.relatives(of: "zebra") == [Relative(words: "equine", relation: .hypernym)])
        for missing in ["", "a", "app", "applesauce", "kids", "zzz", "# header line"] {
            #expect(Self.sample.relatives(of: missing).isEmpty, "\(missing)")
        }
        #expect(WordRelations.none.relatives(of: "kid").isEmpty)
    }

    @Test func theNounPersonCategoryIsReadAndIsNoRelative() {
        #expect(Self.sample.namesPerson("kid"))
        #expect(!Self.sample.namesPerson("apple"))
        #expect(!Self.sample.namesPerson("kids"))
        #expect(Self.sample.relatives(of: "kid").first?.words == "child")
        let r = WordRelations.english
        for w in ["trader", "monk", "envoy", "merchant", "soldier"] { #expect(r.namesPerson(w), "\(w)") }
        for w in ["tusk", "festival", "castle", "trade", "run"] { #expect(!r.namesPerson(w), "\(w)") }
    }

    @Test func theShippedResourceHasCommonWordsAndNoProperNouns() {
        let r = WordRelations.english
        #expect(r.relatives(of: "kid").contains(Relative(words: "child", relation: .synonym)))
        #expect(r.relatives(of: "subway").contains(Relative(words: "metro", relation: .synonym)))
        #expect(r.relatives(of: "tusk").contains(Relative(words: "ivory", relation: .synonym)))
        // Inflected forms from WordNet's exception lists get a line of their own.
        #expect(r.relatives(of: "children").first == Relative(words: "child", relation: .synonym))
        // Names, places and peoples are knowledge of the world, not of English.
        for name in ["paris", "napoleon", "sicilian", "rollo"] { #expect(r.relatives(of: name).isEmpty, "\(name)") }
    }

    @Test func dictionaryFormsComeFromTheLanguageData() {
        let l = LanguageData.english
        #expect(l.baseForms(of: "kids").contains("kid"))
        #expect(l.baseForms(of: "studies").contains("study"))
        #expect(l.baseForms(of: "went").contains("go"))
        #expect(l.baseForms(of: "spending").contains("spend"))
        #expect(l.baseForms(of: "tusk") == ["tusk"])
    }

    @Test func aWordThePackNeverListsReachesTheKeysOfItsRelatives() {
        let engine = NormansPackTests.engine
        let q = "which pontiff consented to robert guiscard's balkan campaign"
        let pontiff = engine.analyse(q).units.first { $0.text == "pontiff" }
        #expect(pontiff?.relatives.contains { $0.key == "w:pope" && $0.relation == .synonym } == true, "\(pontiff?.relatives ?? [])")
        var ctx = DialogueContext()
        let r = engine.respond(to: q, context: &ctx)
        #expect(r.answer.contains("Gregory VII"), Comment(rawValue: r.answer))
    }

    @Test func aWordOfEnglishIsNotCorrectedToAPackWord() {
        // "tusk" is one letter from "turk", a word of the Normans pack.
        let a = NormansPackTests.engine.analyse("who carved the tusk")
        #expect(a.corrections.isEmpty)
        let typo = NormansPackTests.engine.analyse("who conqured england")
        #expect(typo.corrections.contains { $0.from == "conqured" })
    }

    @Test func aWordThePackKnowsGetsNoRelatives() {
        let a = NormansPackTests.engine.analyse("who conquered england")
        #expect(a.units.allSatisfy { $0.relatives.isEmpty })
    }

    @Test func aRelativeCountsLessThanTheWordItself() {
        let p = ScoringPolicy.standard
        for r in WordRelation.allCases { #expect(p.weight(r) > 0 && p.weight(r) < 1) }
        #expect(p.weight(.synonym) >= p.weight(.hypernym) && p.weight(.hypernym) >= p.weight(.hyponym))
    }

    @Test(arguments: ["what did the kids sing", "how big was the outlay", "Which pope blessed it?", "and the other way round",
                      "did the ambassador sing", "where is the subway", "the the the", "how many how many"])
    func scoresStayBetweenZeroAndOne(_ q: String) {
        for engine in [shippedEngine, NormansPackTests.engine] {
            let cands = engine.matcher.candidates(for: engine.analyse(q))
            #expect(cands.allSatisfy { (0...1).contains($0.score) })
            #expect(zip(cands, cands.dropFirst()).allSatisfy { a, b in (a.blocked == nil) != (b.blocked == nil) || a.fit >= b.fit })
        }
    }
}
