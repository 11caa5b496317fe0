import Foundation
import Testing
@testable import MondoCore

/// The engine holds no knowledge of a document: no word naming one of the entities of either pack
/// (the shipped interview and the Normans article; concepts with a `class`, in concepts.yaml and
/// the topic files) may appear in any file under Sources/, code or comment. Words of the pack's lexicon of common English ("japan" is in
/// it, like "paris"), common nouns, verbs and adjectives of WordNet ("vassal"; WordNet's proper
/// nouns are left out of Resources/wordnet.txt) and words under four letters are not checked.
@Suite("No document words in Sources")
struct DocumentWordsTests {
    /// Folded words of the entity concepts' terms, with the concept each comes from.
    static func entityWords() -> [String: String] {
        var out: [String: String] = [:]
        for pack in [shippedEngine.pack, NormansPackTests.engine.pack] { entityWords(of: pack, into: &out) }
        return out
    }

    static func entityWords(of pack: Pack, into out: inout [String: String]) {
        for c in pack.concepts.values.sorted(by: { $0.name < $1.name }) where c.entityClass != nil {
            for t in c.terms where !t.hasPrefix("~") {
                for w in words(Fold.text(t)) where w.count >= 4 && !pack.lexicon.contains(w) && !w.allSatisfy(\.isNumber)
                    && WordRelations.english.relatives(of: w).isEmpty {
                    out[w] = out[w] ?? c.name
                }
            }
        }
    }

    /// Letter-and-digit runs: whole words, with `_` and camel case splitting nothing further.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func sourceFiles() -> [String] {
        let root = Repo.root + "/Sources"
        let items = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return items.sorted().map { root + "/" + $0 }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    @Test func theShippedPackHasEntityWordsToLookFor() {
        let w = Self.entityWords()
        #expect(w.count > 20)
        #expect(w["tokuyama"] != nil && w["kansai"] != nil)
        #expect(w["rollo"] != nil && w["guiscard"] != nil)
    }

    @Test func noFileUnderSourcesNamesAnEntityOfEitherPack() throws {
        let entity = Self.entityWords()
        let files = Self.sourceFiles()
        #expect(files.count > 20)
        var found: [String] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { continue }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (n, line) in lines.enumerated() {
                for w in Self.words(Fold.text(String(line))) where entity[w] != nil {
                    found.append("\(f.dropFirst(Repo.root.count + 1)):\(n + 1): '\(w)' (concept \(entity[w]!))")
                }
            }
        }
        #expect(found.isEmpty, "document words in Sources/:\n\(found.joined(separator: "\n"))")
    }
}
