import Foundation
import LineEditor
import MondoCore

/// Tab completion for the REPL, as a ``LineEditor/CompletionProvider`` for the line editor:
/// - `:` and a partial name: the meta-commands (`:he` → `:help`);
/// - `:why ` and a partial word: intent ids and `all`;
/// - `:topics ` and a partial name: the topic names (folded, as anywhere else);
/// - `:save ` and a partial path: the entries of that directory (directories end with `/`);
/// - anything else: the pack's topic names and entity names (people, places, organisations,
///   countries …) that the last one to four words before the cursor begin, compared folded
///   (case and diacritics ignored), so `ha no` completes to `Hà Nội` when the pack spells it so.
public struct Completer: Sendable {
    /// Meta-command names, without the `:`.
    public let commands: [String]
    /// Intent ids (for `:why`).
    public let intents: [String]
    /// Topic names, as `:topics` shows them (for `:topics NAME`).
    public let topics: [String]
    /// Topic and entity names, as the pack spells them, one spelling per folded form.
    public let names: [String]
    private let foldedNames: [(folded: String, name: String)]

    /// Makes a completer from explicit lists (tests, or another source of names).
    /// - Parameters:
    ///   - commands: meta-command names without `:`.
    ///   - intents: intent ids offered after `:why `.
    ///   - topics: topic names offered after `:topics `.
    ///   - names: topic and entity names; spellings that fold alike are merged letter by letter,
    ///     keeping each letter's diacritics and capitals (`Cafe Noir` and `café noir` give
    ///     `Café Noir`).
    public init(commands: [String], intents: [String] = [], topics: [String] = [], names: [String]) {
        var seenCommands = Set<String>()
        self.commands = commands.filter { seenCommands.insert($0).inserted }
        self.intents = intents
        self.topics = topics
        var chosen: [String: String] = [:]
        var order: [String] = []
        for name in names {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let key = Fold.text(trimmed)
            if let current = chosen[key] {
                chosen[key] = Self.merge(current, trimmed)
            } else {
                chosen[key] = trimmed
                order.append(key)
            }
        }
        let pairs = order.sorted().map { (folded: $0, name: chosen[$0]!) }
        foldedNames = pairs
        self.names = pairs.map(\.name)
    }

    /// Makes a completer for `pack`: the meta-commands of ``Shell/commands`` (and `exit`), its
    /// intent ids, topic names (the first part of intent ids, `_` read as a space), the names
    /// in its person, organisation and place facts, and the terms of its entity concepts
    /// (except possessives and terms of fewer than three letters).
    public init(pack: Pack) {
        var names: [String] = []
        for intent in pack.intents {
            let topic = intent.id.split(separator: ".").first.map(String.init) ?? intent.id
            names.append(topic.replacingOccurrences(of: "_", with: " "))
        }
        for id in pack.facts.keys.sorted() {
            switch pack.facts[id]!.value {
            case .person(let name, _, _), .organisation(let name, _, _), .place(let name, _): names.append(name)
            default: break
            }
        }
        for name in pack.concepts.keys.sorted() {
            let concept = pack.concepts[name]!
            guard let kind = concept.entityClass, kind != "measure" else { continue }
            for term in concept.terms where !term.contains("'") && term.filter(\.isLetter).count >= 3 {
                names.append(term)
            }
        }
        self.init(commands: Shell.commands.map(\.name) + ["exit"], intents: pack.intents.map(\.id),
                  topics: TopicsCommand.topics(pack).map(\.name), names: names)
    }

    /// The completion for `line` with the cursor at `cursor` (in `Character`s). A candidate
    /// holding a control character (a pack term, a file name) is never offered: the line editor
    /// would write it to the terminal as it is.
    public func complete(line: String, cursor: Int) -> LineCompletion {
        let before = String(line.prefix(max(0, cursor)))
        let trimmed = before.drop(while: { $0 == " " })
        var found = trimmed.hasPrefix(":") ? command(String(trimmed)) : name(before)
        found.candidates.removeAll { $0.unicodeScalars.contains(where: VisibleText.needsShowing) }
        return found.candidates.isEmpty ? .none : found
    }

    private func command(_ text: String) -> LineCompletion {
        guard let space = text.firstIndex(of: " ") else {
            let partial = text.dropFirst().lowercased()
            let found = commands.filter { $0.hasPrefix(partial) }.map { ":" + $0 }
            return LineCompletion(replacing: text.count, candidates: found)
        }
        let name = text[text.index(after: text.startIndex)..<space].lowercased()
        let argument = String(text[text.index(after: space)...].drop(while: { $0 == " " }))
        switch name {
        case "save":
            return LineCompletion(replacing: argument.count, candidates: Self.paths(beginning: argument))
        case "why" where !argument.contains(" "):
            let found = (["all"] + intents).filter { $0.hasPrefix(argument) }
            return LineCompletion(replacing: argument.count, candidates: found)
        case "topics":
            let typed = Fold.text(argument)
            return LineCompletion(replacing: argument.count, candidates: topics.filter { Fold.text($0).hasPrefix(typed) })
        case "trace" where !argument.contains(" "), "notes" where !argument.contains(" "):
            return LineCompletion(replacing: argument.count, candidates: ["on", "off"].filter { $0.hasPrefix(argument) })
        default:
            return .none
        }
    }

    private func name(_ before: String) -> LineCompletion {
        let chars = Array(before)
        var starts: [Int] = []
        for i in chars.indices where !chars[i].isWhitespace && (i == 0 || chars[i - 1].isWhitespace) { starts.append(i) }
        for start in starts.suffix(4) {
            let fragment = String(chars[start...])
            let folded = Fold.text(fragment)
            let found = foldedNames.filter { $0.folded.hasPrefix(folded) }.map(\.name)
            if !found.isEmpty { return LineCompletion(replacing: chars.count - start, candidates: found) }
        }
        return .none
    }

    /// Directory entries that complete `partial` (a path as typed; `~/` is the home
    /// directory): `partial`'s directory part followed by each entry whose name begins with
    /// the rest, directories with a `/` after them, sorted. Hidden entries only when the typed
    /// name begins with `.`. An unreadable directory gives none.
    static func paths(beginning partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directoryPart = slash.map { String(partial[...$0]) } ?? ""
        let base = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var directory = directoryPart.isEmpty ? "." : directoryPart
        if directory.hasPrefix("~/") { directory = NSHomeDirectory() + directory.dropFirst() }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { $0.hasPrefix(base) && (base.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { entry in
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(entry)
            let suffix = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && isDirectory.boolValue ? "/" : ""
            return directoryPart + entry + suffix
        }
    }

    /// One spelling from two that fold alike: letter by letter, the one with diacritics,
    /// capitalised when either is. When their lengths differ, the one with more diacritics
    /// (then capitals) wins whole.
    static func merge(_ a: String, _ b: String) -> String {
        let x = Array(a), y = Array(b)
        guard x.count == y.count else {
            func weight(_ s: String) -> Int { s.unicodeScalars.filter { $0.value >= 0x80 }.count * 100 + s.filter(\.isUppercase).count }
            return weight(b) > weight(a) ? b : a
        }
        return String(zip(x, y).map { p, q -> String in
            let letter = p.unicodeScalars.contains { $0.value >= 0x80 } ? p : (q.unicodeScalars.contains { $0.value >= 0x80 } ? q : p)
            return p.isUppercase || q.isUppercase ? letter.uppercased() : String(letter)
        }.joined())
    }
}
