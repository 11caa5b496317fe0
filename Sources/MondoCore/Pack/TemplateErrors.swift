import Mustache
import Yams

/// Turns a Mustache parse error of an answer template into a diagnostic at the offending tag in
/// the pack file: which tag, what is wrong with it, the file's line and a caret under the tag.
enum TemplateErrors {
    /// A tag of a template: its text (`{{#items}}`) and where it starts (a Character offset).
    struct Tag {
        var text: String
        var offset: Int
        /// The tag's kind mark (`#`, `^`, `/`, or nil for a value) and its name.
        var sigil: Character?
        var name: String
    }

    /// The tags of `template`, in order, and the offset of a `{{` that has no `}}`, if any.
    static func tags(_ template: String) -> (tags: [Tag], unclosed: Int?) {
        let chars = Array(template)
        var out: [Tag] = []
        var i = 0
        while i + 1 < chars.count {
            guard chars[i] == "{", chars[i + 1] == "{" else { i += 1; continue }
            var j = i + 2
            while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
            guard j + 1 < chars.count else { return (out, i) }
            var end = j + 2
            if end < chars.count, chars[end] == "}", chars[i + 2] == "{" { end += 1 }  // {{{name}}}
            var inner = String(chars[(i + 2)..<j]).trimmingCharacters(in: .whitespaces)
            var sigil: Character?
            if let f = inner.first, "#^/!>&{%=".contains(f) {
                sigil = f
                inner = String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            out.append(Tag(text: String(chars[i..<end]), offset: i, sigil: sigil, name: inner))
            i = end
        }
        return (out, nil)
    }

    /// What is wrong with `template` and at which tag, for a template the Mustache parser
    /// rejected with `error`; nil when no tag can be blamed (the caller reports the whole value).
    static func problem(in template: String, error: Error) -> (message: String, tag: Tag?) {
        let (tags, unclosed) = tags(template)
        if let unclosed {
            let text = String(Array(template)[unclosed...].prefix(20))
            return ("answer template: the tag '\(text)…' has no closing '}}'",
                    Tag(text: "{{", offset: unclosed, sigil: nil, name: ""))
        }
        var open: [Tag] = []
        for t in tags {
            switch t.sigil {
            case "#", "^": open.append(t)
            case "/":
                guard let top = open.last else {
                    return ("answer template: '\(t.text)' closes a section that was never opened", t)
                }
                if top.name != t.name {
                    return ("answer template: '\(t.text)' does not close the open section '\(top.text)' (close it with '{{/\(top.name)}}' first)", t)
                }
                open.removeLast()
            default: continue
            }
        }
        if let top = open.last {
            return ("answer template: the section '\(top.text)' is never closed (end it with '{{/\(top.name)}}')", top)
        }
        let what: String
        if let e = error as? MustacheTemplate.ParserError {
            switch e.error as? MustacheTemplate.Error {
            case .unfinishedName?: what = "a tag name is not finished or holds characters a name cannot have"
            case .invalidSetDelimiter?: what = "a set-delimiter tag is not of the form {{=<% %>=}}"
            default: what = "\(e.error)"
            }
        } else { what = "\(error)" }
        return ("answer template does not parse: \(what)", nil)
    }

    /// Where `tag` of the template written at `node` is in the file: the `k`-th occurrence of its
    /// text after the node's start, `k` being how many times that text comes earlier in the
    /// template. Nil when the text is not written as it is (escaped, or folded over lines).
    static func location(of tag: Tag, in template: String, node: Node, doc: YAMLDocument) -> (line: Int, column: Int)? {
        guard let mark = node.mark, mark.line >= 1, mark.line <= doc.lines.count else { return nil }
        var k = 0
        var rest = Substring(template)
        let chars = Array(template)
        let before = String(chars[..<tag.offset])
        rest = Substring(before)
        while let r = rest.range(of: tag.text) { k += 1; rest = rest[r.upperBound...] }
        for n in (mark.line - 1)..<doc.lines.count {
            let line = doc.lines[n]
            var from = line.startIndex
            if n == mark.line - 1 {
                let skip = min(max(0, mark.column - 1), line.unicodeScalars.count)
                from = line.unicodeScalars.index(line.startIndex, offsetBy: skip)
            }
            while let r = line.range(of: tag.text, range: from..<line.endIndex) {
                if k == 0 { return (n + 1, line.unicodeScalars.distance(from: line.startIndex, to: r.lowerBound) + 1) }
                k -= 1
                from = r.upperBound
            }
        }
        return nil
    }
}

extension PackLoader {
    /// Parses an intent's answer template (plain text: nothing is HTML-escaped) and keeps it for
    /// the engine; a template that does not parse is reported at the tag to blame.
    /// - Returns: whether it parsed (when it did not, the names in it are not checked: one
    ///   mistake, one error).
    @discardableResult
    mutating func compileTemplate(_ intent: Intent, node: Node?, doc: YAMLDocument) -> Bool {
        do {
            templates[intent.id] = try Pack.template(intent.answer)
            return true
        } catch {
            let (message, tag) = TemplateErrors.problem(in: intent.answer, error: error)
            if let tag, let node, let at = TemplateErrors.location(of: tag, in: intent.answer, node: node, doc: doc) {
                diagnostics.append(doc.diag(.error, message, line: at.line, column: at.column))
            } else {
                diagnostics.append(doc.diag(.error, message, at: node))
            }
            return false
        }
    }
}
