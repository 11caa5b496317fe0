import Foundation
import Testing
@testable import MondoCore

/// The pure parts of provenance: locators, paragraph numbering, sentences, and the sentence of a fact.
@Suite("provenance")
struct ProvenanceTests {
    @Test func locatorsParseWithSectionsRangesAndLists() throws {
        #expect(try Locator.parse("Q3 ¶4", sectionLabel: "Q") == [Locator(section: 3, paragraph: 4, label: "Q")])
        #expect(try Locator.parse("Q1", sectionLabel: "Q") == [Locator(section: 1, paragraph: nil, label: "Q")])
        #expect(try Locator.parse("¶30–¶32", sectionLabel: "").map(\.paragraph) == [30, 31, 32])
        #expect(try Locator.parse("¶2, ¶17", sectionLabel: "").map(\.paragraph) == [2, 17])
        #expect(try Locator.parse("Q2 ¶1-3; Q4", sectionLabel: "Q").map(\.description) == ["Q2 ¶1", "Q2 ¶2", "Q2 ¶3", "Q4"])
    }

    @Test func badLocatorsSayWhereTheyGoWrong() {
        func failure(_ s: String, _ label: String = "") -> Locator.ParseError? {
            do { _ = try Locator.parse(s, sectionLabel: label); return nil } catch { return error }
        }
        #expect(failure("p. 12")?.offset == 0)
        #expect(failure("¶0")?.offset == 1)
        #expect(failure("¶5–¶3")?.message.contains("end after it starts") == true)
        #expect(failure("¶4 and ¶5")?.offset == 3)
        #expect(failure("Q3 ¶4")?.offset == 0, "no section label: Q3 is no locator")
        #expect(failure("Q ¶4", "Q")?.message.contains("section number") == true)
    }

    static let interview = """
        A title line

        Host: first question?

        Guest: answer one. It has two sentences.

        Answer two, with 3.5 million items.

        A caption without an end

        Answer two, with 3.5 million items.

        Second question?

        The only answer here.
        """

    @Test func paragraphsAreCountedPerSectionSkippingHeadingsAndRepeats() throws {
        let doc = DocumentText(text: Self.interview, sectionPattern: try NSRegularExpression(pattern: #"\?\s*$"#))
        #expect(doc.sectionCount == 2)
        #expect(doc.paragraphs.map(\.role) == [.heading, .sectionStart, .counted, .counted, .heading, .repeated, .sectionStart, .counted])
        #expect(doc.paragraphs(at: Locator(section: 1, paragraph: 2)).first?.text == "Answer two, with 3.5 million items.")
        #expect(doc.paragraphs(at: Locator(section: 1, paragraph: 2)).first?.line == 7)
        #expect(doc.paragraphs(at: Locator(section: 2, paragraph: 1)).first?.text == "The only answer here.")
        #expect(doc.paragraphs(at: Locator(section: 1, paragraph: 3)).isEmpty)
        #expect(doc.paragraphs(at: Locator(section: 1)).count == 2)
        // Without the pattern, the questions are paragraphs like the others.
        let flat = DocumentText(text: Self.interview)
        #expect(flat.sectionCount == 0)
        #expect(flat.paragraphs(at: Locator(paragraph: 5)).first?.text == "The only answer here.")
    }

    @Test func sentencesKeepAbbreviationsDecimalsAndInitialsTogether() {
        let abbreviations = LanguageData.english.sentenceAbbreviations
        let p = "The U.S. firm paid 77.7 million in c. 1000 AD. St. Anne's bell rang! Did it? “Yes.” Then we left."
        #expect(Sentences.split(p, abbreviations: abbreviations) == [
            "The U.S. firm paid 77.7 million in c. 1000 AD.", "St. Anne's bell rang!", "Did it?", "“Yes.”", "Then we left.",
        ])
        #expect(Sentences.split("No sentence end here", abbreviations: abbreviations) == ["No sentence end here"])
    }

    func fact(_ value: FactValue, label: String, time: TimeRef? = nil) -> Fact {
        Fact(id: "f", label: label, value: value, approx: nil, time: time, source: "¶1", location: nil)
    }

    @Test func theSentenceHoldingTheValueIsChosen() {
        let en = LanguageData.english
        let s = ["Harbour dues rose sharply.", "Some twelve thousand four hundred people lived there.", "It cost USD 3.5 billion."]
        #expect(FactSentence.index(of: fact(.quantity(value: 12400, unit: "people"), label: "residents"), in: s, language: en) == 1)
        #expect(FactSentence.index(of: fact(.money(value: 3.5e9, currency: "USD"), label: "cost"), in: s, language: en) == 2)
        let names = ["The mayor spoke.", "Then Hà Nội replied."]
        #expect(FactSentence.index(of: fact(.place(name: "Ha Noi", kind: nil), label: "city"), in: names, language: en) == 1)
        // No value to find: the label's words decide.
        #expect(FactSentence.index(of: fact(.text("grew"), label: "harbour dues"), in: s, language: en) == 0)
        #expect(FactSentence.index(of: fact(.text("x"), label: "unrelated"), in: s, language: en) == nil)
    }

    @Test func documentPathsAreResolvedAgainstThePackFolder() {
        #expect(DocumentLink(path: "../doc.txt").resolvedPath(packDirectory: "Tests/pack/Intents") == "Tests/pack/doc.txt")
        #expect(DocumentLink(path: "../../../shared/a.txt").resolvedPath(packDirectory: "Intents") == "../../shared/a.txt")
        #expect(DocumentLink(path: "/srv/doc.txt").resolvedPath(packDirectory: "Intents") == "/srv/doc.txt")
        #expect(DocumentLink(path: "./doc.txt").resolvedPath(packDirectory: "/p/./Intents") == "/p/Intents/doc.txt")
    }
}
