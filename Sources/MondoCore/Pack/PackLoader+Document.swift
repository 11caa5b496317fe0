import Foundation
import Yams

extension PackLoader {
    /// The keys of `document` in its mapping form.
    static let documentKeys = ["path", "sections", "label"]

    /// `document: PATH` or `document: {path: PATH, sections: REGEX, label: Q}` (Docs/pack-format.md,
    /// "The source document and locators"). The file itself is not read here: the loader reads
    /// only the pack; a missing document is for `:source` and `mondo lint` to report.
    mutating func readDocument(_ node: Node?, _ doc: YAMLDocument) {
        guard let node else { return }
        if case .scalar = node {
            guard let p = string(node, doc, "document"), !p.isEmpty else {
                diagnostics.append(doc.diag(.error, "document must name the document's file (a path relative to the pack folder)", at: node)); return
            }
            settings.document = DocumentLink(path: p, location: doc.location(node))
            return
        }
        guard let m = expectMapping(node, doc, "document") else { return }
        checkKeys(m, doc, allowed: Self.documentKeys, required: ["path"], what: "document", at: node)
        guard let path = string(m["path"], doc, "path") else { return }
        guard !path.isEmpty else {
            diagnostics.append(doc.diag(.error, "path must name the document's file (relative to the pack folder)", at: m["path"])); return
        }
        var link = DocumentLink(path: path, location: doc.location(m["path"]))
        if let pattern = string(m["sections"], doc, "sections") {
            do { _ = try NSRegularExpression(pattern: pattern) } catch {
                diagnostics.append(doc.diag(.error, "sections is not a valid regular expression: '\(pattern)'", at: m["sections"])); return
            }
            guard let label = string(m["label"], doc, "label"), !label.isEmpty,
                  !label.contains(where: { $0.isNumber || $0.isWhitespace || $0 == "¶" || $0 == "," || $0 == ";" }) else {
                diagnostics.append(doc.diag(.error, "a document with sections needs a label: the letters that name a section in a locator (label: Q for Q3 ¶4), without digits, spaces, '¶', ',' or ';'", at: m["label"] ?? m["sections"])); return
            }
            link.sectionPattern = pattern
            link.sectionLabel = label
        } else if m["label"] != nil {
            diagnostics.append(doc.diag(.error, "label names the sections; give the sections pattern too (sections: a regular expression matching the paragraph that starts each section)", at: m["label"]))
        }
        settings.document = link
    }
}
