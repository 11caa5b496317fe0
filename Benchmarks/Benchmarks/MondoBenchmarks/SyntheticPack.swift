// Synthetic packs for the scaling benchmarks: the shipped pack with its topic files copied
// N times. Copy 1 is the shipped topics unchanged; copy k ≥ 2 renames everything a topic file
// defines so that the pack stays valid:
//   - fact ids, topic-local concept names and every reference to them (`~name`, `facts:`,
//     compute operands, `{{id.field}}` in templates, `entities:`) get the suffix `_k<k>`;
//   - intent ids and `family` names get the suffix `_k<k>`;
//   - every intent is demoted by `priority - 100`, so a question still reaches the shipped
//     intent (ties go to the higher priority) instead of being declined as ambiguous between
//     identical copies. The matcher still scores every copy, which is the cost being measured.
// pack.yaml, concepts.yaml and lexicon.txt are copied once.

import Foundation
import MondoCore

enum SyntheticPack {
    static let sizes = [1, 2, 4, 8]

    /// Writes the pack with `copies` copies of the topics of the pack in `source` to a temporary
    /// directory (replacing any earlier one of that size) and returns its path.
    static func directory(copies: Int, from source: String) throws -> String {
        let fm = FileManager.default
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mondo-benchmarks")
        let dir = base.appendingPathComponent("x\(copies)")
        try? fm.removeItem(at: dir)
        try fm.createDirectory(at: dir.appendingPathComponent("topics"), withIntermediateDirectories: true)
        for name in ["pack.yaml", "concepts.yaml", "lexicon.txt"] {
            let from = URL(fileURLWithPath: source).appendingPathComponent(name)
            if fm.fileExists(atPath: from.path) { try fm.copyItem(at: from, to: dir.appendingPathComponent(name)) }
        }
        // What the topic files define, from the shipped pack itself.
        let pack = loadPack(source)
        let topicDir = URL(fileURLWithPath: source).appendingPathComponent("topics")
        var names = Set(pack.facts.keys)
        for (name, concept) in pack.concepts where concept.location?.path.contains("/topics/") ?? false {
            names.insert(name)
        }
        let files = try fm.contentsOfDirectory(atPath: topicDir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        for file in files {
            let text = try String(contentsOf: topicDir.appendingPathComponent(file), encoding: .utf8)
            let stem = String(file.dropLast(".yaml".count))
            try text.write(to: dir.appendingPathComponent("topics/\(file)"), atomically: false, encoding: .utf8)
            for k in stride(from: 2, through: copies, by: 1) {
                let copy = rename(text, suffix: "_k\(k)", names: names)
                try copy.write(to: dir.appendingPathComponent("topics/\(stem)_k\(k).yaml"), atomically: false, encoding: .utf8)
            }
        }
        return dir.path
    }

    /// One renamed copy of a topic file (see the comment at the top of this file).
    static func rename(_ text: String, suffix: String, names: Set<String>) -> String {
        var out: [Substring] = []
        var section = ""
        var pendingPriority: Int?  // index in `out` after the current intent's id line, until a priority is seen
        func flushPriority() {
            if let at = pendingPriority { out.insert("    priority: -100", at: at) }
            pendingPriority = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first.isLetter, line.contains(":") {
                flushPriority()
                section = String(line.prefix(while: { $0 != ":" }))
                out.append(line)
                continue
            }
            if section == "intents", line.hasPrefix("  - id:") {
                flushPriority()
                let id = line.dropFirst("  - id:".count).trimmingCharacters(in: .whitespaces)
                out.append(Substring("  - id: \(id)\(suffix)"))
                pendingPriority = out.count
                continue
            }
            if section == "intents", line.hasPrefix("    priority:") {
                let value = Int(line.dropFirst("    priority:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                out.append(Substring("    priority: \(value - 100)"))
                pendingPriority = nil
                continue
            }
            if section == "intents", line.hasPrefix("    family:") {
                let family = line.dropFirst("    family:".count).trimmingCharacters(in: .whitespaces)
                out.append(Substring("    family: \(family)\(suffix)"))
                continue
            }
            out.append(Substring(renameTokens(line, suffix: suffix, names: names)))
        }
        flushPriority()
        return out.joined(separator: "\n")
    }

    /// Appends `suffix` to every identifier token (`[A-Za-z0-9_]+`) of `line` that is in `names`.
    static func renameTokens(_ line: Substring, suffix: String, names: Set<String>) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count + 16)
        var token = ""
        func flush() {
            if !token.isEmpty {
                result += token
                if token.contains("_"), names.contains(token) { result += suffix }
                token = ""
            }
        }
        for ch in line {
            if ch.isASCII, ch.isLetter || ch.isNumber || ch == "_" { token.append(ch) } else { flush(); result.append(ch) }
        }
        flush()
        return result
    }
}
