import Foundation
import Yams

/// One YAML file being read, with the findings made about it so far.
struct YAMLDocument {
    let path: String
    let lines: [String]
    let root: Node?
    /// The Unicode scalars of lines too long to show whole, made once per line, so that many
    /// errors on one long line cost a window each, not a walk along the line each.
    let longLines = LongLines()

    /// Scalars of long lines, by line index.
    final class LongLines {
        var scalars: [Int: [Unicode.Scalar]] = [:]
    }

    /// Parses `text`; a syntax error becomes a diagnostic and `root` is nil.
    init(path: String, text: String, diagnostics: inout [Diagnostic]) {
        self.path = path
        self.lines = Lines.split(text)
        do {
            // Plain string scalars: the loader reads numbers and dates itself, and skipping the
            // implicit-tag regular expressions halves the parsing time.
            root = try Yams.compose(yaml: text, .basic)
        } catch let e as YamlError {
            root = nil
            let (mark, problem): ((Int, Int)?, String) = {
                switch e {
                case let .scanner(ctx, problem, mark, _): return ((mark.line, mark.column), problem + (ctx.map { " (\($0.text))" } ?? ""))
                case let .parser(ctx, problem, mark, _): return ((mark.line, mark.column), problem + (ctx.map { " (\($0.text))" } ?? ""))
                case let .composer(ctx, problem, mark, _): return ((mark.line, mark.column), problem + (ctx.map { " (\($0.text))" } ?? ""))
                case let .duplicatedKeysInMapping(dups, ctx):
                    return ((ctx.mark.line, ctx.mark.column), "duplicate key\(dups.count == 1 ? "" : "s") \(dups.map { "'\($0)'" }.joined(separator: ", "))")
                case let .reader(problem, offset, _, _):
                    return (offset.flatMap { Self.mark(ofOffset: $0, in: text) }, problem)
                default: return (nil, "\(e)")
                }
            }()
            diagnostics.append(Self.diag(.error, "invalid YAML: \(problem)", path: path, mark: mark, lines: lines))
        } catch {
            root = nil
            diagnostics.append(Diagnostic(.error, "cannot read YAML: \(error)", at: SourceLocation(path: path, line: 1, column: 1)))
        }
    }

    static func mark(ofOffset offset: Int, in text: String) -> (Int, Int)? {
        var line = 1, col = 1, n = 0
        for b in text.utf8 {
            if n == offset { break }
            if b == 10 { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
            n += 1
        }
        return (line, col)
    }

    static func diag(_ sev: Diagnostic.Severity, _ msg: String, path: String, mark: (line: Int, column: Int)?, lines: [String]) -> Diagnostic {
        guard let mark else { return Diagnostic(sev, msg, at: SourceLocation(path: path, line: 1, column: 1), sourceLine: lines.first) }
        let line = mark.line
        return Diagnostic(sev, msg, at: SourceLocation(path: path, line: line, column: mark.column),
                          sourceLine: line >= 1 && line <= lines.count ? lines[line - 1] : nil)
    }

    /// The location of a node in this file (line 1 column 1 when unknown).
    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    /// A diagnostic pointing at `node`.
    func diag(_ sev: Diagnostic.Severity, _ msg: String, at node: Node?) -> Diagnostic {
        diag(sev, msg, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    /// A diagnostic at `line`:`column` of this file, with the line (a window of a long line).
    func diag(_ sev: Diagnostic.Severity, _ msg: String, line: Int, column: Int) -> Diagnostic {
        let at = SourceLocation(path: path, line: line, column: column)
        guard line >= 1 && line <= lines.count else { return Diagnostic(sev, msg, at: at) }
        let text = lines[line - 1]
        guard text.utf8.count > Diagnostic.excerptLimit else { return Diagnostic(sev, msg, at: at, sourceLine: text) }
        let scalars: [Unicode.Scalar]
        if let known = longLines.scalars[line] { scalars = known } else {
            scalars = Array(text.unicodeScalars)
            longLines.scalars[line] = scalars
        }
        return Diagnostic(sev, msg, at: at, excerpt: Diagnostic.excerpt(scalars, column: column))
    }
}

/// A mapping node's entries in file order, with their key nodes (for positions).
struct MappingEntries: Sequence {
    let pairs: [(key: String, keyNode: Node, value: Node)]
    init(_ node: Node) {
        guard case .mapping(let m) = node else { pairs = []; return }
        pairs = m.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }
    func makeIterator() -> IndexingIterator<[(key: String, keyNode: Node, value: Node)]> { pairs.makeIterator() }
    subscript(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }
}

extension Node {
    var isMapping: Bool { if case .mapping = self { return true } else { return false } }
    var isSequence: Bool { if case .sequence = self { return true } else { return false } }
    var isScalar: Bool { if case .scalar = self { return true } else { return false } }
    var sequenceItems: [Node] { if case .sequence(let s) = self { return Array(s) } else { return [] } }
    /// The scalar text, for scalars of any tag (numbers included).
    var scalarText: String? { if case .scalar(let s) = self { return s.string } else { return nil } }
}
