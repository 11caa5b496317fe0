/// A progress line for long authoring runs (`mondo robustness`, `mondo test`, `mondo coverage`)
/// at a terminal: one line, `LABEL 120/400 …`, rewritten in place with a carriage return and
/// cleared when done, so that nothing of it stays on the screen.
///
/// Make one only when standard error is a terminal (``ProgressLine/init(sink:minimumInterval:)``
/// takes the sink; `main.swift` passes none when standard error is not a terminal): a pipe or a
/// file never gets progress. The text is the program's own (no pack text), written unfiltered
/// so that the carriage return and the erase-line sequence (`ESC [K`) reach the terminal.
public final class ProgressLine {
    let sink: OutputSink
    let minimumInterval: Duration
    let clock = ContinuousClock()
    var lastDrawn: ContinuousClock.Instant?
    /// Whether a line is on the screen now.
    public private(set) var isShown = false

    /// A progress line written to `sink`, redrawn at most once per `minimumInterval` (the first
    /// and the last update are always drawn).
    public init(sink: OutputSink, minimumInterval: Duration = .milliseconds(100)) {
        self.sink = sink
        self.minimumInterval = minimumInterval
    }

    /// Shows `LABEL DONE/TOTAL …` in place of the line shown before. Errors writing are ignored:
    /// progress is never worth stopping for.
    public func update(_ label: String, done: Int, of total: Int) {
        let now = clock.now
        if let last = lastDrawn, now - last < minimumInterval, done < total { return }
        lastDrawn = now
        try? sink.write("\r\u{1B}[K\(label) \(done)/\(total) …")
        isShown = true
    }

    /// Removes the line (before other output is written, and when done). Nothing is written
    /// when no line is shown.
    public func clear() {
        guard isShown else { return }
        try? sink.write("\r\u{1B}[K")
        isShown = false
        lastDrawn = nil
    }
}
