import Yams

extension PackLoader {
    /// Reads an on/off setting: `on`, `off`, `true`, `false`, `yes` or `no` (any case).
    /// - Returns: the value, or nil when the key is absent or its value is not one of those
    ///   (then an error is reported at the value).
    mutating func onOff(_ node: Node?, _ doc: YAMLDocument, _ what: String) -> Bool? {
        guard let s = string(node, doc, what) else { return nil }
        switch s.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default:
            diagnostics.append(doc.diag(.error, "\(what) must be on or off, not '\(s)'", at: node))
            return nil
        }
    }
}
