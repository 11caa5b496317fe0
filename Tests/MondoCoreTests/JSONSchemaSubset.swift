import Foundation
import Yams

/// A JSON value read from YAML as an editor's YAML language server reads it (YAML 1.2 core
/// schema: plain `true`/`false` are booleans, plain numbers are numbers, `~`/`null` is null,
/// everything else — `on`, `no`, `2024-05-17` — is a string).
indirect enum SchemaValue: Equatable {
    case null, bool(Bool), number(Double), string(String), array([SchemaValue]), object([(String, SchemaValue)])

    static func == (a: SchemaValue, b: SchemaValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Reads YAML text (or JSON, which YAML 1.2 includes: quoted strings stay strings).
    static func yaml(_ text: String) throws -> SchemaValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return from(node)
    }

    static func from(_ node: Node) -> SchemaValue {
        switch node {
        case .scalar(let s):
            guard s.style == .plain else { return .string(s.string) }
            let t = s.string
            if ["true", "True", "TRUE"].contains(t) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(t) { return .bool(false) }
            if ["", "~", "null", "Null", "NULL"].contains(t) { return .null }
            if t.range(of: #"^[-+]?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil, let d = Double(t) { return .number(d) }
            return .string(t)
        case .sequence(let seq): return .array(seq.map { from($0) })
        case .mapping(let m): return .object(m.map { (($0.key.string ?? ""), from($0.value)) })
        case .alias: return .null
        }
    }

    subscript(key: String) -> SchemaValue? {
        if case .object(let o) = self { return o.first { $0.0 == key }?.1 }
        return nil
    }
    var keys: [String] { if case .object(let o) = self { return o.map(\.0) } else { return [] } }
    var strings: [String] {
        if case .array(let a) = self { return a.compactMap { if case .string(let s) = $0 { return s } else { return nil } } }
        return []
    }
}

/// The part of JSON Schema (draft-07) that Docs/schema/*.json uses: `type`, `enum`, `const`,
/// `properties`, `required`, `additionalProperties`, `items`, `anyOf`, `allOf`, `if`/`then`,
/// `propertyNames`, `pattern`, `minimum`, `maximum` and local `$ref`s (`#/definitions/NAME`).
/// A keyword it does not know makes validation fail, so the schemas cannot outgrow it silently.
struct SchemaValidator {
    let root: SchemaValue
    static let known: Set<String> = ["$schema", "title", "description", "type", "enum", "const", "properties", "required",
                                     "additionalProperties", "items", "anyOf", "allOf", "if", "then", "propertyNames",
                                     "pattern", "minimum", "maximum", "$ref", "definitions"]

    /// The errors of `value` against the root schema, each `PATH: message`.
    func errors(_ value: SchemaValue) -> [String] { errors(value, root, "$") }

    func errors(_ value: SchemaValue, _ schema: SchemaValue, _ path: String) -> [String] {
        var out: [String] = []
        for k in schema.keys where !Self.known.contains(k) { out.append("\(path): schema keyword '\(k)' is not supported") }
        if case .string(let ref)? = schema["$ref"] {
            let name = String(ref.dropFirst("#/definitions/".count))
            guard ref.hasPrefix("#/definitions/"), let target = root["definitions"]?[name] else { return ["\(path): bad $ref \(ref)"] }
            return out + errors(value, target, path)
        }
        if let type = schema["type"] {
            let types: [String] = { if case .string(let t) = type { return [t] } else { return type.strings } }()
            if !types.contains(where: { Self.matches(value, $0) }) { return out + ["\(path): not of type \(types.joined(separator: "/"))"] }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) { out.append("\(path): \(value) is not one of the allowed values") }
        if let c = schema["const"], c != value { out.append("\(path): not the constant") }
        if case .string(let p)? = schema["pattern"], case .string(let s) = value, s.range(of: p, options: .regularExpression) == nil {
            out.append("\(path): '\(s)' does not match \(p)")
        }
        if case .number(let lo)? = schema["minimum"], case .number(let n) = value, n < lo { out.append("\(path): below \(lo)") }
        if case .number(let hi)? = schema["maximum"], case .number(let n) = value, n > hi { out.append("\(path): above \(hi)") }
        if case .object(let fields) = value {
            for r in schema["required"]?.strings ?? [] where value[r] == nil { out.append("\(path): '\(r)' is required") }
            let properties = schema["properties"]
            for (k, v) in fields {
                if let p = properties?[k] { out += errors(v, p, "\(path).\(k)") }
                else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) { out.append("\(path): unknown key '\(k)'") }
                    else if extra != .bool(true) { out += errors(v, extra, "\(path).\(k)") }
                }
                if let names = schema["propertyNames"] { out += errors(.string(k), names, "\(path) key '\(k)'") }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { out += errors(item, itemSchema, "\(path)[\(i)]") }
        }
        if case .array(let all)? = schema["allOf"] { for s in all { out += errors(value, s, path) } }
        if case .array(let any)? = schema["anyOf"], !any.contains(where: { errors(value, $0, path).isEmpty }) {
            out.append("\(path): matches none of the alternatives")
        }
        if let condition = schema["if"], errors(value, condition, path).isEmpty, let then = schema["then"] {
            out += errors(value, then, path)
        }
        return out
    }

    static func matches(_ v: SchemaValue, _ type: String) -> Bool {
        switch (v, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"), (.number, "number"): return true
        case (.number(let n), "integer"): return n == n.rounded()
        default: return false
        }
    }
}
