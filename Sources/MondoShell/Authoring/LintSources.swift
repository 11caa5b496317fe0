import Foundation
import MondoCore

extension Lint {
    /// The provenance checks (Docs/authoring.md, "Link the document"):
    ///
    /// - a linked document that cannot be read is a **warning** (a clone without the document
    ///   still lints clean), and its locators are not checked;
    /// - when it can be read, a fact `source` that is not a locator, or names a section or
    ///   paragraph the document does not have, is an **error** at the `source` value;
    /// - facts marked `draft: true` (written by `mondo new`) are counted in one **note** per file.
    static func sourceFindings(_ pack: Pack, _ src: Authoring.SourceLines) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let facts = pack.facts.values.sorted { ($0.location?.path ?? "", $0.location?.line ?? 0) < ($1.location?.path ?? "", $1.location?.line ?? 0) }
        var drafts: [String: [Fact]] = [:]
        for f in facts where f.draft { drafts[f.location?.path ?? "", default: []].append(f) }
        for (_, fs) in drafts.sorted(by: { $0.key < $1.key }) {
            out.append(src.diag(.note, "\(fs.count) draft fact\(fs.count == 1 ? "" : "s") in this file to confirm against the document (remove 'draft: true' from each one checked)", at: fs[0].location))
        }
        guard let link = pack.settings.document else { return out }
        let label = link.sectionLabel
        switch SourceDocument.load(pack) {
        case .notLinked: return out
        case .unreadable(let path, let reason):
            out.append(src.diag(.warning, "the source document '\(path)' cannot be read (\(reason)); locators are not checked and :source shows them alone", at: link.location))
        case .text(let doc, _):
            for f in facts {
                let at = f.sourceLocation ?? f.location
                // The caret goes under the part to blame, inside quotes when the value is quoted.
                func place(_ offset: Int) -> SourceLocation? {
                    guard var loc = at else { return nil }
                    if let line = src.line(loc), let c = Array(line.unicodeScalars).dropFirst(loc.column - 1).first, c == "\"" || c == "'" { loc.column += 1 }
                    loc.column += offset
                    return loc
                }
                let locators: [Locator]
                do { locators = try Locator.parse(f.source, sectionLabel: label) } catch {
                    out.append(src.diag(.error, "source '\(f.source)' of fact '\(f.id)' is not a locator: \(error.message)", at: place(error.offset)))
                    continue
                }
                for l in locators where doc.paragraphs(at: l).isEmpty {
                    let what: String
                    if let s = l.section, !doc.hasSection(s) {
                        what = "the document has no section \(label)\(s) (it has \(doc.sectionCount))"
                    } else {
                        let n = doc.paragraphCount(section: l.section ?? 0)
                        let part = l.section.map { "\(label)\($0)" }
                        what = part.map { "\($0) has \(n) paragraph\(n == 1 ? "" : "s")" }
                            ?? (doc.sectionCount > 0 ? "the part before \(label)1 has \(n) paragraph\(n == 1 ? "" : "s")" : "the document has \(n) paragraph\(n == 1 ? "" : "s")")
                    }
                    out.append(src.diag(.error, "fact '\(f.id)' cites \(l), which the document does not have: \(what)", at: place(0)))
                    break
                }
            }
        }
        return out
    }
}
