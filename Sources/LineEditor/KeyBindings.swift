/// The terminal key sequences ``EditLineReader`` binds on top of libedit's emacs map, so that
/// keys a terminal sends as escape sequences never leave stray text (`a~b`, `a5Db`) in the line.
///
/// Each entry is `(sequence, command)`: the bytes an xterm-compatible terminal sends, and a
/// libedit command name (`ed-prev-word`, …) or ``ignore`` for a key that should do nothing.
public enum KeyBindings {
    /// The editor command that does nothing (added by ``EditLineReader`` with `EL_ADDFN`;
    /// libedit's `ed-unassigned` would ring the bell).
    public static let ignore = "mondo-ignore"

    /// Word motion, Home/End, Delete and Ctrl-Delete, then every other common key sequence
    /// (Insert, PgUp/PgDn, F1–F12, modified arrows and keys, bracketed-paste markers, focus
    /// reports) bound to ``ignore``. Later entries never repeat an earlier sequence.
    public static let all: [(sequence: String, command: String)] = {
        let esc = "\u{1B}"
        var list: [(String, String)] = [
            // Ctrl-Left/Right, Alt-Left/Right (xterm and rxvt forms), ESC ESC [D (Alt-arrow in some terminals).
            ("\(esc)[1;5D", "ed-prev-word"), ("\(esc)[1;5C", "em-next-word"),
            ("\(esc)[1;3D", "ed-prev-word"), ("\(esc)[1;3C", "em-next-word"),
            ("\(esc)[5D", "ed-prev-word"), ("\(esc)[5C", "em-next-word"),
            ("\(esc)Od", "ed-prev-word"), ("\(esc)Oc", "em-next-word"),
            ("\(esc)\(esc)[D", "ed-prev-word"), ("\(esc)\(esc)[C", "em-next-word"),
            // Home and End in their common forms.
            ("\(esc)[H", "ed-move-to-beg"), ("\(esc)[F", "ed-move-to-end"),
            ("\(esc)OH", "ed-move-to-beg"), ("\(esc)OF", "ed-move-to-end"),
            ("\(esc)[1~", "ed-move-to-beg"), ("\(esc)[4~", "ed-move-to-end"),
            ("\(esc)[7~", "ed-move-to-beg"), ("\(esc)[8~", "ed-move-to-end"),
            // Delete, Ctrl-Delete and Alt-Delete.
            ("\(esc)[3~", "ed-delete-next-char"),
            ("\(esc)[3;5~", "em-delete-next-word"), ("\(esc)[3;3~", "em-delete-next-word"),
        ]
        var seen = Set(list.map(\.0))
        func ignore(_ s: String) {
            if seen.insert(s).inserted { list.append((s, Self.ignore)) }
        }
        // Insert, Delete, PgUp, PgDn, Home/End (rxvt), F1–F12 as ESC [ n ~, plain and with modifiers 2–8.
        let tilde = [2, 3, 5, 6, 1, 4, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34]
        for n in tilde {
            ignore("\(esc)[\(n)~")
            for m in 2...8 { ignore("\(esc)[\(n);\(m)~") }
        }
        // Arrows, Home/End and F1–F4 with modifiers (Shift-Up is ESC [1;2A), and F1–F4 unmodified.
        for key in ["A", "B", "C", "D", "H", "F", "P", "Q", "R", "S"] {
            for m in 2...8 { ignore("\(esc)[1;\(m)\(key)") }
        }
        for key in ["P", "Q", "R", "S"] { ignore("\(esc)O\(key)") }
        // Shift-Tab, bracketed-paste markers, focus in/out reports.
        for s in ["[Z", "[200~", "[201~", "[I", "[O"] { ignore(esc + s) }
        return list
    }()
}
