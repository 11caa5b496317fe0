/// The stemmer: a language's irregular forms first (`went` → go, `children` → child), then the
/// Snowball English stemmer of libstemmer (`visits`, `visited`, `visiting` → visit; `notes`,
/// `noted` → note). Questions and pack terms go through the same function, so only consistency
/// matters. Words with digits are left as they are.
public struct Stemmer: Sendable {
    /// Irregular form → base word (from the language data's `irregular_forms`).
    public let irregularForms: [String: String]

    /// A stemmer with the given irregular forms.
    public init(irregularForms: [String: String]) {
        self.irregularForms = irregularForms
    }

    /// The stem of one folded, lowercase word. Thread-safe; O(length of the word) the first time
    /// a word is seen, a hash look-up after (see ``SnowballStemmer``).
    public func stem(_ word: String) -> String {
        if word.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) { return word }
        return SnowballStemmer.english.stem(irregularForms[word] ?? word)
    }

    /// The stem of one folded, lowercase word with the default English data
    /// (``LanguageData/english``). Thread-safe.
    public static func stem(_ word: String) -> String {
        LanguageData.english.stemmer.stem(word)
    }
}
