import Foundation
import MondoCore

/// `mondo new DIR --from DOCUMENT`: writes a pack to start from (Docs/authoring.md, "Start a
/// pack: mondo new"): `pack.yaml` linking the document, an empty `concepts.yaml`, one topic file
/// per section with draft facts and one example intent, and `Transcripts/first.transcript`.
public enum Scaffold {
    /// Writes the pack and prints what was written.
    /// - Parameters:
    ///   - directory: the new pack's folder; it must not exist or be empty.
    ///   - document: the document's path (plain text, paragraphs separated by blank lines).
    ///   - sections: a regular expression for the paragraph that starts each section, or nil.
    ///   - label: the section label for locators (required with `sections`).
    /// - Returns: 0 when written; 1 when DIR is not empty, the document cannot be read or has no
    ///   paragraph, or a file cannot be written (the reason on `err`).
    public static func run(directory: String, document: String, sections: String?, label: String?,
                           out: OutputSink, err: OutputSink) -> Int32 {
        func fail(_ message: String) -> Int32 { try? err.write("mondo: \(message)\n"); return 1 }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { return fail("'\(directory)' exists and is not a folder; give mondo new a new or empty folder") }
            if let items = try? fm.contentsOfDirectory(atPath: directory), !items.isEmpty {
                return fail("'\(directory)' is not empty; give mondo new a new or empty folder (nothing was written)")
            }
        }
        var pattern: NSRegularExpression?
        if let sections {
            guard let l = label, !l.isEmpty, !l.contains(where: { $0.isNumber || $0.isWhitespace || $0 == "¶" }) else {
                return fail("--sections needs --label, the letters that name a section in a locator (--label Q for Q3 ¶4)")
            }
            do { pattern = try NSRegularExpression(pattern: sections) } catch {
                return fail("--sections is not a valid regular expression: '\(sections)'")
            }
        }
        let text: String
        switch SourceFile.read(document) {
        case .success(let t): text = t
        case .failure(let d): return fail("cannot use '\(document)': \(d.message)")
        }
        let doc = DocumentText(text: text, sectionPattern: pattern)
        guard doc.paragraphs.contains(where: { $0.role == .counted }) else {
            return fail("'\(document)' has no paragraph with a sentence in it (paragraphs are separated by blank lines)")
        }
        let plan = ScaffoldPlan(document: doc, fileName: (document as NSString).lastPathComponent,
                                label: pattern == nil ? "" : label!, language: .english)
        let link = relativePath(from: directory, to: document)
        var files: [(String, String)] = [
            ("pack.yaml", packYAML(plan, documentPath: link, fileName: (document as NSString).lastPathComponent, sections: sections)),
            ("concepts.yaml", "# Concepts (synonym sets and entities): Docs/pack-format.md, \"concepts.yaml\".\n# Add one for each entity questions name (people, places, countries) and for words that mean the same.\nconcepts: {}\n"),
        ]
        for t in plan.topics { files.append(("topics/\(t.name).yaml", topicYAML(t))) }
        do {
            try fm.createDirectory(atPath: directory + "/topics", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: directory + "/Transcripts", withIntermediateDirectories: true)
            for (name, body) in files { try SafeWrite.replaceContents(of: directory + "/" + name, with: body) }
        } catch {
            return fail("cannot write the pack in '\(directory)': \(FileErrors.reason(error))")
        }
        // The first transcript: each example question asked afresh, with the answer it gets.
        let engine: Engine
        do { engine = Engine(pack: try Pack.load(from: directory)) } catch {
            return fail("the pack written in '\(directory)' does not load (a bug in mondo new):\n\(error.description)")
        }
        var turns: [(question: String, response: Response)] = []
        for i in engine.pack.intents {
            guard let q = i.examples.first else { continue }
            var ctx = DialogueContext()
            turns.append((q, engine.respond(to: q, context: &ctx)))
        }
        let transcript = Transcript.render(turns, header: "The first questions of the pack written by mondo new: one per topic. Replay with mondo test --pack \(directory)",
                                           resetsBefore: Set(turns.indices))
        do { try SafeWrite.replaceContents(of: directory + "/Transcripts/first.transcript", with: transcript) } catch {
            return fail("cannot write '\(directory)/Transcripts/first.transcript': \(error.description)")
        }
        let drafts = plan.topics.map(\.drafts.count).reduce(0, +)
        let answered = turns.filter { $0.response.intent != nil }.count
        var report = "Wrote \(directory): pack.yaml (linking \(link)), concepts.yaml, \(plan.topics.count) topic file\(plan.topics.count == 1 ? "" : "s") in topics/ with \(drafts) draft fact\(drafts == 1 ? "" : "s") and \(engine.pack.intents.count) example intent\(engine.pack.intents.count == 1 ? "" : "s"), Transcripts/first.transcript (\(turns.count) question\(turns.count == 1 ? "" : "s"), \(answered) answered).\n"
        if let q = turns.first(where: { $0.response.intent != nil })?.question { report += "Try: mondo --pack \(directory) -c \"\(q)\"\n" }
        report += "Next: confirm the drafts (remove draft: true), write intents in your own words, then mondo lint --pack \(directory) and mondo test --pack \(directory).\n"
        do { try out.write(report) } catch { return OutputError.report(error, to: err) }
        return 0
    }

    /// `file` relative to the folder `dir` (both may be relative to the current directory).
    public static func relativePath(from dir: String, to file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> [String] {
            let full = p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p)
            return (full as NSString).standardizingPath.split(separator: "/").map(String.init)
        }
        let a = absolute(dir), b = absolute(file)
        var k = 0
        while k < a.count, k < b.count - 1, a[k] == b[k] { k += 1 }
        return (Array(repeating: "..", count: a.count - k) + b[k...]).joined(separator: "/")
    }

    /// A YAML double-quoted string.
    static func quote(_ s: String) -> String {
        "\"" + VisibleText.of(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func packYAML(_ plan: ScaffoldPlan, documentPath: String, fileName: String, sections: String?) -> String {
        var y = """
        # Written by mondo new from \(fileName). Format: Docs/pack-format.md.
        # Draft facts (draft: true) wait in topics/*.yaml for an author to confirm them.
        name: \(quote(plan.name))
        description: \(quote("Questions about " + plan.name + " (a draft pack)"))
        source: \(quote(fileName))

        """
        if let sections {
            y += "document:\n  path: \(quote(documentPath))\n  sections: '\(sections.replacingOccurrences(of: "'", with: "''"))'\n  label: \(quote(plan.label))\n"
        } else {
            y += "document: \(quote(documentPath))\n"
        }
        y += """
        fallback:
          not_understood: "Sorry, I did not understand that question."
          not_in_pack: "The document does not say."
          suggestions: 3

        """
        return y
    }

    static func topicYAML(_ t: ScaffoldPlan.Topic) -> String {
        var y = "# Topic \(t.name): \(t.span) of the document, written by mondo new.\n"
        y += "# Each draft fact has the sentence it came from as a comment above it. Check it against the\n"
        y += "# document, correct the type, label and value, then remove `draft: true`.\n"
        y += t.drafts.isEmpty ? "facts: []\n" : "facts:\n"
        for (id, locator, d) in t.drafts {
            y += "  # \(locator): \(VisibleText.of(d.sentence))\n"
            y += "  - id: \(id)\n    draft: true\n"
            let near = d.nearName.map { ", next to \($0)" } ?? ""
            switch d.kind {
            case .date:
                y += "    type: date\n    label: \(quote("a date in \(locator)\(near)"))\n    date: \(quote(d.time!))\n    time: \(quote(d.time!))\n"
            case .percentage:
                y += "    type: percentage\n    label: \(quote("a percentage in \(locator)\(near)"))\n    value: \(Normalizer.canonical(d.value!))\n"
            case .money:
                y += "    type: money\n    label: \(quote("an amount of money in \(locator)\(near)"))\n    value: \(Normalizer.canonical(d.value!))\n    currency: \(d.unit!)\n"
            case .quantity:
                let unit = d.unit ?? "units"
                y += "    type: quantity\n    label: \(quote("a number of \(unit) in \(locator)\(near)"))\n    value: \(Normalizer.canonical(d.value!))\n    unit: \(quote(unit))\n"
                if d.unit == nil { y += "    note: no noun after the number; say what it counts in unit\n" }
            case .name:
                y += "    type: text   # a name: make it a person, place or organisation fact\n    label: \(quote("the name \(d.name!) in \(locator)"))\n    text: \(quote(d.name!))\n"
            }
            y += "    source: \(quote(locator))\n"
        }
        y += "\nintents:\n"
        guard let k = t.example, let name = t.exampleName else {
            return y.replacingOccurrences(of: "\nintents:\n", with: "\nintents: []\n")
        }
        let (id, _, d) = t.drafts[k]
        let ask: String, question: String, answer: String
        switch d.kind {
        case .date:
            ask = "[when, what]"; question = "What date does the document give for \(name)?"
            answer = "The date the document gives next to \(name) is {{\(id).display}} ({{\(id).source}}; a draft to check)."
        case .quantity:
            ask = "[number, what]"; question = "How many \(d.unit!) does the document give for \(name)?"
            answer = "The document gives {{\(id).with_unit}} next to \(name) ({{\(id).source}}; a draft to check)."
        case .percentage, .money:
            ask = "[number, what]"
            question = d.kind == .money ? "How much money does the document give for \(name)?" : "What percentage does the document give for \(name)?"
            answer = "The document gives {{\(id).display}} next to \(name) ({{\(id).source}}; a draft to check)."
        case .name:
            ask = "[what]"; question = "Tell me about \(name)."
            answer = "The document names \(name) in {{\(id).source}} (a draft to check: write what it says in your own words)."
        }
        y += """
          # An example to start from: it answers from the draft fact above. Rewrite the answer in your own
          # words once the fact is confirmed, and add intents for the questions readers will ask.
          - id: \(t.name).first_question
            ask: \(ask)
            require: [\(quote(name))]
            facts: [\(id)]
            answer: \(quote(answer))
            examples:
              - \(quote(question))

        """
        return y
    }
}
