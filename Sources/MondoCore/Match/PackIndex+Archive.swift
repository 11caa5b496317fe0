/// The archive form of a compiled index (``CompiledPackCache``): every table the index compiles.
/// The language data and the lexicon are the pack's and are not stored twice.
extension PackIndex {
    /// Writes the index. O(size of the index).
    func write(to w: ArchiveWriter) {
        w.writeCount(termsByFirst.count)
        for (first, entries) in termsByFirst { w.write(first); Self.write(entries, to: w) }
        Self.write(phrases, to: w)
        w.writeCount(phraseIndex.count)
        for (stem, places) in phraseIndex {
            w.write(stem)
            w.writeCount(places.count)
            for p in places { w.write(p.phrase); w.write(p.offset) }
        }
        w.write(closure); w.write(stopStems); w.write(vocabulary)
        // The spelling index is built now if no question has needed it yet: reading it back
        // costs far less than building it at the first misspelt word.
        w.write(spelling.words.map(\.word)); w.write(spelling.keys); w.write(spelling.positions)
        w.write(idf); w.write(intents); w.write(knownEntities); w.write(slotEntities); w.write(countryOf)
        w.write(position); w.write(postings); w.write(keyIndex)
        w.write(vocabStart); w.write(vocabKeys); w.write(vocabWeights)
        for table in [factVocab, datedFactVocab] {
            w.writeCount(table.count)
            for f in table { w.write(f.fact); w.write(f.vocab) }
        }
        w.write(lookups)
    }

    /// Reads an index written by ``write(to:)``, for a pack whose language data is `language` and
    /// lexicon `lexicon`.
    /// - Throws: ``ArchiveError`` when the bytes do not read back.
    init(readingFrom r: ArchiveReader, language: LanguageData, lexicon: Set<String>) throws(ArchiveError) {
        self.language = language
        self.lexicon = lexicon
        let firsts = try r.readCount()
        try r.need(firsts)
        termsByFirst.reserveCapacity(firsts)
        for _ in 0..<firsts { termsByFirst[try r.read()] = try Self.readTerms(r) }
        phrases = try Self.readTerms(r)
        let stems = try r.readCount()
        try r.need(stems)
        phraseIndex.reserveCapacity(stems)
        for _ in 0..<stems {
            let stem: String = try r.read()
            let n = try r.readCount()
            try r.need(n)
            var places: [(phrase: Int, offset: Int)] = []
            places.reserveCapacity(n)
            for _ in 0..<n { places.append((try r.read(), try r.read())) }
            phraseIndex[stem] = places
        }
        closure = try r.read(); stopStems = try r.read(); vocabulary = try r.read()
        let spellingWords: [String] = try r.read()
        guard let spelling = SpellingIndex(words: spellingWords.map { ($0, Array($0.utf8)) }, keys: try r.read(), positions: try r.read()) else {
            throw ArchiveError("the spelling index does not fit its words")
        }
        lazySpelling = Lazy(made: spelling)
        idf = try r.read(); intents = try r.read(); knownEntities = try r.read(); slotEntities = try r.read()
        countryOf = try r.read(); position = try r.read(); postings = try r.read(); keyIndex = try r.read()
        vocabStart = try r.read(); vocabKeys = try r.read(); vocabWeights = try r.read()
        guard vocabKeys.allSatisfy({ $0 >= 0 && Int($0) < keyIndex.count }), vocabStart.count == intents.count + 1, vocabStart.first == 0, vocabKeys.count == vocabWeights.count,
              zip(vocabStart, vocabStart.dropFirst()).allSatisfy({ $0 <= $1 }), Int(vocabStart.last!) == vocabKeys.count else {
            throw ArchiveError("the vocabulary table does not fit the intents")
        }
        var tables: [[(fact: String, vocab: [String: Double])]] = []
        for _ in 0..<2 {
            let n = try r.readCount()
            try r.need(n)
            var table: [(fact: String, vocab: [String: Double])] = []
            table.reserveCapacity(n)
            for _ in 0..<n { table.append((try r.read(), try r.read())) }
            tables.append(table)
        }
        factVocab = tables[0]
        datedFactVocab = tables[1]
        lookups = try r.read()
    }

    private static func write(_ entries: [(stems: [String], words: [String], concept: String)], to w: ArchiveWriter) {
        w.writeCount(entries.count)
        for e in entries { w.write(e.stems); w.write(e.words); w.write(e.concept) }
    }

    private static func readTerms(_ r: ArchiveReader) throws(ArchiveError) -> [(stems: [String], words: [String], concept: String)] {
        let n = try r.readCount()
        try r.need(n)
        var out: [(stems: [String], words: [String], concept: String)] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append((try r.read(), try r.read(), try r.read())) }
        return out
    }
}

extension PackIndex.CompiledIntent: ArchiveCodable {
    func write(to w: ArchiveWriter) {
        w.write(scope); w.write(times); w.write(numbers); w.write(roles); w.write(factRoles)
        w.write(participants); w.write(phases); w.write(factEntities)
    }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        // Intents about one entity share these: read back, they share their storage too.
        self.init(scope: r.shared(try r.read() as SortedStrings), times: try r.read(), numbers: r.shared(try r.read() as SortedStrings))
        roles = try r.read(); factRoles = try r.read(); participants = r.shared(try r.read() as SortedStrings); phases = try r.read()
        factEntities = r.shared(try r.read() as SortedStrings)
    }
}

extension SortedStrings: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(elements) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        let strings: [String] = try r.read()
        guard zip(strings, strings.dropFirst()).allSatisfy({ $0 < $1 }) else { throw ArchiveError("a set of strings out of order") }
        self.init(sorted: strings)
    }
}

extension FactLookups: ArchiveCodable {
    func write(to w: ArchiveWriter) { w.write(entityNames); w.write(personRoles); w.write(factVocabPostings); w.write(datedFactVocabPostings) }
    init(readingFrom r: ArchiveReader) throws(ArchiveError) {
        self.init()
        entityNames = try r.read(); personRoles = try r.read(); factVocabPostings = try r.read(); datedFactVocabPostings = try r.read()
    }
}
