import Testing
@testable import MondoCore

/// `Lines` splits on bytes exactly as a split by `Character` would.
@Suite("Lines")
struct LinesTests {
    static func byCharacter(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    @Test(arguments: ["", "a", "a\n", "\n", "a\r\nb", "a\rb\n\nc", "\r\n\r\n", "é\u{301}\nx", "日本\r\r\nベトナム\n", "a\n\u{301}b"])
    func splitsLikeCharacters(_ text: String) {
        #expect(Lines.split(text) == Self.byCharacter(text))
    }

    @Test func randomTextsSplitLikeCharacters() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "ß", "\n", "\r", "\r\n", " ", "\u{301}", "語", "#", "\t", "😀"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...20, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Lines.split(text) == Self.byCharacter(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func listedWordsSkipCommentsBlanksAndSpaces() {
        var words: [String] = []
        Lines.eachListedWord("# comment\nalpha\n\n  beta \r\ngam\tma\n#x\n") { words.append($0) }
        #expect(words == ["alpha", "beta", "gamma"])
    }
}
