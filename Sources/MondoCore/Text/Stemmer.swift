/// A light English stemmer: irregular forms from a table, then plural, past and -ing endings,
/// then a final silent "e". Questions and pack terms go through the same function, so only
/// consistency matters: `visits`, `visited`, `visiting` → `visit`; `went` → `go`;
/// `make`, `making`, `made` → `mak`. Words with digits and words under 4 letters are left alone.
public enum Stemmer {
    static let irregular: [String: String] = [
        "went": "go", "gone": "go", "goes": "go", "came": "come", "grew": "grow", "grown": "grow",
        "began": "begin", "begun": "begin", "built": "build", "took": "take", "taken": "take",
        "met": "meet", "saw": "see", "seen": "see", "gave": "give", "given": "give", "held": "hold",
        "made": "make", "got": "get", "gotten": "get", "did": "do", "does": "do", "done": "do",
        "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be", "being": "be",
        "has": "have", "had": "have", "having": "have", "children": "child", "men": "man",
        "women": "woman", "spent": "spend", "sent": "send", "brought": "bring", "thought": "think",
        "led": "lead", "won": "win", "felt": "feel", "left": "leave", "ran": "run", "drew": "draw",
        "drawn": "draw", "chose": "choose", "chosen": "choose", "rose": "rise", "risen": "rise",
        "paid": "pay", "said": "say", "says": "say", "told": "tell", "taught": "teach", "became": "become",
        "bought": "buy", "stood": "stand", "struck": "strike", "sang": "sing", "sung": "sing",
        "found": "find", "knew": "know", "known": "know", "wrote": "write", "written": "write",
        "heard": "hear", "kept": "keep", "lost": "lose", "meant": "mean", "put": "put", "set": "set",
        "hit": "hit", "cost": "cost", "broke": "break", "broken": "break",
        "flew": "fly", "flown": "fly", "fell": "fall", "fallen": "fall", "shown": "show",
        "showed": "show", "studies": "study", "studied": "study", "studying": "study",
        "universities": "university", "countries": "country", "companies": "company",
        "lives": "life", "better": "good", "best": "good", "biggest": "big", "bigger": "big",
        "largest": "large", "larger": "large", "highest": "high", "higher": "high",
        "name": "name", "names": "name", "named": "name", "naming": "name", "going": "go", "doing": "do", "lying": "lie", "dying": "die", "data": "data", "media": "media", "news": "news", "series": "series", "anime": "anime",
    ]
    static let keepS: Set<String> = [
        "this", "his", "its", "thus", "plus", "bus", "gas", "yes", "us", "always", "perhaps",
        "whereas", "lens", "basis", "crisis", "analysis", "emphasis", "species", "focus", "status",
        "campus", "bonus", "census", "virus", "chaos", "politics", "economics", "physics", "mathematics",
        "nagoya", "kansai", "osaka", "tokyo", "paris", "bonds", "relations", "sapa",
    ]

    /// The stem of one folded, lowercase word.
    public static func stem(_ word: String) -> String {
        if let s = irregular[word] { return s == word ? s : rules(s) }
        return rules(word)
    }

    /// The suffix rules alone (irregular forms map to a base word, which then goes through these).
    static func rules(_ word: String) -> String {
        var w = Array(word.utf8)
        if w.count < 4 || w.contains(where: { ($0 >= 48 && $0 <= 57) || $0 >= 0x80 }) { return word }
        func ends(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard w.count > n + 1 else { return false }
            return s.withUTF8Buffer { buf in w.suffix(n).elementsEqual(buf) }
        }
        if !keepS.contains(word) {
            if ends("ies") { w.removeLast(3); w.append(UInt8(ascii: "y")) }
            else if ends("sses") { w.removeLast(2) }
            else if ends("ches") || ends("shes") || ends("xes") || ends("zes") { w.removeLast(2) }
            else if ends("s") && !ends("ss") && !ends("us") && !ends("is") { w.removeLast() }
        }
        if ends("ied") { w.removeLast(3); w.append(UInt8(ascii: "y")) }
        else if ends("eed") { /* agreed, proceed: keep */ }
        else if ends("ed"), w.count > 4 { w.removeLast(2); undouble(&w) }
        else if ends("ing"), w.count > 5 { w.removeLast(3); undouble(&w) }
        if w.count > 3, w.last == UInt8(ascii: "e") { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 3, let last = w.last, last == w[w.count - 2] else { return }
        if !Array("aeiousz".utf8).contains(last) { w.removeLast() }  // planned → plan, travelled → travel
    }
}
