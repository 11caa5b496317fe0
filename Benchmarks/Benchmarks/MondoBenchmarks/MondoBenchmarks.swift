// Mondo's benchmarks (ordo-one/package-benchmark). Run with `Benchmarks/run`; see Docs/performance.md.
//
//   Startup/…   Pack.load of the shipped pack, Engine(pack:) (index compile), and both together.
//   Answer/…    Engine.respond for each of ~30 fixed questions, one benchmark per question, so the
//               report gives per-question latency percentiles.
//   Scaling/…   Synthetic packs with 1×, 2×, 4×, 8× the shipped topics (see SyntheticPack.swift):
//               load+compile, and respond over the same question mix, for each size.

import Benchmark
import Foundation
import MondoCore

// MARK: - Fixtures

/// The shipped pack: `$MONDO_PACK`, or `Intents/` at the repository root (found from this file).
let shippedPackDirectory: String = {
    if let env = ProcessInfo.processInfo.environment["MONDO_PACK"], !env.isEmpty { return env }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }  // MondoBenchmarks, Benchmarks, Benchmarks, <root>
    return url.appendingPathComponent("Intents").path
}()

func loadPack(_ directory: String) -> Pack {
    do { return try Pack.load(from: directory) } catch {
        fatalError("cannot load the pack in \(directory):\n\(error.diagnostics.map(\.description).joined(separator: "\n"))")
    }
}

/// One compiled engine over the shipped pack, shared by the answering benchmarks (built once per process).
let shippedEngine = Engine(pack: loadPack(shippedPackDirectory))

/// A benchmarked question. `after` is asked first (outside the measurement) to set up the
/// dialogue context for a follow-up.
struct Question: Sendable {
    var kind: String
    var text: String
    var after: String? = nil
}

/// A fixed, varied list: direct, paraphrase, typo, casual, follow-up, computed and declined questions.
let questions: [Question] = [
    Question(kind: "direct", text: "How many Japanese people visited Vietnam last year?"),
    Question(kind: "direct", text: "What date did Ito Naoki become ambassador?"),
    Question(kind: "direct", text: "Who is Le Thanh Long?"),
    Question(kind: "direct", text: "How many world heritage sites are there in Vietnam?"),
    Question(kind: "direct", text: "What growth target did Pham Minh Chinh set for 2025?"),
    Question(kind: "direct", text: "How many Japanese visitors went to Việt Nam in 2024?"),
    Question(kind: "paraphrase", text: "What is the tally of Japanese enterprises active in Viet Nam at present?"),
    Question(kind: "paraphrase", text: "In the league table of investors in Vietnam, what place does Japan occupy?"),
    Question(kind: "paraphrase", text: "What sum has Japanese capital in Vietnam accumulated to?"),
    Question(kind: "paraphrase", text: "How large has the community of Vietnamese nationals residing in Japan become?"),
    Question(kind: "typo", text: "how many japanse companys operate in vietnm?"),
    Question(kind: "typo", text: "vietnams gdp grwoth in the frist half of 2025?"),
    Question(kind: "typo", text: "how many pasengers did the metro carry?"),
    Question(kind: "typo", text: "wich songs were sung at the parrade?"),
    Question(kind: "casual", text: "japan investor rank in vn?"),
    Question(kind: "casual", text: "metro line 1 riders"),
    Question(kind: "casual", text: "azec projects how many"),
    Question(kind: "casual", text: "tokyo viet festival how many ppl"),
    Question(kind: "follow-up", text: "and the other way round?", after: "How many Japanese people visited Vietnam last year?"),
    Question(kind: "follow-up", text: "what about by 2030?", after: "How many Vietnamese people visited Japan in 2024?"),
    Question(kind: "follow-up", text: "where did he study?", after: "Who is Le Thanh Long?"),
    Question(kind: "follow-up", text: "when will he be in Japan?", after: "where did Le Thanh Long study?"),
    Question(kind: "computed", text: "How many trips were there in both directions combined in 2024?"),
    Question(kind: "computed", text: "How many more Japanese visitors would Vietnam need to reach the million goal?"),
    Question(kind: "computed", text: "How far is the first-half figure from the bottom of the target range?"),
    Question(kind: "decline", text: "How many Korean companies operate in Vietnam?"),
    Question(kind: "decline", text: "What was Vietnam's GDP growth in 2019?"),
    Question(kind: "decline", text: "What is the weather like in Hanoi today?"),
    Question(kind: "decline", text: "Who is the President of the United States?"),
    Question(kind: "decline", text: "zxqv blorp frobnicate"),
]

/// The dialogue context in which `q` is asked: empty, or after its `after` question.
func context(for q: Question, engine: Engine) -> DialogueContext {
    var ctx = DialogueContext()
    if let first = q.after { _ = engine.respond(to: first, context: &ctx) }
    return ctx
}

/// Cycles through the question list, one question per iteration.
final class Cursor: @unchecked Sendable {
    let engine: Engine
    let items: [(Question, DialogueContext)]
    var next = 0
    init(engine: Engine) {
        self.engine = engine
        items = questions.map { ($0, context(for: $0, engine: engine)) }
    }
}

// MARK: - Benchmarks

/// `MONDO_BENCH_VERIFY=1 .build/release/MondoBenchmarks`: prints how each question is answered by
/// the shipped pack and by each synthetic pack (same intent expected), with a rough time, then
/// exits. `MONDO_BENCH_VERIFY=8` does only the 8× pack (handy under `perf record`).
func verify(only: Int?) {
    for copies in SyntheticPack.sizes where only == nil || only == copies {
        let dir = try! SyntheticPack.directory(copies: copies, from: shippedPackDirectory)
        let engine = Engine(pack: loadPack(dir))
        print("x\(copies): \(engine.pack.intents.count) intents, \(engine.pack.facts.count) facts, \(engine.pack.concepts.count) concepts")
        for q in questions {
            let start = context(for: q, engine: engine)
            var ctx = start
            let r = engine.respond(to: q.text, context: &ctx)
            // A rough median over 21 runs, to spot outliers (the benchmarks give the real numbers).
            let clock = ContinuousClock()
            let times = (0..<21).map { _ in clock.measure { var c = start; blackHole(engine.respond(to: q.text, context: &c)) } }.sorted()
            let us = Double(times[10].components.attoseconds) / 1e12 + Double(times[10].components.seconds) * 1e6
            print("  \(q.kind.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%8.0f µs", us))  \(r.intent ?? "declined: \(r.reason?.rawValue ?? "?")")  ← \(q.text)")
        }
    }
    exit(0)
}

let benchmarks: @Sendable () -> Void = {
    // `MONDO_BENCH_STARTUP=20 perf record -g .build/release/MondoBenchmarks`: 20 × load + compile, then exit.
    if let n = ProcessInfo.processInfo.environment["MONDO_BENCH_STARTUP"].flatMap(Int.init) {
        for _ in 0..<n { blackHole(Engine(pack: loadPack(shippedPackDirectory))) }
        exit(0)
    }
    if let v = ProcessInfo.processInfo.environment["MONDO_BENCH_VERIFY"] { verify(only: Int(v).flatMap { $0 > 1 ? $0 : nil }) }
    let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal]
    Benchmark.defaultConfiguration = .init(
        metrics: metrics, timeUnits: .automatic, warmupIterations: 3,
        maxDuration: .seconds(2), maxIterations: 5_000)
    let startup = Benchmark.Configuration(
        metrics: metrics + [.peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 2,
        maxDuration: .seconds(5), maxIterations: 200)
    let answer = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds, warmupIterations: 20,
        maxDuration: .seconds(1), maxIterations: 3_000)

    // ---- Start-up -------------------------------------------------------------------------
    Benchmark("Startup/Pack.load", configuration: startup) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(loadPack(shippedPackDirectory)) }
    }
    Benchmark("Startup/Engine(pack:) compile", configuration: startup) { benchmark, pack in
        for _ in benchmark.scaledIterations { blackHole(Engine(pack: pack)) }
    } setup: {
        loadPack(shippedPackDirectory)
    }
    Benchmark("Startup/load + compile", configuration: startup) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Engine(pack: loadPack(shippedPackDirectory))) }
    }
    // What `mondo` does at start-up once the cache holds the pack: hash the pack files, map the
    // cache file, read the compiled pack back.
    Benchmark("Startup/cached load (compiled pack cache)", configuration: startup) { benchmark, cache in
        for _ in benchmark.scaledIterations { blackHole(cachedEngine(cache, shippedPackDirectory)) }
    } setup: {
        warmedCache(shippedPackDirectory)
    }

    // ---- Answering: one benchmark per question ----------------------------------------------
    for (n, q) in questions.enumerated() {
        let name = String(format: "Answer/%02d %@: %@", n + 1, q.kind, q.text)
        Benchmark(name, configuration: answer) { benchmark, start in
            let engine = shippedEngine
            for _ in benchmark.scaledIterations {
                var ctx = start
                blackHole(engine.respond(to: q.text, context: &ctx))
            }
        } setup: {
            context(for: q, engine: shippedEngine)
        }
    }
    // The whole list once per iteration, to compare with the scaling rows below.
    Benchmark("Answer/all \(questions.count) questions (one pass)", configuration: startup) { benchmark, cursor in
        for _ in benchmark.scaledIterations {
            for (q, start) in cursor.items {
                var ctx = start
                blackHole(cursor.engine.respond(to: q.text, context: &ctx))
            }
        }
    } setup: {
        Cursor(engine: shippedEngine)
    }

    // ---- Scaling with the number of intents --------------------------------------------------
    for copies in SyntheticPack.sizes {
        Benchmark("Scaling/x\(copies) load + compile", configuration: startup) { benchmark, dir in
            for _ in benchmark.scaledIterations { blackHole(Engine(pack: loadPack(dir))) }
        } setup: {
            try SyntheticPack.directory(copies: copies, from: shippedPackDirectory)
        }
        // One question per iteration, cycling through the list: the percentiles are over the mix.
        Benchmark("Scaling/x\(copies) respond (question mix)", configuration: answer) { (benchmark: Benchmark, cursor: Cursor) in
            for _ in benchmark.scaledIterations {
                let (q, start) = cursor.items[cursor.next % cursor.items.count]
                cursor.next += 1
                var ctx = start
                blackHole(cursor.engine.respond(to: q.text, context: &ctx))
            }
        } setup: {
            let dir = try SyntheticPack.directory(copies: copies, from: shippedPackDirectory)
            return Cursor(engine: Engine(pack: loadPack(dir)))
        }
    }

    // ---- The Normans example pack, its own transcript questions --------------------------------
    Benchmark("Answer/Normans pack (transcript question mix)", configuration: answer) { (benchmark: Benchmark, cycle: QuestionCycle) in
        for _ in benchmark.scaledIterations { blackHole(cycle.askNext()) }
    } setup: {
        QuestionCycle(engine: Engine(pack: loadPack(GeneratedPacks.normansPack)), questions: GeneratedPacks.normansQuestions())
    }

    // ---- Generated packs of 100 … 100,000 intents (Benchmarks/synth/generate.py) ----------------
    let stream = Benchmark.Configuration(
        metrics: metrics + [.peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(10), maxIterations: 20)
    for n in GeneratedPacks.sizes {
        let label = String(format: "%06d", n)
        Benchmark("Generated/\(label) intents: load", configuration: startup) { (benchmark: Benchmark, dir: String) in
            for _ in benchmark.scaledIterations { blackHole(loadPack(dir + "/mondo")) }
        } setup: {
            try GeneratedPacks.directory(intents: n)
        }
        Benchmark("Generated/\(label) intents: load + compile", configuration: startup) { (benchmark: Benchmark, dir: String) in
            for _ in benchmark.scaledIterations { blackHole(Engine(pack: loadPack(dir + "/mondo"))) }
        } setup: {
            try GeneratedPacks.directory(intents: n)
        }
        Benchmark("Generated/\(label) intents: cached load", configuration: startup) { (benchmark: Benchmark, warmed: (CompiledPackCache, String)) in
            for _ in benchmark.scaledIterations { blackHole(cachedEngine(warmed.0, warmed.1)) }
        } setup: {
            let dir = try GeneratedPacks.directory(intents: n) + "/mondo"
            return (warmedCache(dir), dir)
        }
        // One question per iteration: p50 and p99 over the generated question list.
        Benchmark("Generated/\(label) intents: one question", configuration: answer) { (benchmark: Benchmark, cycle: QuestionCycle) in
            for _ in benchmark.scaledIterations { blackHole(cycle.askNext()) }
        } setup: {
            let dir = try GeneratedPacks.directory(intents: n)
            return QuestionCycle(engine: Engine(pack: loadPack(dir + "/mondo")), questions: try GeneratedPacks.questions(dir))
        }
        // A stream of 10,000 questions per iteration, and the process's peak memory.
        Benchmark("Generated/\(label) intents: stream of 10,000 questions", configuration: stream) { (benchmark: Benchmark, cycle: QuestionCycle) in
            for _ in benchmark.scaledIterations { for _ in 0..<10_000 { blackHole(cycle.askNext()) } }
        } setup: {
            let dir = try GeneratedPacks.directory(intents: n)
            return QuestionCycle(engine: Engine(pack: loadPack(dir + "/mondo")), questions: try GeneratedPacks.questions(dir))
        }
    }
}

/// A compiled pack cache in a fresh temporary directory that already holds the pack in `dir`.
func warmedCache(_ dir: String) -> CompiledPackCache {
    let cache = CompiledPackCache(directory: NSTemporaryDirectory() + "mondo-bench-cache-" + UUID().uuidString)
    _ = cachedEngine(cache, dir)
    return cache
}

/// The engine for the pack in `dir` through `cache` (read from it once it is warm).
func cachedEngine(_ cache: CompiledPackCache, _ dir: String) -> Engine {
    do { return try cache.engine(packDirectory: dir).engine } catch { fatalError("pack \(dir) does not load:\n\(error)") }
}
