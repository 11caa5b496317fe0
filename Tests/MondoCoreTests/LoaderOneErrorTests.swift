import Foundation
import Testing
@testable import MondoCore

/// One mistake, one error: no consequences of a broken file, no repeats, no "did you mean" that
/// names the same thing, no "unknown" for a fact that is defined but failed to load.
@Suite("Errors: one mistake, one error")
struct LoaderOneErrorTests {
    /// Intents in their own file that use the facts and concepts of the broken file.
    static let users = """
    intents:
      - id: a.one
        require: [~visit]
        facts: [jp, vn]
        answer: "{{jp.display}} and {{vn.display}}."
      - id: a.two
        require: [~visit]
        facts: [vn]
        compute: {d: {op: difference, of: [jp, vn]}}
        answer: "{{d.display}}"

    """

    @Test func aSyntaxErrorHidesTheNamesItsFileDefines() throws {
        // Facts written with `id` after another key and in flow style; a flow sequence left open.
        let broken = """
        concepts:
          visit: [visit, visitor
        facts:
          - type: quantity
            id: jp
            label: J
            value: 1
            unit: people
            source: Q1
          - {id: vn, type: quantity, label: V, value: 2, unit: people, source: Q1}

        """
        let p = try TempPack(["topics/a.yaml": broken, "topics/b.yaml": Self.users])
        defer { p.remove() }
        let errs = p.errors()
        #expect(errs.count == 1, "\(errs.map(\.description).joined(separator: "\n"))")
        #expect(errs.first?.message.hasPrefix("invalid YAML:") == true)
    }

    @Test func aFactWithABadValueIsNotUnknownElsewhere() throws {
        var topic = okTopic.replacingOccurrences(of: "value: 710000", with: "value: lots")
        for k in 1...6 {
            topic += "  - id: visits.n\(k)\n    require: [visit, n\(k)]\n    facts: [jp]\n    answer: \"{{jp.display}}\"\n"
            topic += "    compute: {x: {op: scale, of: [jp], by: 2}}\n"
        }
        let p = try TempPack(["topics/a.yaml": topic])
        defer { p.remove() }
        #expect(p.errors().map(\.message) == ["value must be a number, not 'lots'"])
    }

    @Test func aKnownFactMissingFromTheIntentIsNotSuggestedAsItself() throws {
        let topic = okTopic + """
          - id: visits.other
            require: [other]
            answer: "{{jp.display}}"

        """
        let p = try TempPack(["topics/a.yaml": topic])
        defer { p.remove() }
        #expect(p.errors().map(\.message) == ["answer names 'jp', which is not a fact or computed value of this intent (add it to this intent's facts)"])
    }

    @Test func nearestNeverReturnsTheWordItself() {
        #expect(nearest("visit", in: ["visit", "visits"]) == "visits")
        #expect(nearest("visit", in: ["visit"]) == nil)
    }

    @Test func aMistakeSeenTwiceThroughAnAliasIsOneError() throws {
        let topic = okTopic + """
          - id: visits.a
            require: &r [~vist]
            cues: *r
            answer: "x"

        """
        let p = try TempPack(["topics/a.yaml": topic])
        defer { p.remove() }
        let errs = p.errors()
        #expect(errs.count == 1, "\(errs)")
        #expect(Set(errs).count == errs.count)
    }
}

/// A file with one very long line and very many errors: each error shows a window of the line,
/// and only the first errors of a file are printed.
@Suite("Errors: long lines and many errors")
struct ErrorCapTests {
    @Test func aLongLineIsShownAsAWindowWithTheCaretAligned() {
        let line = String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500)
        let d = Diagnostic(.error, "bad X", at: SourceLocation(path: "f", line: 1, column: 501), sourceLine: line)
        let parts = d.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(parts.count == 3)
        #expect(parts[1].hasPrefix("…") && parts[1].hasSuffix("…"))
        #expect(parts[1].count <= Diagnostic.excerptWidth + 2)
        let caret = parts[2].count - 1
        #expect(Array(parts[1])[caret] == "X")
        #expect(d.location?.column == 501)
    }

    @Test func theStartAndEndOfALongLineAreCutOnOneSideOnly() {
        let line = "X" + String(repeating: "a", count: 300) + "Y"
        let start = Diagnostic(.error, "m", at: SourceLocation(path: "f", line: 1, column: 1), sourceLine: line)
        #expect(start.description.hasSuffix("\nX" + String(repeating: "a", count: 99) + "…\n^"))
        let end = Diagnostic(.error, "m", at: SourceLocation(path: "f", line: 1, column: 302), sourceLine: line)
        let parts = end.description.split(separator: "\n").map(String.init)
        #expect(parts[1].hasPrefix("…") && parts[1].hasSuffix("aY"))
        #expect(Array(parts[1])[parts[2].count - 1] == "Y")
    }

    @Test func aBigOneLineFileIsCheckedQuicklyWithAFewErrorsShown() throws {
        let n = 5000
        let items = (0..<n).map { "{id: f\($0), type: bogus}" }.joined(separator: ", ")
        let p = try TempPack(["topics/a.yaml": okTopic, "topics/big.yaml": "facts: [\(items)]\n"])
        defer { p.remove() }
        let clock = ContinuousClock()
        let start = clock.now
        let printed = p.printed()
        #expect(clock.now - start < .seconds(10))
        let path = p.dir + "/topics/big.yaml"
        #expect(printed.components(separatedBy: ": error: unknown fact type 'bogus'").count - 1 == Diagnostic.perFileLimit)
        #expect(printed.contains("\n\(path): note: … and 4,980 more errors in this file (the first 20 are shown)\n"))
        #expect(printed.hasSuffix("\n5000 errors in the pack"))
        #expect(printed.utf8.count < 10_000)
    }

    @Test func renderCountsWarningsApart() {
        let ds = (1...23).map { Diagnostic($0 > 21 ? .warning : .error, "m\($0)", at: SourceLocation(path: "f", line: $0, column: 1)) }
            + [Diagnostic(.error, "other", at: SourceLocation(path: "g", line: 1, column: 1))]
        let out = Diagnostic.render(ds)
        #expect(out.count == 22)
        #expect(out[20] == "f: note: … and 1 more error and 2 more warnings in this file (the first 20 are shown)")
        #expect(out[21] == "g:1:1: error: other")
    }
}
