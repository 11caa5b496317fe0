import Foundation
import Mustache

extension Pack {
    /// The answer template `answer` parsed as plain text (no HTML escaping).
    /// - Throws: swift-mustache's parse error when the template is malformed.
    static func template(_ answer: String) throws -> MustacheTemplate {
        try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + answer)
    }
}

/// Each intent's parsed answer template, by intent id. A pack loaded from its YAML has them all
/// parsed (the loader reports a template that does not parse); one read from the compiled pack
/// cache parses each when it is first rendered, which spares start-up the parsing of every
/// template. Thread-safe.
public final class TemplateTable: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: MustacheTemplate]
    private var texts: [String: String]

    /// Templates already parsed.
    init(parsed: [String: MustacheTemplate]) {
        self.parsed = parsed
        texts = [:]
    }

    /// Template texts by intent id, parsed when first asked for.
    init(texts: [String: String]) {
        parsed = [:]
        self.texts = texts
    }

    /// The template of intent `id`, or nil when it has none (or its text does not parse). O(1),
    /// plus the parse the first time.
    public subscript(id: String) -> MustacheTemplate? {
        lock.lock()
        defer { lock.unlock() }
        if let t = parsed[id] { return t }
        guard let text = texts.removeValue(forKey: id), let t = try? Pack.template(text) else { return nil }
        parsed[id] = t
        return t
    }

    /// The ids of the intents that have a template, sorted.
    public var ids: [String] {
        lock.lock()
        defer { lock.unlock() }
        return (Array(parsed.keys) + Array(texts.keys)).sorted()
    }
}

/// A loaded pack and its compiled index, as the compiled pack cache stores them
/// (``CompiledPackCache``, ``BinaryArchive``). Parsed templates are stored as the ids of the
/// intents that have one, and parsed from each intent's `answer` when first rendered; the language
/// data is stored as its entries and its tables built again (``LanguageData/init(entries:)``).
struct CompiledPack: ArchiveCodable {
    var pack: Pack
    var index: PackIndex

    init(pack: Pack, index: PackIndex) {
        self.pack = pack
        self.index = index
    }

    func write(to w: ArchiveWriter) {
        w.write(pack.directory); w.write(pack.settings); w.write(pack.concepts); w.write(pack.facts)
        w.write(pack.intents); w.write(pack.templates.ids); w.write(pack.lexicon)
        w.write(pack.language.entries); w.write(pack.warnings); w.write(pack.spellings); w.write(pack.topicDescriptions)
        index.write(to: w)
    }

    /// - Throws: ``ArchiveError`` when the bytes do not read back.
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        let directory: String = try r.read()
        let settings: PackSettings = try r.read()
        let concepts: [String: Concept] = try r.read()
        let facts: [String: Fact] = try r.read()
        let intents: [Intent] = try r.read()
        let templated = Set<String>(try r.read() as [String])
        var texts: [String: String] = [:]
        for i in intents where templated.contains(i.id) { texts[i.id] = i.answer }
        let lexicon: Set<String> = try r.read()
        let language = LanguageData(entries: try r.read())
        pack = Pack(directory: directory, settings: settings, concepts: concepts, facts: facts, intents: intents,
                    templates: TemplateTable(texts: texts), lexicon: lexicon, language: language, warnings: try r.read())
        pack.spellings = try r.read()
        pack.topicDescriptions = try r.read()
        index = try PackIndex(readingFrom: r, language: language, lexicon: lexicon)
    }
}
