import Foundation
import Testing
@testable import MondoCore

/// A template that does not parse is reported at the tag to blame, with the file's line and a
/// caret, never as a dump of the Mustache library's error.
@Suite("Errors: answer templates")
struct TemplateErrorTests {
    func topic(answer: String) -> String {
        okTopic.replacingOccurrences(of: "    answer: \"{{jp.display}} people.\"", with: "    answer: \(answer)")
    }

    @Test func unclosedSectionIsReportedAtItsTag() throws {
        let p = try TempPack(["topics/a.yaml": topic(answer: "\"About {{#jp}}{{jp.display}} people.\"")])
        defer { p.remove() }
        let path = p.dir + "/topics/a.yaml"
        #expect(p.errors().map(\.description) == ["""
            \(path):12:20: error: answer template: the section '{{#jp}}' is never closed (end it with '{{/jp}}')
                answer: "About {{#jp}}{{jp.display}} people."
                               ^
            """])
    }

    @Test func anUnclosedSectionOfAnUnknownNameIsOneError() throws {
        let p = try TempPack(["topics/a.yaml": topic(answer: "\"{{#items}} {{jp.display}} people.\"")])
        defer { p.remove() }
        let errs = p.errors()
        #expect(errs.count == 1, "\(errs)")
        #expect(errs.first?.message.contains("'{{#items}}' is never closed") == true)
    }

    @Test func unclosedSectionInABlockScalar() throws {
        let p = try TempPack(["topics/a.yaml": topic(answer: "|\n      {{jp.display}} people.\n      {{#jp}}x {{^jp}}y{{/jp}}\n")])
        defer { p.remove() }
        let errs = p.errors()
        #expect(errs.count == 1)
        #expect(errs.first?.location == SourceLocation(path: p.dir + "/topics/a.yaml", line: 14, column: 7), "\(errs)")
        #expect(errs.first?.message.contains("'{{#jp}}' is never closed") == true)
    }

    @Test func wrongSectionEnd() throws {
        let p = try TempPack(["topics/a.yaml": topic(answer: "'{{#jp}}{{jp.display}}{{/jq}}'")])
        defer { p.remove() }
        let errs = p.errors()
        #expect(errs.map(\.message) == ["answer template: '{{/jq}}' does not close the open section '{{#jp}}' (close it with '{{/jp}}' first)"], "\(errs)")
        #expect(errs.first?.location?.column == 35)
    }

    @Test func unfinishedTag() throws {
        let p = try TempPack(["topics/a.yaml": topic(answer: "\"{{jp.display}} people {{jp.display\"")])
        defer { p.remove() }
        let errs = p.errors()
        #expect(errs.first?.message.hasPrefix("answer template: the tag '{{jp.display…' has no closing '}}'") == true, "\(errs)")
        #expect(errs.first?.location?.column == 36)
        #expect(!errs.contains { $0.message.contains("ParserError") })
    }

    @Test func aRepeatedTagIsFoundAtItsOwnPlace() {
        let t = "{{#a}}x{{/a}} {{#a}}y"
        let (message, tag) = TemplateErrors.problem(in: t, error: CancellationError())
        #expect(message.contains("'{{#a}}' is never closed"))
        #expect(tag?.offset == 14)
    }
}
