/// When text output is coloured (`--color`).
public enum ColorMode: String, Sendable, CaseIterable {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty (no-color.org).
    case auto
    /// Always colour (even into a pipe), unless `NO_COLOR` is set and not empty.
    case always
    /// Never colour.
    case never

    /// Whether to colour, for output that `isTerminal` or not, in `environment`. A non-empty
    /// `NO_COLOR` turns colour off in every mode.
    public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        switch self {
        case .auto: return isTerminal
        case .always: return true
        case .never: return false
        }
    }
}

/// How a piece of text is shown. Only our own code adds the escape sequences, around text whose
/// control characters have already been made visible (``VisibleControls``).
public enum TextStyle: Sendable {
    /// As it is.
    case plain
    /// Secondary text (suggestions after a decline, notes, "understood as"): dim (SGR 2).
    case secondary

    /// The SGR sequence that starts the style, and the one that ends it ("" for plain).
    var sgr: (on: String, off: String) {
        switch self {
        case .plain: return ("", "")
        case .secondary: return ("\u{1B}[2m", "\u{1B}[22m")
        }
    }
}

/// How answers are laid out when standard output is a terminal (``Shell/terminal``); nil in the
/// shell means a pipe or file, where answers are written exactly as the engine gives them.
public struct TerminalLayout: Sendable {
    /// The terminal's width in columns, asked again before each answer (so that a resized window
    /// is honoured); nil when unknown (no wrapping then).
    public var width: @Sendable () -> Int?
    /// Colour secondary text (see ``ColorMode``).
    public var color: Bool
    /// Creates a layout.
    public init(width: @escaping @Sendable () -> Int?, color: Bool) {
        self.width = width
        self.color = color
    }
}
