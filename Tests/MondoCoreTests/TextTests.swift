import Testing
@testable import MondoCore

@Suite("Fold")
struct FoldTests {
    @Test("folding removes case, diacritics and typographic punctuation", arguments: [
        ("Việt Nam", "viet nam"),
        ("Đà Nẵng", "da nang"),
        ("NHẬT BẢN", "nhat ban"),
        ("Hồ Chí Minh", "ho chi minh"),
        ("the ambassador’s view", "the ambassador's view"),
        ("‘quoted’", "'quoted'"),
        ("“double”", "\"double\""),
        ("2015–2025", "2015-2025"),
        ("ＪＡＰＡＮ １２３", "japan 123"),
        ("Café", "cafe"),
    ])
    func folds(input: String, expected: String) {
        #expect(Fold.text(input) == expected)
    }

    @Test func foldingIsIdempotent() {
        for s in ["Việt Nam", "Đà Nẵng", "“Ｈｉ”", "plain"] {
            #expect(Fold.text(Fold.text(s)) == Fold.text(s))
        }
    }
}

@Suite("Stemmer")
struct StemmerTests {
    @Test("word families meet on one stem", arguments: [
        ["visit", "visits", "visited", "visiting"],
        ["tourist", "tourists"],
        ["company", "companies"],
        ["city", "cities"],
        ["study", "studies", "studied", "studying"],
        ["church", "churches"],
        ["class", "classes"],
        ["plan", "plans", "planned", "planning"],
        ["travel", "travels", "travelled", "travelling"],
        ["grow", "grows", "growing", "grew", "grown"],
        ["go", "goes", "went", "gone", "going"],
        ["build", "builds", "building", "built"],
        ["run", "running", "ran"],
    ])
    func family(words: [String]) {
        let stems = Set(words.map(Stemmer.stem))
        #expect(stems.count == 1, "stems differ: \(words.map { "\($0)→\(Stemmer.stem($0))" })")
    }

    // The base word of an irregular form goes through the stemmer too (made → make → make).
    @Test("irregular past forms meet their base form's stem",
          arguments: [["make", "making", "made"], ["take", "taking", "took", "taken"], ["give", "giving", "gave", "given"],
                      ["come", "coming", "came"], ["write", "writing", "wrote", "written"]])
    func irregularConsistency(words: [String]) {
            let stems = Set(words.map(Stemmer.stem))
            #expect(stems.count == 1, "stems differ: \(words.map { "\($0)→\(Stemmer.stem($0))" })")
    }

    @Test("words with digits are left alone; short and proper words keep their form",
          arguments: ["bus", "this", "2030s", "h1", "710k", "osaka", "tokyo"])
    func untouched(word: String) {
        #expect(Stemmer.stem(word) == word)
    }

    // The hand-written stemmer mapped noted/notes onto "not" and names onto "nam".
    @Test func snowballKeepsWordsApartThatTheOldRulesMerged() {
        #expect(Stemmer.stem("notes") == Stemmer.stem("noted"))
        #expect(Stemmer.stem("notes") != Stemmer.stem("not"))
        #expect(Stemmer.stem("names") == "name")
        #expect(Stemmer.stem("names") != Stemmer.stem("nam"))
    }

    @Test func irregularFormsComeFromTheLanguageData() {
        let plain = Stemmer(irregularForms: [:])
        #expect(plain.stem("went") != plain.stem("go"))
        let withForms = Stemmer(irregularForms: ["went": "go", "smote": "smite"])
        #expect(withForms.stem("went") == withForms.stem("going"))
        #expect(withForms.stem("smote") == withForms.stem("smiting"))
    }

    @Test func stemmingFromManyThreadsAtOnceAgrees() async {
        let words = (0..<400).map { ["visit", "notes", "travelling", "universities", "companies"][$0 % 5] + String(repeating: "s", count: $0 % 3) }
        let expected = words.map(Stemmer.stem)
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { words.map(Stemmer.stem) == expected }
            }
            for await same in group { #expect(same) }
        }
    }

    @Test func differentWordsStayApart() {
        #expect(Stemmer.stem("visit") != Stemmer.stem("vision"))
        #expect(Stemmer.stem("japan") != Stemmer.stem("japanese"))
    }
}

@Suite("Normalizer")
struct NormalizerTests {
    static func words(_ s: String) -> [String] { Normalizer.tokens(s).map(\.text) }

    @Test("contractions and chat spellings expand", arguments: [
        ("What's the figure?", ["what", "is", "the", "figure"]),
        ("what’s up", ["what", "is", "up"]),
        ("whos the envoy", ["who", "is", "the", "envoy"]),
        ("Who's he", ["who", "is", "he"]),
        ("It isn't", ["it", "is", "not"]),
        ("they're here", ["they", "are", "here"]),
        ("dont know", ["do", "not", "know"]),
        ("r u sure", ["are", "you", "sure"]),
        ("Japan's visitors", ["japan", "visitors"]),
    ])
    func contractions(input: String, expected: [String]) {
        #expect(Self.words(input) == expected)
    }

    @Test("number forms become canonical digits", arguments: [
        ("710,000", "710000", 710_000.0),
        ("710k", "710000", 710_000),
        ("710 thousand", "710000", 710_000),
        ("77.7 billion", "77700000000", 77_700_000_000),
        ("20bn", "20000000000", 20_000_000_000),
        ("two thousand", "2000", 2000),
        ("a thousand", "1000", 1000),
        ("twenty-one", "21", 21),
        ("7.52", "7.52", 7.52),
        ("ten", "10", 10),
    ])
    func numbers(input: String, text: String, value: Double) {
        let t = Normalizer.tokens(input)
        #expect(t.count == 1)
        #expect(t.first?.text == text)
        #expect(t.first?.number == value)
    }

    @Test("number phrases keep their unit words", arguments: [
        ("ten percent", ["10", "percent"]),
        ("8.3%", ["8.3", "percent"]),
        ("USD 20bn", ["usd", "20000000000"]),
        ("$5 million", ["usd", "5000000"]),
        ("1.8x", ["1.8", "times"]),
        ("the 3rd largest", ["the", "third", "largest"]),
        ("2nd", ["second"]),
        ("h1 2025", ["first", "half", "2025"]),
        ("growth in H2", ["growth", "in", "second", "half"]),
        ("1,5", ["1", "5"]),
    ])
    func phrases(input: String, expected: [String]) {
        #expect(Self.words(input) == expected)
    }

    @Test func ordinalTokenCarriesItsValue() {
        let t = Normalizer.tokens("3rd")
        #expect(t.map(\.text) == ["third"])
        #expect(t.first?.number == 3)
    }

    @Test func emptyAndSymbolOnlyInputGiveNoTokens() {
        #expect(Normalizer.tokens("").isEmpty)
        #expect(Normalizer.tokens("?!… ---").isEmpty)
    }

    @Test func canonicalDropsTrailingZeros() {
        #expect(Normalizer.canonical(710000) == "710000")
        #expect(Normalizer.canonical(7.5) == "7.5")
        #expect(Normalizer.canonical(0.125) == "0.125")
    }

    @Test func diacriticsFoldBeforeTokenising() {
        #expect(Self.words("Việt Nam") == Self.words("viet nam"))
        #expect(Self.words("Đà Nẵng") == ["da", "nang"])
    }
}
