import Foundation
import Testing
@testable import MondoFuzzing

/// Every input in `Tests/Fixtures/fuzz/<target>/` (crashes the fuzzers found, and hand-written
/// hostile inputs) and every seed in `Fuzz/seeds/<target>/` goes through the same entry points as
/// the fuzzers (`Fuzz/run`), here without instrumentation: none may crash.
@Suite("fuzz regressions") struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [(String, [UInt8])] {
        ["/Tests/Fixtures/fuzz/", "/Fuzz/seeds/"].flatMap { folder -> [(String, [UInt8])] in
            let dir = Paths.root + folder + target
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            return names.compactMap { name in
                FileManager.default.contents(atPath: dir + "/" + name).map { (folder + target + "/" + name, Array($0)) }
            }
        }
    }

    @Test(arguments: FuzzTargets.all.map(\.name))
    func replaysWithoutCrashing(target: String) throws {
        let cases = Self.inputs(target)
        #expect(cases.count >= 3, "the regression folder and seeds of \(target) are missing")
        let run = try #require(FuzzTargets.all.first { $0.name == target }).run
        for (_, bytes) in cases { run(bytes) }
    }

    @Test func seedsDoWhatTheyShould() throws {
        let seeds = Dictionary(uniqueKeysWithValues: Self.inputs("pack").map { ($0.0, $0.1) })
        #expect(FuzzTargets.pack(try #require(seeds["/Fuzz/seeds/pack/mini.txt"])) >= 0, "the mini pack loads")
        #expect(FuzzTargets.pack(try #require(seeds["/Fuzz/seeds/pack/bad_yaml.txt"])) == -1, "a broken pack does not")
        let transcript = try #require(Self.inputs("transcript").first { $0.0.hasSuffix("azec.transcript") })
        #expect(FuzzTargets.transcript(transcript.1) >= 0, "a shipped transcript parses and replays")
        #expect(FuzzTargets.conversation(Array("who is the ambassador?\n".utf8)) > 0, "a question is answered")
    }

    @Test func fileNamesFromInputStayInTheScratchFolder() {
        #expect(FuzzTargets.safeName("../../etc/passwd") == "__etcpasswd")
        #expect(FuzzTargets.safeName("/") == "topic.yaml")
        #expect(FuzzTargets.safeName("..") == "_")
    }
}
