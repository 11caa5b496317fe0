/// A JSON value with ordered object keys, for output whose field order is part of the contract.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized == b.serialized }

    /// Compact serialisation on one line, keys in the given order, non-ASCII kept as UTF-8.
    public var serialized: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(format: "%.4f", d).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a): return "[" + a.map(\.serialized).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.map { Self.quote($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal. Control characters (C0, DEL, C1), the line and paragraph separators
    /// and the bidirectional overrides are written as `\\uXXXX` escapes, so JSON output never
    /// carries a raw control sequence.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 || VisibleText.needsShowing(u) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

import Foundation
