import MondoCore

/// The "understood as" note shown after an answer at a terminal, when the spelling corrector
/// changed a word of the question: `(read “mnay” as “many”; “japanse” as “japanese”)`.
///
/// Shown: every correction of a content word, and of a word that decides what kind of answer is
/// asked for (the language data's question words and number phrases: "wich" → "which", "mnay"
/// → "many"); two words written together and split ("newyork" → "new york") count too. Not
/// shown: corrections to other function words ("teh" → "the"), which change nothing a reader
/// cares about. Folded diacritics are never noted: a question typed without them ("Ha Noi")
/// matches the pack's spelling ("Hà Nội") by design, and the answer shows that spelling anyway.
public enum UnderstoodAs {
    /// The corrections worth a note, in question order, each pair once.
    public static func corrections(_ r: Response, language: LanguageData) -> [(from: String, to: String)] {
        let asking = Set(language.questionWords.values.flatMap { $0.flatMap(\.words) } + language.numberPhrases.flatMap { $0 })
        var seen = Set<String>()
        return r.explanation.analysis.corrections.filter { c in
            guard Fold.text(c.from) != Fold.text(c.to) else { return false }
            if language.functionWords.contains(c.to), !asking.contains(c.to) { return false }
            return seen.insert(c.from + "\u{0}" + c.to).inserted
        }
    }

    /// The note for `r`, or nil when no correction is worth one.
    public static func note(_ r: Response, language: LanguageData) -> String? {
        let shown = corrections(r, language: language)
        guard !shown.isEmpty else { return nil }
        return "(read " + shown.map { "“\($0.from)” as “\($0.to)”" }.joined(separator: "; ") + ")"
    }
}
