/// One place in a pack's source document: a paragraph (`¶17`), a paragraph of a numbered
/// section (`Q3 ¶4`), or a whole section (`Q1`). Parsed from a fact's `source` with
/// ``parse(_:sectionLabel:)``; the grammar is in Docs/pack-format.md ("Locators").
public struct Locator: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The section number (from 1), or nil when the locator names none.
    public var section: Int?
    /// The paragraph number (from 1) within the section (or the document), or nil for a whole section.
    public var paragraph: Int?
    /// The section label the locator was written with (`Q`), for ``description``.
    public var label: String

    /// Creates a locator.
    public init(section: Int? = nil, paragraph: Int? = nil, label: String = "") {
        self.section = section
        self.paragraph = paragraph
        self.label = label
    }

    /// As a pack writes it: `Q3 ¶4`, `¶17`, `Q1`.
    public var description: String {
        var parts: [String] = []
        if let s = section { parts.append(label + String(s)) }
        if let p = paragraph { parts.append("¶" + String(p)) }
        return parts.joined(separator: " ")
    }

    /// Document order: by section (none first), then paragraph (a whole section first).
    public static func < (a: Locator, b: Locator) -> Bool {
        if a.section != b.section { return (a.section ?? 0) < (b.section ?? 0) }
        return (a.paragraph ?? 0) < (b.paragraph ?? 0)
    }

    /// Why a `source` could not be read as locators, and where: `offset` counts Unicode scalars
    /// from the start of the text (0-based), for a caret under the part to blame.
    public struct ParseError: Error, Sendable, Hashable {
        /// What is wrong, for a diagnostic.
        public var message: String
        /// The 0-based Unicode-scalar offset of the part to blame.
        public var offset: Int
    }

    /// The longest paragraph range a locator may span (`¶1–¶200`); longer is an error.
    public static let maxRange = 200

    /// Reads a fact's `source` as a list of locators.
    ///
    /// Items are separated by `,` or `;`. An item is `LABEL N ¶M` (a paragraph of section N),
    /// `LABEL N` (the whole section), `¶M` (a paragraph of a document without sections, or of
    /// the part before the first section), or a range `¶M–¶K` (also `¶M–K`, with `-` or `–`),
    /// which stands for every paragraph from M to K. `LABEL` is `sectionLabel` (`Q`), written
    /// with or without a space before the number; with an empty label no section may be named.
    /// - Returns: the locators in the order written, ranges expanded.
    /// - Throws: ``ParseError`` for anything else (`p. 12`, `¶0`, `¶5–¶3`, an unknown label).
    /// - Complexity: linear in the text and in the paragraphs of its ranges.
    public static func parse(_ text: String, sectionLabel: String) throws(ParseError) -> [Locator] {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var out: [Locator] = []
        func skipSpaces() { while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 } }
        func number() -> Int? {
            let start = i
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            guard i > start, i - start <= 6 else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[start..<i])))
        }
        let label = Array(sectionLabel.unicodeScalars)
        func atLabel() -> Bool {
            guard !label.isEmpty, i + label.count <= scalars.count else { return false }
            return Array(scalars[i..<(i + label.count)]) == label
        }
        let expected = label.isEmpty ? "a paragraph locator such as ¶4 or ¶4–¶6"
            : "a locator such as \(sectionLabel)3 ¶4, \(sectionLabel)3 or ¶4"
        skipSpaces()
        if i == scalars.count { throw ParseError(message: "the source is empty; expected \(expected)", offset: 0) }
        while true {
            skipSpaces()
            let itemStart = i
            var section: Int?
            if atLabel() {
                i += label.count
                skipSpaces()
                let at = i
                guard let n = number(), n >= 1 else {
                    throw ParseError(message: "expected a section number after '\(sectionLabel)'", offset: at)
                }
                section = n
                skipSpaces()
            }
            var paragraphs: [Int?] = [nil]
            if i < scalars.count, scalars[i] == "¶" {
                i += 1
                skipSpaces()
                let at = i
                guard let a = number(), a >= 1 else { throw ParseError(message: "expected a paragraph number (from 1) after '¶'", offset: at) }
                paragraphs = [a]
                skipSpaces()
                if i < scalars.count, scalars[i] == "–" || scalars[i] == "-" {
                    i += 1
                    skipSpaces()
                    if i < scalars.count, scalars[i] == "¶" { i += 1 }
                    skipSpaces()
                    let bt = i
                    guard let b = number() else { throw ParseError(message: "expected the paragraph number that ends the range", offset: bt) }
                    guard b > a else { throw ParseError(message: "a range must end after it starts (¶\(a)–¶\(b))", offset: bt) }
                    guard b - a < maxRange else { throw ParseError(message: "a range may span at most \(maxRange) paragraphs", offset: bt) }
                    paragraphs = Array(a...b)
                }
            } else if section == nil {
                throw ParseError(message: "expected \(expected)", offset: itemStart)
            }
            for p in paragraphs { out.append(Locator(section: section, paragraph: p, label: sectionLabel)) }
            skipSpaces()
            if i == scalars.count { return out }
            guard scalars[i] == "," || scalars[i] == ";" else {
                throw ParseError(message: "expected ',' between locators, or the end; \(expected)", offset: i)
            }
            i += 1
        }
    }
}
