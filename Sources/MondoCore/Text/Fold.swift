import Foundation

/// Text folding shared by questions, pack terms and the grader-facing answer checks.
public enum Fold {
    /// Folds text for matching: Unicode NFKC, lowercase, diacritics removed (Crème Brûlée → creme brulee,
    /// đ → d), typographic quotes and dashes made plain. O(n) in the length of `text`.
    public static func text(_ text: String) -> String {
        // Fast path: plain ASCII needs only lowercasing (most pack text and most questions).
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            var bytes = Array(text.utf8)
            for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let nfkc = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for s in nfkc.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.value {
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
                continue  // combining marks
            case 0x0111, 0x0110: out.append("d")  // đ Đ
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x0060, 0x00B4: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x2033: out.append("\"")
            case 0x2010...0x2015, 0x2212: out.append("-")
            case 0x301C, 0xFF5E: out.append("~")
            default: out.append(s)
            }
        }
        return String(out)
    }
}
