import Foundation

/// A source document split into paragraphs and numbered the way locators count them
/// (Docs/pack-format.md, "Locators"). Pure: it is given the text, it reads no file.
///
/// Paragraphs are separated by blank lines. Not counted: a paragraph that starts a section (it
/// matches the link's section pattern), a paragraph with no sentence end — a title, a heading, a
/// caption, a web address — and a paragraph whose whole text already appears in an earlier one
/// (a pull quote, a repeated block). The others are numbered from 1, again in each section;
/// paragraphs before the first section belong to section 0 (located with `¶N` alone).
public struct DocumentText: Sendable {
    /// How a paragraph is counted.
    public enum Role: String, Sendable, Hashable {
        /// Numbered: a locator can name it.
        case counted
        /// It starts a section (matched the section pattern).
        case sectionStart = "section start"
        /// No sentence end: a title, heading or caption.
        case heading
        /// Its text already appears in an earlier paragraph.
        case repeated
    }

    /// One paragraph of the document.
    public struct Paragraph: Sendable, Hashable {
        /// The text, lines joined with a space.
        public var text: String
        /// The line of the document it starts on (from 1).
        public var line: Int
        /// The section it is in (0: before the first section, or a document without sections).
        public var section: Int
        /// Its number within the section when ``role`` is `counted`.
        public var number: Int?
        /// How it is counted.
        public var role: Role
    }

    /// Every paragraph, in document order.
    public private(set) var paragraphs: [Paragraph] = []
    /// The number of sections (0 for a document without sections).
    public private(set) var sectionCount = 0

    /// Splits `text` into paragraphs and numbers them.
    /// - Parameters:
    ///   - text: the document.
    ///   - sectionPattern: a compiled section pattern (see ``DocumentLink/sectionPattern``), or nil.
    /// - Complexity: O(p²·n) for p paragraphs of length n (the repeat check); documents are small.
    public init(text: String, sectionPattern: NSRegularExpression? = nil) {
        var blocks: [(text: String, line: Int)] = []
        var current: [String] = []
        var start = 0
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty {
                if !current.isEmpty { blocks.append((current.joined(separator: " "), start)) }
                current = []
            } else {
                if current.isEmpty { start = k + 1 }
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append((current.joined(separator: " "), start)) }

        var section = 0, counter = 0
        var earlier: [String] = []
        for b in blocks {
            let collapsed = b.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var role = Role.counted
            if let re = sectionPattern,
               re.firstMatch(in: b.text, range: NSRange(b.text.startIndex..., in: b.text)) != nil {
                role = .sectionStart
                section += 1
                sectionCount = section
                counter = 0
            } else if !Self.hasSentenceEnd(b.text) {
                role = .heading
            } else if earlier.contains(where: { $0.contains(collapsed) }) {
                role = .repeated
            }
            var number: Int?
            if role == .counted { counter += 1; number = counter }
            paragraphs.append(Paragraph(text: b.text, line: b.line, section: section, number: number, role: role))
            earlier.append(collapsed)
        }
    }

    /// Whether `text` holds a sentence end: `.`, `!` or `?`, then optionally closing quotes or
    /// brackets, then a space or the end of the text. A title or a URL has none.
    public static func hasSentenceEnd(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        for (k, u) in s.enumerated() where u == "." || u == "!" || u == "?" {
            var j = k + 1
            while j < s.count, Sentences.closers.contains(s[j]) { j += 1 }
            if j == s.count || s[j].properties.isWhitespace { return true }
        }
        return false
    }

    /// The counted paragraphs a locator names: one paragraph, or every paragraph of a section.
    /// Empty when the document has no such paragraph or section.
    public func paragraphs(at locator: Locator) -> [Paragraph] {
        let section = locator.section ?? 0
        return paragraphs.filter { p in
            p.role == .counted && p.section == section && (locator.paragraph == nil || p.number == locator.paragraph)
        }
    }

    /// Whether section `n` exists (1…``sectionCount``).
    public func hasSection(_ n: Int) -> Bool { n >= 1 && n <= sectionCount }

    /// How many counted paragraphs section `n` has (0: the part before the first section).
    public func paragraphCount(section n: Int) -> Int {
        paragraphs.filter { $0.section == n && $0.role == .counted }.count
    }
}
