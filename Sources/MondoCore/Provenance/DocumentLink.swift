import Foundation

/// The `document:` entry of `pack.yaml`: the file the pack's facts come from, and how the
/// document is divided into numbered sections, so that a fact's `source` (`Q3 ¶4`, `¶17`) can be
/// found in it (Docs/pack-format.md, "The source document and locators").
public struct DocumentLink: Sendable, Hashable {
    /// The path as written in `pack.yaml`: relative to the pack directory, or absolute.
    public var path: String
    /// A regular expression (ICU syntax, as `NSRegularExpression` reads it) matched against each
    /// paragraph; a paragraph it matches starts the next numbered section and is not itself
    /// counted. Nil: the document has no sections and paragraphs are counted from its start.
    public var sectionPattern: String?
    /// The word or letter that names a section in a locator (`Q` in `Q3 ¶4`); empty when the
    /// document has no sections.
    public var sectionLabel: String
    /// Where `document:` is written in `pack.yaml`.
    public var location: SourceLocation?

    /// Creates a link.
    public init(path: String, sectionPattern: String? = nil, sectionLabel: String = "", location: SourceLocation? = nil) {
        self.path = path
        self.sectionPattern = sectionPattern
        self.sectionLabel = sectionLabel
        self.location = location
    }

    /// The document's path from the current directory: ``path`` resolved against `packDirectory`
    /// when it is relative.
    public func resolvedPath(packDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (packDirectory as NSString).appendingPathComponent(path)
        return Self.lexicallyNormalised(joined)
    }

    /// `path` with `.` parts dropped and each `name/..` pair removed, without asking the file
    /// system (`Intents/../doc.txt` → `doc.txt`; a leading `..` stays).
    static func lexicallyNormalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", path.hasPrefix("/"), parts.isEmpty { continue }
            parts.append(part)
        }
        let body = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + body : (body.isEmpty ? "." : body)
    }
}
