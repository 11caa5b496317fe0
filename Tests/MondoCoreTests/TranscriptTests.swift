import Foundation
import Testing
@testable import MondoCore

// Replays every recorded conversation in `Transcripts/` against the shipped pack.
// Each `.transcript` file is its own test case, so a failure names the file; the failure message
// is `ExchangeFailure.description` (`path:line: error: …` followed by a unified diff of the
// expected against the actual answer lines) for every differing exchange.

@Suite("Transcripts")
struct TranscriptTests {
    /// The repository root, found by walking up from this file (`Tests/MondoCoreTests/…`).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // MondoCoreTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root

    /// The shipped pack directory.
    static let packDirectory = repoRoot.appendingPathComponent("Intents").path

    /// Every `Transcripts/*.transcript` file name, sorted so the cases come out in a stable order.
    static let files: [String] = {
        let dir = repoRoot.appendingPathComponent("Transcripts").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted()
    }()

    /// Full path of a transcript file given its name.
    static func path(_ name: String) -> String {
        repoRoot.appendingPathComponent("Transcripts").appendingPathComponent(name).path
    }

    /// The engine over the shipped pack, loaded once for all cases.
    static let engine: Result<Engine, PackError> = Result { () throws(PackError) -> Engine in
        try Engine(packDirectory: packDirectory)
    }

    /// Renders a load or parse error as its diagnostics, one per line.
    static func describe(_ error: PackError) -> String {
        error.diagnostics.map { String(describing: $0) }.joined(separator: "\n")
    }

    @Test("Transcript replays without differences", arguments: files)
    func replay(file: String) throws {
        let engine: Engine
        switch Self.engine {
        case .success(let e): engine = e
        case .failure(let error):
            Issue.record("the pack at \(Self.packDirectory) does not load:\n\(Self.describe(error))")
            return
        }
        let transcript: Transcript
        do {
            transcript = try Transcript.load(path: Self.path(file))
        } catch {
            Issue.record("\(file) does not parse:\n\(Self.describe(error))")
            return
        }
        #expect(!transcript.exchanges.isEmpty, "\(file) has no exchanges")
        let (_, failures) = TranscriptRunner.replay(transcript, engine: engine)
        // A plain Bool, so the failure shows the diffs rather than a dump of the failure values.
        let replaysClean = failures.isEmpty
        #expect(replaysClean, Comment(rawValue: "\(failures.count) of \(transcript.exchanges.count) exchanges differ\n"
            + failures.map(\.description).joined(separator: "\n")))
    }

    @Test("Transcript set is large enough and every file parses")
    func coverage() {
        var exchanges = 0
        var parseErrors: [String] = []
        for file in Self.files {
            do {
                exchanges += try Transcript.load(path: Self.path(file)).exchanges.count
            } catch {
                parseErrors.append("\(file):\n\(Self.describe(error))")
            }
        }
        #expect(parseErrors.isEmpty, Comment(rawValue: parseErrors.joined(separator: "\n")))
        #expect(Self.files.count >= 10, "only \(Self.files.count) transcript files")
        #expect(exchanges >= 80, "only \(exchanges) exchanges across all transcripts")
    }
}
