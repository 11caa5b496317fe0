import Foundation
import Testing

/// A pack whose template holds terminal control sequences: the binary shows them, never sends
/// them, in text output; JSON escapes them.
@Suite("control characters from a pack") struct ControlCharacterTests {
    static func hostilePack() throws -> String {
        let d = NSTemporaryDirectory() + "mondo-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: d + "/topics", withIntermediateDirectories: true)
        let mini = Mondo.fixture("mini")
        for f in ["pack.yaml", "concepts.yaml"] {
            try FileManager.default.copyItem(atPath: mini + "/" + f, toPath: d + "/" + f)
        }
        let topic = try String(contentsOfFile: mini + "/topics/visits.yaml", encoding: .utf8)
            .replacingOccurrences(of: "answer: \"", with: "answer: \"\\e[2J\\e]0;PWNED\\a\\u009B31m")
        try topic.write(toFile: d + "/topics/visits.yaml", atomically: true, encoding: .utf8)
        return d
    }

    @Test func textOutputShowsEscapes() throws {
        let r = try Mondo.run(["--pack", try Self.hostilePack(), "-c", "How many Japanese tourists visited Viet Nam in 2024?"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdoutData.contains(0x1B))
        #expect(!r.stdoutData.contains(0x07))
        #expect(r.stdout.hasPrefix("^[[2J^[]0;PWNED^G<U+009B>31m"))
    }

    @Test func jsonOutputEscapesThem() throws {
        let r = try Mondo.run(["--pack", try Self.hostilePack(), "--format", "json", "-c", "How many Japanese tourists visited Viet Nam in 2024?"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdoutData.contains(0x1B))
        #expect(r.stdout.contains("\\u001b[2J"))
        #expect(r.stdout.contains("\\u009b31m"))
    }

    @Test func questionEchoedByWhyIsShownSafely() throws {
        let r = try Mondo.run(["-c", "who is \u{1B}[31mthe ambassador", "-c", ":why"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdoutData.contains(0x1B))
    }

    @Test func lintReportsThemWithAPosition() throws {
        let pack = try Self.hostilePack()
        let r = try Mondo.run(["lint", "--pack", pack])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(pack)/topics/visits.yaml:11:"), "\(r.stdout)")
        #expect(r.stdout.contains("error: the answer template of 'visits.jp_to_vn' holds the control character U+001B, which would be shown as '^['; remove it"), "\(r.stdout)")
        #expect(!r.stdoutData.contains(0x1B))
    }
}
