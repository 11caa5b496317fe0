/// Splitting text into lines on bytes: pack files are read line by line at every start-up, and
/// splitting a `String` by `Character` (grapheme clusters) cost a tenth of the start-up.
enum Lines {
    /// The lines of `text`, split at `\n`, `\r\n` and `\r` (the same lines as a split by
    /// `Character`, since a line break is always a grapheme cluster of its own); a text ending
    /// in a break ends with an empty line; `""` gives `[""]`. O(n) in the bytes.
    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { buf in
            var out: [String] = []
            var start = 0, i = 0
            while i < buf.count {
                let b = buf[i]
                if b == 10 || b == 13 {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self))
                    if b == 13, i + 1 < buf.count, buf[i + 1] == 10 { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<buf.count]), as: UTF8.self))
            return out
        }
    }

    /// The words of a word list (one per line, `#` starting a comment line), with spaces, tabs
    /// and carriage returns removed, as given to `body`. Splits at `\n` only. O(n) in the bytes.
    static func eachListedWord(_ text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { buf in
            var start = 0
            for i in 0...buf.count where i == buf.count || buf[i] == 10 {
                defer { start = i + 1 }
                guard i > start, buf[start] != 35 else { continue }
                let kept = buf[start..<i].filter { $0 != 32 && $0 != 13 && $0 != 9 }
                body(String(decoding: kept, as: UTF8.self))
            }
        }
    }
}
