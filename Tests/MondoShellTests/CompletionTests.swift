import Foundation
import Testing
import LineEditor
import MondoCore
@testable import MondoShell

@Suite("Tab completion")
struct CompletionTests {
    let completer = Completer(commands: ["help", "history", "save", "why", "trace", "quit"],
                              intents: ["ambassador.tenure", "ambassador.name"],
                              names: ["ha noi", "Hà Nội", "Hà Nam", "Ito Naoki", "japan", "japanese", "Pham Minh Chinh", "phạm minh chính"])

    @Test func metaCommands() {
        #expect(completer.complete(line: ":he", cursor: 3) == LineCompletion(replacing: 3, candidates: [":help"]))
        #expect(completer.complete(line: ":h", cursor: 2).candidates == [":help", ":history"])
        #expect(completer.complete(line: ":x", cursor: 2).candidates.isEmpty)
        #expect(completer.complete(line: ":why ambassador.t", cursor: 17) == LineCompletion(replacing: 12, candidates: ["ambassador.tenure"]))
        #expect(completer.complete(line: ":trace o", cursor: 8).candidates == ["on", "off"])
    }

    @Test func namesFoldedWithTheirDiacritics() {
        #expect(completer.names.contains("Hà Nội"))
        #expect(!completer.names.contains("ha noi"))
        #expect(completer.names.contains("Phạm Minh Chính"))  // capitals of one spelling, diacritics of the other
        #expect(completer.complete(line: "where is ha no", cursor: 14) == LineCompletion(replacing: 5, candidates: ["Hà Nội"]))
        #expect(completer.complete(line: "where is ha n", cursor: 13).candidates == ["Hà Nam", "Hà Nội"])
        #expect(completer.complete(line: "who is ITO", cursor: 10) == LineCompletion(replacing: 3, candidates: ["Ito Naoki"]))
        #expect(completer.complete(line: "who is ", cursor: 7).candidates.isEmpty)
        #expect(completer.complete(line: "", cursor: 0).candidates.isEmpty)
        // Only the text before the cursor counts.
        #expect(completer.complete(line: "jap and more", cursor: 3).candidates == ["japan", "japanese"])
    }

    @Test func candidatesWithControlCharactersAreNeverOffered() throws {
        let hostile = Completer(commands: ["help"], names: ["Evil\u{1B}]0;PWNED\u{07}", "Everest"])
        #expect(hostile.complete(line: "ev", cursor: 2).candidates == ["Everest"])
        #expect(hostile.complete(line: "evil", cursor: 4) == .none)
        let dir = NSTemporaryDirectory() + "mondo-completion-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "".write(toFile: dir + "/a\u{1B}[2J", atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/ab", atomically: true, encoding: .utf8)
        let line = ":save \(dir)/a"
        #expect(hostile.complete(line: line, cursor: line.count).candidates == ["\(dir)/ab"])
    }

    @Test func savePaths() throws {
        let dir = NSTemporaryDirectory() + "mondo-completion-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/Transcripts", withIntermediateDirectories: true)
        try "".write(toFile: dir + "/Trace.txt", atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/.hidden", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let line = ":save \(dir)/Tr"
        let result = completer.complete(line: line, cursor: line.count)
        #expect(result == LineCompletion(replacing: dir.count + 3, candidates: ["\(dir)/Trace.txt", "\(dir)/Transcripts/"]))
        #expect(Completer.paths(beginning: dir + "/").count == 2)
        #expect(Completer.paths(beginning: dir + "/.h") == ["\(dir)/.hidden"])
        #expect(Completer.paths(beginning: dir + "/nothing/x").isEmpty)
    }

    @Test func packNames() throws {
        let engine = try Engine(packDirectory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path + "/Intents")
        let c = Completer(pack: engine.pack)
        #expect(c.names.contains("Ito Naoki"))
        #expect(c.names.contains("ambassador"))  // a topic
        #expect(!c.names.contains { $0.contains("'") })
        #expect(c.complete(line: ":rel", cursor: 4).candidates == [":reload"])
        #expect(c.complete(line: "who is ito na", cursor: 13).candidates == ["Ito Naoki"])
    }

    @Test func tabActions() {
        #expect(CompletionAction.decide(typed: ":he", candidates: [":help"]) == .insert(":help "))
        #expect(CompletionAction.decide(typed: "Tr", candidates: ["Transcripts/"]) == .insert("Transcripts/"))
        #expect(CompletionAction.decide(typed: "x", candidates: []) == .none)
        #expect(CompletionAction.decide(typed: "ha", candidates: ["Hà Nam", "Hà Nội"]) == .list(commonPrefix: "Hà N", candidates: ["Hà Nam", "Hà Nội"]))
        #expect(CompletionAction.decide(typed: "ha no", candidates: ["Hà Nam", "Hà Nội"]) == .list(commonPrefix: nil, candidates: ["Hà Nam", "Hà Nội"]))
        #expect(CompletionAction.columns(["a", "bb", "c"], width: 8) == "a   c\r\nbb\r\n")
        #expect(CompletionAction.columns(["a", "bb", "c"], width: 80) == "a   bb  c\r\n")
    }

    @Test func keyBindingsHaveNoDuplicatesAndCoverTheIssue() {
        let sequences = KeyBindings.all.map(\.sequence)
        #expect(Set(sequences).count == sequences.count)
        let map = Dictionary(uniqueKeysWithValues: KeyBindings.all.map { ($0.sequence, $0.command) })
        #expect(map["\u{1B}[1;5D"] == "ed-prev-word")
        #expect(map["\u{1B}[3;5~"] == "em-delete-next-word")
        for s in ["[2~", "[5~", "[6~", "[15~", "[24~", "[1;2A", "[200~", "[201~"] {
            #expect(map["\u{1B}" + s] == KeyBindings.ignore, "\(s)")
        }
    }
}

@Suite("Tab completion in the shell")
struct ShellCompleterTests {
    @Test func theShellCompletesFromItsPack() {
        let s = Session()
        #expect(s.shell.completer.complete(line: ":he", cursor: 3).candidates == [":help"])
        #expect(s.shell.completer.names == Completer(pack: engine.pack).names)
    }

    @Test func topicNamesAfterTopics() {
        let c = Completer(pack: engine.pack)
        #expect(c.complete(line: ":topics vis", cursor: 11) == LineCompletion(replacing: 3, candidates: ["visitors"]))
        #expect(c.complete(line: ":topics AZEC", cursor: 12) == LineCompletion(replacing: 4, candidates: ["azec energy"]))
        #expect(c.complete(line: ":topics semiconductors e", cursor: 24) == LineCompletion(replacing: 16, candidates: ["semiconductors education"]))
        #expect(c.complete(line: ":topics ", cursor: 8).candidates == TopicsCommand.topics(engine.pack).map(\.name))
        #expect(c.complete(line: ":notes o", cursor: 8).candidates == ["on", "off"])
        #expect(c.complete(line: ":no", cursor: 3).candidates == [":notes"])
    }
}
