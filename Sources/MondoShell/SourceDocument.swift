import Foundation
import MondoCore

/// Reading a pack's linked source document (`document:` in pack.yaml) — the shell's I/O side of
/// provenance; the splitting and numbering are ``DocumentText``'s.
public enum SourceDocument {
    /// What reading the document gave.
    public enum Loaded {
        /// The pack links no document.
        case notLinked
        /// The document could not be read: the path tried and the system's reason.
        case unreadable(path: String, reason: String)
        /// The document, split and numbered.
        case text(DocumentText, path: String)
    }

    /// Reads the document `pack` links, resolving its path against the pack directory.
    /// Never throws: a missing or unreadable file, or one that is not UTF-8, is ``Loaded/unreadable(path:reason:)``.
    public static func load(_ pack: Pack) -> Loaded {
        guard let link = pack.settings.document else { return .notLinked }
        let path = link.resolvedPath(packDirectory: pack.directory)
        switch SourceFile.read(path) {
        case .failure(let d):
            let reason = d.message.hasPrefix("cannot read: ") ? String(d.message.dropFirst("cannot read: ".count)) : d.message
            return .unreadable(path: path, reason: reason)
        case .success(let text):
            // The pattern was checked when the pack loaded.
            let re = link.sectionPattern.flatMap { try? NSRegularExpression(pattern: $0) }
            return .text(DocumentText(text: text, sectionPattern: re), path: path)
        }
    }
}
