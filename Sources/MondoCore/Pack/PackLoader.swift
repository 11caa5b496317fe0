import Foundation
import Yams
import Mustache

/// A loaded knowledge pack: settings, concepts, facts and intents, as read from `Intents/`.
public struct Pack: Sendable {
    /// The directory it was loaded from.
    public var directory: String
    /// `pack.yaml`.
    public var settings: PackSettings
    /// Concepts by name.
    public var concepts: [String: Concept]
    /// Facts by id.
    public var facts: [String: Fact]
    /// Intents in file order (files sorted by name).
    public var intents: [Intent]
    /// Each intent's parsed answer template, by intent id (rendered as plain text).
    public var templates: TemplateTable
    /// Common English words the corrector leaves alone (folded).
    public var lexicon: Set<String>
    /// The engine's English data with the pack's `language.yaml` merged in (Docs/language-data.md).
    public var language: LanguageData
    /// Warnings found while loading (errors throw instead).
    public var warnings: [Diagnostic]
    /// How the author wrote each word or phrase term (the first spelling met), for messages that
    /// must not show stems; see ``written(_:)``.
    public var spellings: [Term: String] = [:]
    /// One line on each topic (an intent id's part before the first dot), from the `description`
    /// of the topic file that holds its intents; topics whose file has none are absent.
    public var topicDescriptions: [String: String] = [:]

    /// The topic of intent `id`: its part before the first dot (the whole id when it has none).
    public static func topic(ofIntent id: String) -> String {
        id.split(separator: ".", maxSplits: 1).first.map(String.init) ?? id
    }

    /// Loads every file of the pack in `directory`.
    ///
    /// - Throws: ``PackError`` with every error found in any file (YAML syntax, unknown or
    ///   missing keys, wrong types, unknown concepts, facts or template names, duplicate ids,
    ///   computations over different units). Nothing is returned unless the pack is clean of errors.
    /// - Complexity: linear in the size of the pack files.
    public static func load(from directory: String) throws(PackError) -> Pack {
        var loader = PackLoader(directory: directory)
        var pack = try loader.load()
        pack.spellings = loader.spellings
        pack.topicDescriptions = loader.topicDescriptions
        return pack
    }
}

/// Reads the pack files and checks them; see ``Pack/load(from:)``.
struct PackLoader {
    let directory: String
    var diagnostics: [Diagnostic] = []
    /// Recorded failures, so that references to them are not reported again (see PackLoader+Failures.swift).
    var failed = FailedDefinitions()
    /// How the author wrote each term (becomes ``Pack/spellings``).
    var spellings: [Term: String] = [:]
    /// Topic descriptions (becomes ``Pack/topicDescriptions``).
    var topicDescriptions: [String: String] = [:]
    var concepts: [String: Concept] = [:]
    var conceptRefs: [(name: String, node: Node, doc: YAMLDocument)] = []
    var facts: [String: Fact] = [:]
    var intents: [Intent] = []
    /// Positions in `intents` by id, for the duplicate check (a linear search made loading quadratic).
    var intentIndex: [String: Int] = [:]
    var intentNodes: [(Intent, Node, YAMLDocument)] = []
    var settings = PackSettings()
    var templates: [String: MustacheTemplate] = [:]
    /// The language data terms are normalised with: English, plus the pack's `language.yaml`.
    var language = LanguageData.english

    init(directory: String) { self.directory = directory }

    func rel(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    mutating func load() throws(PackError) -> Pack {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            let reason = SourceFile.reason(fm.fileExists(atPath: directory) ? ENOTDIR : ENOENT)
            throw PackError(diagnostics: [Diagnostic(.error, "cannot read the pack directory: \(reason)",
                                                     at: SourceLocation(path: directory, line: 0, column: 0))])
        }
        if let doc = read(rel("pack.yaml"), required: true) { readSettings(doc) }
        // Before any term is read: the pack's words may change how terms are normalised.
        if let doc = read(rel("language.yaml"), required: false) {
            language = language.merging(LanguageFile.read(doc, diagnostics: &diagnostics))
        }
        if let doc = read(rel("concepts.yaml"), required: false) { readTopic(doc, allowed: ["concepts"]) }
        let topicDir = rel("topics")
        let files = Self.topicFiles(in: topicDir)
        if files.isEmpty {
            diagnostics.append(Diagnostic(.error, "no topic files in '\(topicDir)' (expected topics/*.yaml with facts and intents)"))
        }
        for f in files {
            if let doc = read(topicDir + "/" + f, required: true) { readTopic(doc, allowed: Self.topicFileKeys) }
        }
        var lexicon = Set<String>()
        if FileManager.default.fileExists(atPath: rel("lexicon.txt")),
           let text = Self.ok(SourceFile.read(rel("lexicon.txt")), &diagnostics) {
            // One lowercase word per line; `#` starts a comment line.
            lexicon.reserveCapacity(text.utf8.count / 8)
            Lines.eachListedWord(text) { word in
                let w = Fold.text(word)
                if !w.isEmpty { lexicon.insert(w) }
            }
        }
        crossCheck()
        diagnostics = Self.unique(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw PackError(diagnostics: errors + diagnostics.filter { $0.severity == .warning }) }
        return Pack(directory: directory, settings: settings, concepts: concepts, facts: facts,
                    intents: intents, templates: TemplateTable(parsed: templates), lexicon: lexicon, language: language, warnings: diagnostics)
    }

    /// The names of the topic files in `topicDir` (`*.yaml`, `*.yml`), sorted; none when it cannot be listed.
    static func topicFiles(in topicDir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: topicDir)) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    mutating func read(_ path: String, required: Bool) -> YAMLDocument? {
        // An optional file that is absent is fine; one that exists but cannot be read is not.
        if !required && !FileManager.default.fileExists(atPath: path) { return nil }
        let text: String
        switch SourceFile.read(path) {
        case .success(let t): text = t
        case .failure(let d): diagnostics.append(d); return nil
        }
        let doc = YAMLDocument(path: path, text: text, diagnostics: &diagnostics)
        guard doc.root != nil else {
            noteDefinitions(inUnparsed: text)
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(Diagnostic(.error, "file is empty", at: SourceLocation(path: path, line: 1, column: 1)))
            }
            return nil
        }
        return doc
    }

    // MARK: - Shape checks

    mutating func expectMapping(_ node: Node, _ doc: YAMLDocument, _ what: String) -> MappingEntries? {
        guard node.isMapping else {
            diagnostics.append(doc.diag(.error, "\(what) must be a mapping (key: value lines)", at: node)); return nil
        }
        return MappingEntries(node)
    }

    mutating func checkKeys(_ m: MappingEntries, _ doc: YAMLDocument, allowed: [String], required: [String], what: String, at node: Node) {
        for (k, kn, _) in m where !allowed.contains(k) {
            let hint = nearest(k, in: allowed, limit: 3).map { "; did you mean '\($0)'?" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
            diagnostics.append(doc.diag(.error, "unknown key '\(k)' in \(what)\(hint)", at: kn))
        }
        for r in required where m[r] == nil {
            diagnostics.append(doc.diag(.error, "\(what) is missing required key '\(r)'", at: node))
        }
    }

    mutating func string(_ node: Node?, _ doc: YAMLDocument, _ what: String) -> String? {
        guard let node else { return nil }
        guard let s = node.scalarText else {
            diagnostics.append(doc.diag(.error, "\(what) must be a single value, not a \(node.isMapping ? "mapping" : "list")", at: node)); return nil
        }
        return s
    }

    mutating func number(_ node: Node?, _ doc: YAMLDocument, _ what: String) -> Double? {
        guard let s = string(node, doc, what) else { return nil }
        let clean = s.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
        guard let v = Double(clean) else {
            diagnostics.append(doc.diag(.error, "\(what) must be a number, not '\(s)'", at: node)); return nil
        }
        return v
    }

    mutating func strings(_ node: Node?, _ doc: YAMLDocument, _ what: String) -> [(String, Node)] {
        guard let node else { return [] }
        if let s = node.scalarText { return [(s, node)] }
        guard node.isSequence else {
            diagnostics.append(doc.diag(.error, "\(what) must be a list", at: node)); return []
        }
        var out: [(String, Node)] = []
        for item in node.sequenceItems {
            if let s = item.scalarText { out.append((s, item)) }
            else { diagnostics.append(doc.diag(.error, "\(what) items must be single values", at: item)) }
        }
        return out
    }

    // MARK: - pack.yaml

    /// The keys of `fallback`, `subject` (its mapping form) and a `not_covered` entry.
    static let fallbackKeys = ["not_understood", "not_in_pack", "suggestions"]
    static let subjectKeys = ["concept", "pronouns"]
    static let notCoveredKeys = ["what", "terms"]
    /// The keys of `pack.yaml` (Docs/schema/pack.schema.json lists the same; SchemaTests checks).
    static let settingsKeys = ["name", "source", "description", "reference_date", "stopwords", "fallback", "subject", "not_covered", "comparisons", "document", "manners"]

    mutating func readSettings(_ doc: YAMLDocument) {
        guard let root = doc.root, let m = expectMapping(root, doc, "pack.yaml") else { return }
        // Keys of the first pack format, which assumed an interview.
        for (old, new) in [("interview_date", "reference_date"), ("this_year", "reference_date")] where m[old] != nil {
            diagnostics.append(doc.diag(.error, "'\(old)' is no longer a pack.yaml key: write the document's own date as '\(new)' (e.g. reference_date: 2019-08; \"this year\" is its year)", at: m.keyNode(old)))
        }
        checkKeys(m, doc, allowed: Self.settingsKeys + ["interview_date", "this_year"], required: ["name"], what: "pack.yaml", at: root)
        readSubject(m["subject"], doc)
        settings.name = string(m["name"], doc, "name") ?? settings.name
        settings.source = string(m["source"], doc, "source") ?? ""
        settings.description = string(m["description"], doc, "description") ?? ""
        if let d = string(m["reference_date"], doc, "reference_date") {
            if let t = TimeRef(d), t.precision != .deepTime { settings.referenceDate = t }
            else { diagnostics.append(doc.diag(.error, "reference_date must be a year, a month or a day (2019, 2019-08, 2019-08-15), not '\(d)'", at: m["reference_date"])) }
        }
        settings.stopwords = strings(m["stopwords"], doc, "stopwords").map(\.0)
        if let on = onOff(m["comparisons"], doc, "comparisons") { settings.comparisons = on }
        if let f = m["fallback"], let fm = expectMapping(f, doc, "fallback") {
            checkKeys(fm, doc, allowed: Self.fallbackKeys, required: [], what: "fallback", at: f)
            settings.notUnderstood = string(fm["not_understood"], doc, "not_understood") ?? settings.notUnderstood
            settings.notInPack = string(fm["not_in_pack"], doc, "not_in_pack") ?? settings.notInPack
            if let n = number(fm["suggestions"], doc, "suggestions") {
                if let k = Normalizer.wholeNumber(n), (0...20).contains(k) { settings.suggestions = k }
                else { diagnostics.append(doc.diag(.error, "suggestions must be a whole number from 0 to 20", at: fm["suggestions"])) }
            }
        }
        readNotCovered(m["not_covered"], doc)
        readManners(m["manners"], doc)
        readDocument(m["document"], doc)
    }

    /// `subject: ito_naoki` (pronouns he, him, his) or `subject: {concept: normans, pronouns: [they, them, their]}`.
    mutating func readSubject(_ node: Node?, _ doc: YAMLDocument) {
        guard let node else { return }
        if case .scalar = node, let c = string(node, doc, "subject") {
            settings.subject = c
            settings.subjectPronouns = ["he", "him", "his"]
            conceptRefs.append((c, node, doc))
            return
        }
        guard let sm = expectMapping(node, doc, "subject") else { return }
        checkKeys(sm, doc, allowed: Self.subjectKeys, required: Self.subjectKeys, what: "subject", at: node)
        if let c = string(sm["concept"], doc, "concept") {
            settings.subject = c
            conceptRefs.append((c, sm["concept"]!, doc))
        }
        settings.subjectPronouns = strings(sm["pronouns"], doc, "pronouns").map { $0.0.lowercased() }
    }

    /// `not_covered: [{what: births, terms: [born, birth, birthplace]}, …]`.
    mutating func readNotCovered(_ node: Node?, _ doc: YAMLDocument) {
        guard let node else { return }
        guard case .sequence(let seq) = node else {
            diagnostics.append(doc.diag(.error, "not_covered must be a list of {what: …, terms: […]}", at: node)); return
        }
        for item in seq {
            guard let im = expectMapping(item, doc, "a not_covered entry") else { continue }
            checkKeys(im, doc, allowed: Self.notCoveredKeys, required: Self.notCoveredKeys, what: "a not_covered entry", at: item)
            let terms = strings(im["terms"], doc, "terms").compactMap { term($0.0, $0.1, doc) }
            guard let what = string(im["what"], doc, "what"), !terms.isEmpty else { continue }
            settings.notCovered.append(NotCovered(terms: terms, what: what))
        }
    }

    // MARK: - topic files

    /// The keys of a topic file (`topics/*.yaml`).
    static let topicFileKeys = ["description", "concepts", "facts", "intents"]

    mutating func readTopic(_ doc: YAMLDocument, allowed: [String]) {
        guard let root = doc.root, let m = expectMapping(root, doc, "a pack file") else { return }
        checkKeys(m, doc, allowed: allowed, required: [], what: "a \(allowed.count == 1 ? "concepts" : "topic") file", at: root)
        if let c = m["concepts"] { readConcepts(c, doc) }
        if let f = m["facts"] {
            if f.isSequence { for item in f.sequenceItems { readFact(item, doc) } }
            else { diagnostics.append(doc.diag(.error, "'facts' must be a list of facts", at: f)) }
        }
        let firstIntent = intents.count
        if let i = m["intents"] {
            if i.isSequence { for item in i.sequenceItems { readIntent(item, doc) } }
            else { diagnostics.append(doc.diag(.error, "'intents' must be a list of intents", at: i)) }
        }
        if let d = string(m["description"], doc, "description") {
            for intent in intents[firstIntent...] where topicDescriptions[Pack.topic(ofIntent: intent.id)] == nil {
                topicDescriptions[Pack.topic(ofIntent: intent.id)] = d
            }
        }
    }

    /// The keys of a concept written as a mapping.
    static let conceptKeys = ["class", "of", "terms"]
    static let entityClasses = ["country", "nationality", "language", "person", "organisation", "place", "event", "measure"]

    mutating func readConcepts(_ node: Node, _ doc: YAMLDocument) {
        guard let m = expectMapping(node, doc, "'concepts'") else { return }
        for (name, kn, value) in m {
            if !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || name.isEmpty {
                diagnostics.append(doc.diag(.error, "concept name '\(name)' may only use letters, digits and '_'", at: kn)); failed.concepts.insert(name); continue
            }
            if let prev = concepts[name] {
                diagnostics.append(doc.diag(.error, "concept '\(name)' is already defined at \(prev.location.map(\.description) ?? "?")", at: kn)); continue
            }
            var c = Concept(name: name, terms: [], entityClass: nil, of: nil, location: doc.location(kn))
            var termNodes: [(String, Node)] = []
            if value.isMapping {
                let cm = MappingEntries(value)
                checkKeys(cm, doc, allowed: Self.conceptKeys, required: ["terms"], what: "concept '\(name)'", at: kn)
                termNodes = strings(cm["terms"], doc, "terms")
                if let cls = string(cm["class"], doc, "class") {
                    if Self.entityClasses.contains(cls) { c.entityClass = cls }
                    else {
                        let hint = nearest(cls, in: Self.entityClasses).map { "; did you mean '\($0)'?" } ?? ""
                        diagnostics.append(doc.diag(.error, "unknown entity class '\(cls)'\(hint)", at: cm["class"]))
                    }
                }
                if let of = string(cm["of"], doc, "of") { c.of = of; conceptRefs.append((of, cm["of"]!, doc)) }
            } else {
                termNodes = strings(value, doc, "concept '\(name)'")
            }
            c.terms = termNodes.map(\.0)
            for (t, tn) in termNodes where t.hasPrefix("~") {
                conceptRefs.append((String(t.dropFirst()), tn, doc))
            }
            if c.terms.isEmpty { diagnostics.append(doc.diag(.error, "concept '\(name)' has no terms", at: kn)) }
            concepts[name] = c
        }
    }

    static let factKeys: [String: [String]] = [
        "quantity": ["value", "unit"], "money": ["value", "currency"], "percentage": [],
        "factor": ["value"], "rank": ["value", "superlative", "among"], "date": ["date"],
        "period": ["from", "to"], "list": ["items"], "person": ["name", "role"],
        "organisation": ["name"], "place": ["name"], "text": ["text"],
    ]
    static let factOptional: [String: [String]] = [
        "percentage": ["value", "low", "high"], "date": ["qualifier"], "period": ["from_qualifier", "to_qualifier"],
        "person": ["country"], "organisation": ["kind", "role"], "place": ["kind"], "list": ["unit"],
    ]
    /// The keys every fact may have, whatever its type.
    static let factCommonKeys = ["id", "type", "label", "source", "time", "approx", "note", "draft"]
    static let approxWords: [String: String] = [
        "about": "about", "around": "around", "approximately": "approximately", "more_than": "more than",
        "over": "over", "at_least": "at least", "up_to": "up to", "nearly": "nearly", "almost": "almost",
    ]

    mutating func readFact(_ node: Node, _ doc: YAMLDocument) {
        guard let m = expectMapping(node, doc, "a fact") else { return }
        defer { noteFailedFact(m) }
        let common = Self.factCommonKeys
        guard let type = string(m["type"], doc, "type") else {
            checkKeys(m, doc, allowed: common + Self.factKeys.values.flatMap { $0 } + Self.factOptional.values.flatMap { $0 }, required: ["id", "type"], what: "a fact", at: node)
            return
        }
        guard let needed = Self.factKeys[type] else {
            let hint = nearest(type, in: Self.factKeys.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(doc.diag(.error, "unknown fact type '\(type)'\(hint)", at: m["type"])); return
        }
        checkKeys(m, doc, allowed: common + needed + (Self.factOptional[type] ?? []), required: ["id", "label", "source"] + needed, what: "a \(type) fact", at: node)
        guard let id = string(m["id"], doc, "id") else { return }
        if !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) {
            diagnostics.append(doc.diag(.error, "fact id '\(id)' may only use lowercase letters, digits and '_'", at: m["id"]))
        }
        if let prev = facts[id] {
            diagnostics.append(doc.diag(.error, "fact '\(id)' is already defined at \(prev.location.map(\.description) ?? "?")", at: m["id"])); return
        }
        var time: TimeRef?
        if let t = string(m["time"], doc, "time") {
            time = TimeRef(t, referenceYear: settings.thisYear)
            if time == nil { diagnostics.append(doc.diag(.error, "time '\(t)' is not a time: \(Self.timeForms)", at: m["time"])) }
        }
        var approx: String?
        if let a = string(m["approx"], doc, "approx") {
            approx = Self.approxWords[a]
            if approx == nil {
                let hint = nearest(a, in: Self.approxWords.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(doc.diag(.error, "unknown approx '\(a)'\(hint)", at: m["approx"]))
            }
        }
        func dateRef(_ key: String) -> TimeRef? {
            guard let s = string(m[key], doc, key) else { return nil }
            if let t = TimeRef(s, referenceYear: settings.thisYear) { return t }
            diagnostics.append(doc.diag(.error, "\(key) '\(s)' is not a date: \(Self.timeForms)", at: m[key])); return nil
        }
        let value: FactValue?
        switch type {
        case "quantity":
            value = number(m["value"], doc, "value").map { FactValue.quantity(value: $0, unit: string(m["unit"], doc, "unit") ?? "") }
        case "money":
            value = number(m["value"], doc, "value").map { FactValue.money(value: $0, currency: string(m["currency"], doc, "currency") ?? "USD") }
        case "percentage":
            let before = diagnostics.count  // a value that is not a number is one mistake, not two
            if let v = number(m["value"], doc, "value") { value = .percentage(low: v, high: v) }
            else if let lo = number(m["low"], doc, "low"), let hi = number(m["high"], doc, "high") { value = .percentage(low: lo, high: hi) }
            else if diagnostics.count > before { value = nil }
            else { diagnostics.append(doc.diag(.error, "a percentage fact needs 'value', or 'low' and 'high'", at: node)); value = nil }
        case "factor": value = number(m["value"], doc, "value").map { .factor(value: $0) }
        case "rank":
            value = number(m["value"], doc, "value").map { .rank(value: Normalizer.wholeNumber($0) ?? 0, superlative: string(m["superlative"], doc, "superlative") ?? "largest", among: string(m["among"], doc, "among") ?? "") }
        case "date": value = dateRef("date").map { .date($0, qualifier: string(m["qualifier"], doc, "qualifier")) }
        case "period":
            if let f = dateRef("from"), let t = dateRef("to") {
                value = .period(from: f, fromQualifier: string(m["from_qualifier"], doc, "from_qualifier"), to: t, toQualifier: string(m["to_qualifier"], doc, "to_qualifier"))
            } else { value = nil }
        case "list":
            let items = strings(m["items"], doc, "items").map(\.0)
            if items.isEmpty { diagnostics.append(doc.diag(.error, "a list fact needs at least one item", at: m["items"] ?? node)) }
            value = .list(items: items)
        case "person":
            value = .person(name: string(m["name"], doc, "name") ?? "", role: string(m["role"], doc, "role") ?? "", country: string(m["country"], doc, "country"))
        case "organisation":
            value = .organisation(name: string(m["name"], doc, "name") ?? "", kind: string(m["kind"], doc, "kind"), role: string(m["role"], doc, "role"))
        case "place": value = .place(name: string(m["name"], doc, "name") ?? "", kind: string(m["kind"], doc, "kind"))
        default: value = .text(string(m["text"], doc, "text") ?? "")
        }
        guard let value else { return }
        let draft = m["draft"] == nil ? false : (onOff(m["draft"], doc, "draft") ?? false)
        facts[id] = Fact(id: id, label: string(m["label"], doc, "label") ?? id, value: value, approx: approx,
                         time: time, source: string(m["source"], doc, "source") ?? "", location: doc.location(m["id"]),
                         sourceLocation: m["source"].map { doc.location($0) }, draft: draft)
    }

    /// The time forms a pack may write, for error messages.
    static let timeForms = "write a year of any era (1492, 1347, 44 BC, AD 79), a month or day (2019-04, 1492-10-12), 2019-H1, 2019-autumn, a span (1510/1512, 1510–12), a decade (1320s), a century (14th century, first half of the 15th century, early 16th century), c. 1300 for an approximate year, or 65 million years ago (N years ago below 10,000 needs reference_date)"

    static let intentKeys = ["id", "ask", "require", "cues", "exclude", "slots", "family", "entities", "facts",
                             "compute", "answer", "examples", "counterexamples", "priority", "yesno", "note"]
    /// The slots an intent may fill, and the keys of a computation.
    static let slotNames = ["source", "target", "time"]
    static let computationKeys = ["op", "of", "by"]
    static let ops = ["difference", "sum", "ratio", "share", "growth", "scale", "divide", "elapsed", "compare"]

    mutating func term(_ s: String, _ node: Node, _ doc: YAMLDocument) -> Term? {
        if s.hasPrefix("~") {
            let name = String(s.dropFirst())
            conceptRefs.append((name, node, doc))
            return .concept(name)
        }
        let toks = Normalizer.tokens(s, language: language)
        if toks.isEmpty { diagnostics.append(doc.diag(.error, "term '\(s)' has no words", at: node)); return nil }
        let t: Term = toks.count == 1 ? .word(toks[0].stem) : .phrase(toks.map(\.stem))
        if spellings[t] == nil { spellings[t] = s }
        return t
    }

    mutating func terms(_ node: Node?, _ doc: YAMLDocument, _ what: String) -> [Term] {
        strings(node, doc, what).compactMap { term($0.0, $0.1, doc) }
    }

    mutating func readIntent(_ node: Node, _ doc: YAMLDocument) {
        guard let m = expectMapping(node, doc, "an intent") else { return }
        checkKeys(m, doc, allowed: Self.intentKeys, required: ["id", "answer"], what: "an intent", at: node)
        guard let id = string(m["id"], doc, "id") else { return }
        if !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "." }) {
            diagnostics.append(doc.diag(.error, "intent id '\(id)' may only use lowercase letters, digits, '_' and '.'", at: m["id"]))
        }
        if let prev = intentIndex[id].map({ intents[$0] }) {
            diagnostics.append(doc.diag(.error, "intent '\(id)' is already defined at \(prev.location.map(\.description) ?? "?")", at: m["id"])); return
        }
        var ask = Set<QuestionKind>()
        for (k, kn) in strings(m["ask"], doc, "ask") {
            if let q = QuestionKind(rawValue: k == "which" ? "what" : k) { ask.insert(q) }
            else {
                let hint = nearest(k, in: QuestionKind.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(doc.diag(.error, "unknown question kind '\(k)'\(hint)", at: kn))
            }
        }
        if ask.isEmpty { ask = [.what] }
        var require: [[Term]] = []
        if let r = m["require"] {
            for g in (r.isSequence ? r.sequenceItems : [r]) {
                let group = g.isSequence ? terms(g, doc, "require group") : (g.scalarText.flatMap { term($0, g, doc) }.map { [$0] } ?? [])
                if !group.isEmpty { require.append(group) }
            }
        }
        var slots: [String: String] = [:]
        if let s = m["slots"], let sm = expectMapping(s, doc, "slots") {
            for (k, kn, v) in sm {
                guard Self.slotNames.contains(k) else {
                    diagnostics.append(doc.diag(.error, "unknown slot '\(k)' (slots are source, target, time)", at: kn)); continue
                }
                guard let val = string(v, doc, k) else { continue }
                if k == "time", TimeRef(val, referenceYear: settings.thisYear) == nil { diagnostics.append(doc.diag(.error, "slot time '\(val)' is not a time: \(Self.timeForms)", at: v)) }
                if k != "time" { conceptRefs.append((val, v, doc)) }
                slots[k] = val
            }
        }
        var compute: [(String, Computation)] = []
        if let c = m["compute"], let cm = expectMapping(c, doc, "compute") {
            for (name, kn, v) in cm {
                guard let vm = expectMapping(v, doc, "computation '\(name)'") else { continue }
                checkKeys(vm, doc, allowed: Self.computationKeys, required: ["op", "of"], what: "computation '\(name)'", at: kn)
                guard let op = string(vm["op"], doc, "op") else { continue }
                if !Self.ops.contains(op) {
                    let hint = nearest(op, in: Self.ops).map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.append(doc.diag(.error, "unknown operation '\(op)'\(hint)", at: vm["op"])); continue
                }
                let of = strings(vm["of"], doc, "of").map(\.0)
                compute.append((name, Computation(op: op, operands: of, by: number(vm["by"], doc, "by"))))
            }
        }
        let ex = strings(m["examples"], doc, "examples")
        let intent = Intent(
            id: id, ask: ask, require: require, cues: terms(m["cues"], doc, "cues"),
            exclude: terms(m["exclude"], doc, "exclude"), slots: slots,
            family: string(m["family"], doc, "family"),
            entities: strings(m["entities"], doc, "entities").map { e in conceptRefs.append((e.0.hasPrefix("~") ? String(e.0.dropFirst()) : e.0, e.1, doc)); return e.0.hasPrefix("~") ? String(e.0.dropFirst()) : e.0 },
            facts: strings(m["facts"], doc, "facts").map(\.0),
            compute: compute.map { NamedComputation(name: $0.0, computation: $0.1) },
            answer: string(m["answer"], doc, "answer") ?? "",
            examples: ex.map(\.0),
            priority: Normalizer.wholeNumber(number(m["priority"], doc, "priority") ?? 0) ?? 0,
            location: doc.location(m["id"]),
            exampleLocations: ex.map { doc.location($0.1) })
        var withPolarity = intent
        let counter = strings(m["counterexamples"], doc, "counterexamples")
        withPolarity.counterexamples = counter.map(\.0)
        withPolarity.counterexampleLocations = counter.map { doc.location($0.1) }
        if let yn = string(m["yesno"], doc, "yesno") {
            switch yn.lowercased() {
            case "yes", "true": withPolarity.yesno = true
            case "no", "false": withPolarity.yesno = false
            default: diagnostics.append(doc.diag(.error, "yesno must be yes or no, not '\(yn)'", at: m["yesno"]))
            }
        }
        intentIndex[withPolarity.id] = intents.count
        intents.append(withPolarity)
        intentNodes.append((withPolarity, node, doc))
    }

    // MARK: - Cross-references

    mutating func crossCheck() {
        for (name, node, doc) in conceptRefs where concepts[name] == nil && !failed.concepts.contains(name) {
            let hint = nearest(name, in: concepts.keys.sorted(), limit: 3).map { "; did you mean '~\($0)'?" } ?? ""
            diagnostics.append(doc.diag(.error, "unknown concept '~\(name)'\(hint)", at: node))
        }
        for (intent, node, doc) in intentNodes {
            let m = MappingEntries(node)
            let factNodes = quietly { $0.strings(m["facts"], doc, "facts") }
            // A fact that was defined but failed has its own error; naming it is no second mistake.
            for (f, fn) in factNodes where facts[f] == nil && !failed.facts.contains(f) {
                let hint = nearest(f, in: facts.keys.sorted() + failed.facts.sorted(), limit: 4).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(doc.diag(.error, "unknown fact '\(f)'\(hint)", at: fn))
            }
            var names = Set(intent.facts)
            if let cm = m["compute"] {
                for (name, kn, v) in MappingEntries(cm) {
                    names.insert(name)
                    guard let comp = intent.compute.first(where: { $0.name == name })?.computation else { continue }
                    if comp.operands.contains(where: failed.facts.contains) { continue }
                    let ofNode = MappingEntries(v)["of"]
                    if let problem = Computer.check(comp, facts: facts, language: language) {
                        diagnostics.append(doc.diag(.error, "computation '\(name)': \(problem)", at: ofNode ?? kn))
                    }
                }
            }
            // The template must parse, and name only facts and computed values of this intent.
            let answerNode = m["answer"]
            let parsed = compileTemplate(intent, node: answerNode, doc: doc)
            for ref in TemplateNames.references(in: intent.answer) where parsed {
                let head = String(ref.split(separator: ".").first ?? "")
                if head == "" || head == "." || TemplateNames.contextNames.contains(head) { continue }
                if failed.facts.contains(head) || misspeltInFacts(head, listed: factNodes.map(\.0)) { continue }
                if !names.contains(head) {
                    // A fact of the pack that this intent does not list: say so, suggest no other name.
                    let known = facts[head] != nil ? " (add it to this intent's facts)" : ""
                    let hint = known.isEmpty ? nearest(head, in: names.filter { n in facts[n] != nil || intent.compute.contains(where: { $0.name == n }) }.sorted() + facts.keys.sorted(), limit: 4).map { "; did you mean '\($0)'?" } ?? "" : ""
                    diagnostics.append(doc.diag(.error, "answer names '\(head)', which is not a fact or computed value of this intent\(known)\(hint)", at: answerNode))
                } else if let fact = facts[head], ref.split(separator: ".").count > 1 {
                    let field = String(ref.split(separator: ".")[1])
                    if !FactFormatter.fields(of: fact.value).contains(field) {
                        let hint = nearest(field, in: FactFormatter.fields(of: fact.value), limit: 3).map { "; did you mean '\($0)'?" } ?? ""
                        diagnostics.append(doc.diag(.error, "a \(fact.value.typeName) fact has no field '\(field)'\(hint)", at: answerNode))
                    }
                }
            }
        }
    }
}

/// Names referenced by a Mustache template, for checks (`{{a.b}}`, `{{#a.items}}`, `{{{a}}}`).
enum TemplateNames {
    /// Names every template may use without declaring them.
    static let contextNames: Set<String> = ["yesno", "Yesno"]

    static func references(in template: String) -> [String] {
        var out: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var inner = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if inner.hasPrefix("{") { inner = String(inner.dropFirst()); if rest.hasPrefix("}") { rest = rest.dropFirst() } }
            if inner.hasPrefix("!") || inner.hasPrefix("%") || inner.hasPrefix(">") || inner.hasPrefix("/") { continue }
            if inner.hasPrefix("#") || inner.hasPrefix("^") || inner.hasPrefix("&") { inner = String(inner.dropFirst()) }
            inner = inner.trimmingCharacters(in: .whitespaces)
            if !inner.isEmpty { out.append(inner) }
        }
        return out
    }
}
