import Foundation
import Testing
@testable import MondoCore

/// Docs/schema/*.json: the shipped packs validate against them, they reject what the loader
/// rejects, every key the loader accepts is in them (so they cannot drift from the loader), and
/// each shipped pack file names its schema on its first line for editors.
@Suite("JSON Schemas of the pack files")
struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func schema(_ name: String) throws -> SchemaValue {
        // JSON is YAML: the schema is read by the same reader as the pack files.
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/Docs/schema/\(name).schema.json"))
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name).schema.json is not valid JSON")
        return try SchemaValue.yaml(String(decoding: data, as: UTF8.self))
    }

    /// (file, schema name) for every YAML file of a pack.
    static func files(_ pack: String) throws -> [(String, String)] {
        let dir = root + "/" + pack
        let topics = try FileManager.default.contentsOfDirectory(atPath: dir + "/topics").filter { $0.hasSuffix(".yaml") }.sorted()
        return [(dir + "/pack.yaml", "pack"), (dir + "/concepts.yaml", "concepts")] + topics.map { (dir + "/topics/" + $0, "topic") }
    }

    @Test("every file of both shipped packs is valid and names its schema on its first line",
          arguments: ["Intents", "Examples/normans/Intents"])
    func shippedPacksValidate(pack: String) throws {
        for (file, name) in try Self.files(pack) {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let errors = SchemaValidator(root: try Self.schema(name)).errors(try SchemaValue.yaml(text))
            #expect(errors.isEmpty, "\(file): \(errors.prefix(5))")
            // The comment's path is relative to the file and must lead to the schema.
            let first = String(text.prefix { $0 != "\n" })
            let prefix = "# yaml-language-server: $schema="
            try #require(first.hasPrefix(prefix), "\(file) does not start with the schema comment")
            let target = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(String(first.dropFirst(prefix.count)))
            #expect((target as NSString).standardizingPath == (Self.root + "/Docs/schema/\(name).schema.json" as NSString).standardizingPath, "\(file)")
        }
    }

    @Test("the schemas reject mistakes the loader reports")
    func schemasRejectMistakes() throws {
        let topic = SchemaValidator(root: try Self.schema("topic"))
        let cases: [(String, String)] = [
            ("facts:\n  - {id: a, type: quantity, label: l, source: s, value: 3}\n", "'unit' is required"),
            ("facts:\n  - {id: a, type: text, label: l, source: s, text: t, unit: u}\n", "key 'unit'"),
            ("facts:\n  - {id: a, type: amount, label: l, source: s}\n", "allowed values"),
            ("facts:\n  - {id: A-1, type: text, label: l, source: s, text: t}\n", "does not match"),
            ("facts:\n  - {id: a, type: text, label: l, source: s, text: t, approx: roughly}\n", "allowed values"),
            ("intents:\n  - {id: a.b, answer: x, asks: [number]}\n", "unknown key 'asks'"),
            ("intents:\n  - {id: a.b, answer: x, ask: [nmber]}\n", "none of the alternatives"),
            ("intents:\n  - {id: a.b}\n", "'answer' is required"),
            ("intents:\n  - {id: a.b, answer: x, slots: {place: japan}}\n", "unknown key 'place'"),
            ("intents:\n  - {id: a.b, answer: x, compute: {g: {op: product, of: [a, b]}}}\n", "allowed values"),
            ("concepts:\n  japan: {class: nation, terms: [japan]}\n", "none of the alternatives"),
            ("descripton: x\n", "unknown key 'descripton'"),
        ]
        for (yaml, expected) in cases {
            let errors = topic.errors(try SchemaValue.yaml(yaml))
            #expect(errors.contains { $0.contains(expected) }, "\(yaml) → \(errors)")
        }
        let pack = SchemaValidator(root: try Self.schema("pack"))
        #expect(pack.errors(try SchemaValue.yaml("source: x\n")).contains { $0.contains("'name' is required") })
        #expect(!pack.errors(try SchemaValue.yaml("name: x\nfallback: {suggestions: 21}\n")).isEmpty)
        #expect(!pack.errors(try SchemaValue.yaml("name: x\nthis_year: 2025\n")).isEmpty)
        #expect(pack.errors(try SchemaValue.yaml("name: x\ncomparisons: off\nsubject: {concept: n, pronouns: [they]}\n")).isEmpty)
    }

    /// The keys a schema object allows.
    static func keys(_ s: SchemaValue?) -> Set<String> { Set(s?["properties"]?.keys ?? []) }
    /// The values an `enum` (or an `anyOf` of enums) allows, as strings.
    static func values(_ s: SchemaValue?) -> Set<String> {
        Set((s?["enum"]?.strings ?? []) + (s?["anyOf"].map { if case .array(let a) = $0 { return a.flatMap { $0["enum"]?.strings ?? [] } } else { return [] } } ?? []))
    }

    @Test("every key and value the loader accepts is in the schemas, and no other")
    func schemasFollowTheLoader() throws {
        let pack = try Self.schema("pack"), topic = try Self.schema("topic"), concepts = try Self.schema("concepts")
        let p = pack["properties"]
        #expect(Self.keys(pack) == Set(PackLoader.settingsKeys))
        #expect(Self.keys(p?["fallback"]) == Set(PackLoader.fallbackKeys))
        #expect(Self.keys(p?["subject"]?["anyOf"].flatMap { if case .array(let a) = $0 { return a.last } else { return nil } }) == Set(PackLoader.subjectKeys))
        #expect(Self.keys(p?["not_covered"]?["items"]) == Set(PackLoader.notCoveredKeys))
        #expect(Self.keys(p?["manners"]) == Set(LanguageEntries.textNames))
        #expect(Self.keys(p?["document"]?["anyOf"].flatMap { if case .array(let a) = $0 { return a.last } else { return nil } }) == Set(PackLoader.documentKeys))

        #expect(Self.keys(topic) == Set(PackLoader.topicFileKeys))
        #expect(Self.keys(concepts) == ["concepts"])
        for schema in [topic, concepts] {
            let concept = schema["definitions"]?["concept"]?["anyOf"]
            let mapping: SchemaValue? = { if case .array(let a)? = concept { return a.last } else { return nil } }()
            #expect(Self.keys(mapping) == Set(PackLoader.conceptKeys))
            #expect(Self.values(mapping?["properties"]?["class"]) == Set(PackLoader.entityClasses))
        }

        let fact = topic["definitions"]?["fact"]
        let allFactKeys = Set(PackLoader.factCommonKeys + PackLoader.factKeys.values.flatMap { $0 } + PackLoader.factOptional.values.flatMap { $0 })
        #expect(Self.keys(fact) == allFactKeys)
        #expect(Self.values(fact?["properties"]?["type"]) == Set(PackLoader.factKeys.keys))
        #expect(Self.values(fact?["properties"]?["approx"]) == Set(PackLoader.approxWords.keys))
        guard case .array(let perType)? = fact?["allOf"] else { Issue.record("no per-type rules"); return }
        for (type, needed) in PackLoader.factKeys {
            let rule = perType.first { $0["if"]?["properties"]?["type"]?["const"] == .string(type) }
            #expect(Set(rule?["then"]?["required"]?.strings ?? []) == Set(needed), "\(type)")
            #expect(Self.values(rule?["then"]?["propertyNames"]) == Set(PackLoader.factCommonKeys + needed + (PackLoader.factOptional[type] ?? [])), "\(type)")
        }

        let intent = topic["definitions"]?["intent"]
        #expect(Self.keys(intent) == Set(PackLoader.intentKeys))
        #expect(Self.values(intent?["properties"]?["ask"]) == Set(QuestionKind.allCases.map(\.rawValue) + ["which"]))
        #expect(Self.keys(intent?["properties"]?["slots"]) == Set(PackLoader.slotNames))
        let computation = intent?["properties"]?["compute"]?["additionalProperties"]
        #expect(Self.keys(computation) == Set(PackLoader.computationKeys))
        #expect(Self.values(computation?["properties"]?["op"]) == Set(PackLoader.ops))
    }
}
