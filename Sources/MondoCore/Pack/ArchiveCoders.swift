/// The archive forms (``ArchiveCodable``) of the pack model: each type writes its stored
/// properties in declaration order and reads them back in the same order. A stored property
/// added to one of these types must be added here too; `CompiledPackTests` compares every
/// property of both packs' models and indexes before and after a round trip, and fails on one
/// that is left out.

extension QuestionKind: ArchivedByName {}
extension EventPhase: ArchivedByName {}
extension ParticipantRole: ArchivedByName {}
extension Diagnostic.Severity: ArchivedByName {}
extension TimeRef.Precision: ArchivedByName {}

extension SourceLocation: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(path); w.write(line); w.write(column) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(path: try r.read(), line: try r.read(), column: try r.read())
    }
}

extension Diagnostic: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(location); w.write(severity); w.write(message); w.write(sourceLine); w.write(excerptColumn) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        let location: SourceLocation? = try r.read()
        self.init(try r.read(), try r.read(), at: location)
        sourceLine = try r.read()
        excerptColumn = try r.read()
    }
}

extension TimeRef: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        w.write(year); w.write(month); w.write(day); w.write(half); w.write(endYear); w.write(season)
        w.write(precision); w.write(approximate); w.write(part); w.write(yearsAgo); w.write(markedAD)
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(year: try r.read())
        month = try r.read(); day = try r.read(); half = try r.read(); endYear = try r.read(); season = try r.read()
        precision = try r.read(); approximate = try r.read(); part = try r.read(); yearsAgo = try r.read(); markedAD = try r.read()
    }
}

extension Term: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        switch self {
        case .word(let s): w.bytes.append(0); w.write(s)
        case .phrase(let ss): w.bytes.append(1); w.write(ss)
        case .concept(let c): w.bytes.append(2); w.write(c)
        }
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        switch try r.readByte() {
        case 0: self = .word(try r.read())
        case 1: self = .phrase(try r.read())
        case 2: self = .concept(try r.read())
        default: throw ArchiveError("an unknown kind of term")
        }
    }
}

extension Concept: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(name); w.write(terms); w.write(entityClass); w.write(of); w.write(location) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(name: try r.read(), terms: try r.read(), entityClass: try r.read(), of: try r.read(), location: try r.read())
    }
}

extension FactValue: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        switch self {
        case .quantity(let v, let u): w.bytes.append(0); w.write(v); w.write(u)
        case .money(let v, let c): w.bytes.append(1); w.write(v); w.write(c)
        case .percentage(let lo, let hi): w.bytes.append(2); w.write(lo); w.write(hi)
        case .factor(let v): w.bytes.append(3); w.write(v)
        case .rank(let v, let s, let a): w.bytes.append(4); w.write(v); w.write(s); w.write(a)
        case .date(let t, let q): w.bytes.append(5); w.write(t); w.write(q)
        case .period(let a, let aq, let b, let bq): w.bytes.append(6); w.write(a); w.write(aq); w.write(b); w.write(bq)
        case .list(let items): w.bytes.append(7); w.write(items)
        case .person(let n, let role, let country): w.bytes.append(8); w.write(n); w.write(role); w.write(country)
        case .organisation(let n, let kind, let role): w.bytes.append(9); w.write(n); w.write(kind); w.write(role)
        case .place(let n, let kind): w.bytes.append(10); w.write(n); w.write(kind)
        case .text(let t): w.bytes.append(11); w.write(t)
        }
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        switch try r.readByte() {
        case 0: self = .quantity(value: try r.read(), unit: try r.read())
        case 1: self = .money(value: try r.read(), currency: try r.read())
        case 2: self = .percentage(low: try r.read(), high: try r.read())
        case 3: self = .factor(value: try r.read())
        case 4: self = .rank(value: try r.read(), superlative: try r.read(), among: try r.read())
        case 5: self = .date(try r.read(), qualifier: try r.read())
        case 6: self = .period(from: try r.read(), fromQualifier: try r.read(), to: try r.read(), toQualifier: try r.read())
        case 7: self = .list(items: try r.read())
        case 8: self = .person(name: try r.read(), role: try r.read(), country: try r.read())
        case 9: self = .organisation(name: try r.read(), kind: try r.read(), role: try r.read())
        case 10: self = .place(name: try r.read(), kind: try r.read())
        case 11: self = .text(try r.read())
        default: throw ArchiveError("an unknown kind of fact value")
        }
    }
}

extension Fact: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        w.write(id); w.write(label); w.write(value); w.write(approx); w.write(time); w.write(source)
        w.write(location); w.write(sourceLocation); w.write(draft)
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.read(), label: try r.read(), value: try r.read(), approx: try r.read(), time: try r.read(),
                  source: try r.read(), location: try r.read(), sourceLocation: try r.read(), draft: try r.read())
    }
}

extension Computation: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(op); w.write(operands); w.write(by) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(op: try r.read(), operands: try r.read(), by: try r.read())
    }
}

extension NamedComputation: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(name); w.write(computation) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(name: try r.read(), computation: try r.read())
    }
}

extension Intent: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        w.write(id); w.write(ask); w.write(require); w.write(cues); w.write(exclude); w.write(slots); w.write(family)
        w.write(entities); w.write(facts); w.write(compute); w.write(answer); w.write(examples); w.write(priority)
        w.write(yesno); w.write(location); w.write(exampleLocations); w.write(counterexamples); w.write(counterexampleLocations)
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.read(), ask: r.shared(try r.read() as Set<QuestionKind>), require: try r.read(), cues: try r.read(), exclude: try r.read(),
                  slots: try r.read(), family: try r.read(), entities: try r.read(), facts: try r.read(),
                  compute: try r.read(), answer: try r.read(), examples: try r.read(), priority: try r.read(),
                  yesno: try r.read(), location: try r.read(), exampleLocations: try r.read(),
                  counterexamples: try r.read(), counterexampleLocations: try r.read())
    }
}

extension NotCovered: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(terms); w.write(what) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(terms: try r.read(), what: try r.read())
    }
}

extension DocumentLink: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(path); w.write(sectionPattern); w.write(sectionLabel); w.write(location) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(path: try r.read(), sectionPattern: try r.read(), sectionLabel: try r.read(), location: try r.read())
    }
}

extension PackSettings: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        w.write(name); w.write(source); w.write(description); w.write(referenceDate); w.write(stopwords)
        w.write(notUnderstood); w.write(notInPack); w.write(suggestions); w.write(subject); w.write(subjectPronouns)
        w.write(notCovered); w.write(comparisons); w.write(mannerTexts); w.write(document)
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init()
        name = try r.read(); source = try r.read(); description = try r.read(); referenceDate = try r.read()
        stopwords = try r.read(); notUnderstood = try r.read(); notInPack = try r.read(); suggestions = try r.read()
        subject = try r.read(); subjectPronouns = try r.read(); notCovered = try r.read(); comparisons = try r.read()
        mannerTexts = try r.read(); document = try r.read()
    }
}

extension LanguageEntries: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(lists); w.write(groups); w.write(maps) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init()
        lists = try r.read(); groups = try r.read(); maps = try r.read()
    }
}

extension RoleFrame: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(predicate); w.write(participant); w.write(role); w.write(participantText); w.write(predicateText) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init(predicate: r.shared(try r.read() as Set<String>), participant: r.shared(try r.read() as Set<String>), role: try r.read(),
                  participantText: try r.read(), predicateText: try r.read())
    }
}
