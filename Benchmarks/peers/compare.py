#!/usr/bin/env python3
"""Side-by-side performance of Mondo and peer engines (python-aiml, RiveScript, Adapt) on the
same synthetic rule sets (Benchmarks/synth/generate.py). See README.md beside this file.

    Benchmarks/peers/setup                                  # once: the venv with the peers
    Benchmarks/peers/compare.py --sizes 100,1000,10000 [--engines mondo,aiml,rivescript,adapt]
                                [--csv results.csv] [--markdown table.md] [--timeout 900]

Every engine runs in its own child process for every size (one after the other, never two at
once), so load time and peak RSS are its own. The rule sets are generated into --data-dir
(default /tmp/mondo-peers/N<n>-s<seed>) and reused when the stamp there matches.
This script needs only the standard library; the Python engines run under .venv/bin/python.
"""
import argparse, csv, hashlib, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GENERATOR = os.path.join(REPO, "Benchmarks", "synth", "generate.py")
VENV_PY = os.path.join(HERE, ".venv", "bin", "python")
ENGINES = ["mondo", "aiml", "rivescript", "adapt"]
PY_ENGINES = {"aiml", "rivescript", "adapt"}
CSV_FIELDS = ["engine", "N", "load_s", "p50_ms", "p99_ms", "mean_ms", "rss_mb", "correct",
              # extras: Mondo's own MONDO_TIMING split, how p50 was obtained, the machine's load
              "pack_load_s", "compile_s", "load_uncached_s", "per_question", "questions", "loadavg_1m", "note"]

def peer_expected(expected):
    """Every engine's rules give the same answer text (generate.py), so the expected text is shared."""
    return expected


# ---------------------------------------------------------------- the Python engines (worker)

def worker(engine, data, deadline_s):
    """Runs inside .venv/bin/python: load, answer every question, print JSON lines."""
    import resource
    qs = [line.rstrip("\n").split("\t") for line in open(os.path.join(data, "questions.tsv"), encoding="utf-8")]
    t0 = time.perf_counter()
    if engine == "aiml":
        import aiml
        k = aiml.Kernel()
        k.verbose(False)
        k.learn(os.path.join(data, "rules.aiml"))
        respond = k.respond
    elif engine == "rivescript":
        from rivescript import RiveScript
        rs = RiveScript(utf8=False, debug=False)
        rs.load_file(os.path.join(data, "rules.rive"))
        rs.sort_replies()
        respond = lambda q: rs.reply("bench", q)
    elif engine == "adapt":
        from adapt.engine import IntentDeterminationEngine
        from adapt.intent import IntentBuilder
        with open(os.path.join(data, "adapt.json"), encoding="utf-8") as f:
            spec = json.load(f)
        towns = spec["towns"]
        eng = IntentDeterminationEngine()
        for town in towns:
            eng.register_entity(town, "Town")
        words = {a: set(t.replace("{town}", " ").split()) for a, t in spec["templates"]}
        for attr, _ in spec["templates"]:
            # the keyword of an intent: the attribute's name when the question says it (all 12
            # templates do), otherwise the words no other template has
            others = set().union(*(w for b, w in words.items() if b != attr))
            keywords = [attr] if attr in words[attr] else sorted(words[attr] - others)
            for kw in keywords:
                eng.register_entity(kw, attr + "Keyword")
            eng.register_intent_parser(IntentBuilder(attr).require(attr + "Keyword").require("Town").build())

        def respond(q):
            for intent in eng.determine_intent(q):
                if intent and intent.get("confidence", 0) > 0:
                    return towns[intent["Town"].lower()][intent["intent_type"]]
            return ""
    else:
        raise SystemExit(f"unknown engine {engine}")
    load_s = time.perf_counter() - t0
    def rss():
        # Peak RSS of this process in MB. Linux's getrusage ru_maxrss carries the parent's peak
        # over fork + exec (the driver's own ~30 MB would show), so VmHWM of /proc/self/status,
        # the high-water mark of this process image alone, comes first.
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"stage": "loaded", "load_s": load_s, "rss_mb": rss()}), flush=True)
    times, right = [], 0
    end = time.monotonic() + deadline_s
    for q, expected in qs:
        t = time.perf_counter()
        a = respond(q)
        times.append(time.perf_counter() - t)
        right += (a or "").strip() == peer_expected(expected)
        if time.monotonic() > end:
            print(json.dumps({"stage": "deadline", "answered": len(times), "rss_mb": rss(),
                              "partial_p50_ms": statistics.median(times) * 1000}), flush=True)
            return
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000
    print(json.dumps({"stage": "done", "load_s": load_s, "p50_ms": statistics.median(times) * 1000,
                      "p99_ms": pct(0.99), "mean_ms": statistics.fmean(times) * 1000,
                      "rss_mb": rss(), "correct": right / len(qs), "questions": len(qs),
                      "per_question": "in-process p50/p99"}), flush=True)


# ---------------------------------------------------------------- the driver

def run(cmd, timeout, env=None, stdin=None):
    """Runs cmd in its own process group; returns (wall_s, rc, stdout, stderr, timed_out)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin or subprocess.DEVNULL,
                         env=env, start_new_session=True, text=True)
    try:
        out, err = p.communicate(timeout=max(1.0, timeout))
        return time.perf_counter() - t, p.returncode, out, err, False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)  # our own child's group (/usr/bin/time and mondo)
        out, err = p.communicate()
        return time.perf_counter() - t, None, out, err, True
    except BaseException:  # Ctrl-C or SIGTERM of the driver: leave no engine running
        os.killpg(p.pid, signal.SIGKILL)
        raise


def generate(n, seed, questions, root):
    d = os.path.join(root, f"N{n}-s{seed}")
    with open(GENERATOR, "rb") as f:
        gen_hash = hashlib.sha256(f.read()).hexdigest()[:16]
    stamp = {"intents": n, "seed": seed, "questions": questions, "generator": gen_hash}
    sp = os.path.join(d, "stamp.json")
    try:
        with open(sp) as f:
            if json.load(f) == stamp:
                return d, False
    except (OSError, ValueError):
        pass
    t = time.perf_counter()
    subprocess.run([sys.executable, GENERATOR, "--intents", str(n), "--seed", str(seed),
                    "--questions", str(questions), "--out", d], check=True)
    with open(sp, "w") as f:
        json.dump(stamp, f)
    with open(os.path.join(d, "questions.txt"), "w", encoding="utf-8") as out, \
            open(os.path.join(d, "questions.tsv"), encoding="utf-8") as qs:
        for line in qs:
            out.write(line.split("\t")[0] + "\n")
    open(os.path.join(d, "empty.txt"), "w").close()
    print(f"  generated {d} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return d, True


TIMING = re.compile(r"pack loaded in ([0-9.eE+-]+) seconds, compiled in ([0-9.eE+-]+) seconds")
MAXRSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def measure_mondo(mondo, data, timeout):
    res = {"per_question": "batch mean (separate process)"}
    notes = []
    end = time.monotonic() + timeout
    left = lambda: end - time.monotonic()
    # The compiled pack cache in a directory of its own, empty at first.
    cache = os.path.join(data, "mondo-cache")
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, MONDO_TIMING="1", MONDO_CACHE_DIR=cache)
    pack = os.path.join(data, "mondo")
    qs = [line.rstrip("\n").split("\t") for line in open(os.path.join(data, "questions.tsv"), encoding="utf-8")]
    timev = ["/usr/bin/time", "-v"] if os.path.exists("/usr/bin/time") else []
    # 1. whole process, start-up to first answer, compiling the pack from its YAML
    wall, rc, out, err, to = run(timev + [mondo, "--no-cache", "--pack", pack, "-c", qs[0][0]], left(), env)
    if to:
        notes.append("start-up run timed out")
        return res, notes
    res["load_uncached_s"] = wall
    m = TIMING.search(err)
    if m:
        res["pack_load_s"], res["compile_s"] = float(m.group(1)), float(m.group(2))
    # 2. the same with the cache: once to write it, once to read it (the load reported)
    for _ in range(2):
        wall, rc, out, err, to = run(timev + [mondo, "--pack", pack, "-c", qs[0][0]], left(), env)
        if to:
            notes.append("cached start-up run timed out")
            return res, notes
    if "read from the cache" not in err:
        notes.append("the second start-up did not read the cache")
    res["load_s"] = wall
    m = MAXRSS.search(err)
    if m:  # peak RSS of load + one answer; replaced by the batch's below when that finishes
        res["rss_mb"] = int(m.group(1)) / 1024
        notes.append("RSS of the start-up run only")
    if out.strip() != qs[0][1]:
        notes.append(f"-c answer differs: {out.strip()[:80]!r}")
    # 2. start-up of an empty question file
    empty, rc, _, err, to = run([mondo, "--pack", pack, "--independent", "-f", os.path.join(data, "empty.txt")], left(), env)
    if to or rc != 0:
        notes.append("empty-file run " + ("timed out" if to else f"failed rc={rc}: {err.strip()[:120]}"))
        return res, notes
    # 3. the batch, under /usr/bin/time -v for the peak RSS
    cmd = timev + [mondo, "--pack", pack, "--independent", "-f", os.path.join(data, "questions.txt")]
    if not timev:
        notes.append("no /usr/bin/time: no RSS")
    batch, rc, out, err, to = run(cmd, left(), env)
    if to:
        notes.append(f"batch timed out after {batch:.0f} s")
        return res, notes
    m = MAXRSS.search(err)
    if m:
        res["rss_mb"] = int(m.group(1)) / 1024
        notes.remove("RSS of the start-up run only")
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(qs):
        notes.append(f"{len(lines)} answer lines for {len(qs)} questions")
    res["correct"] = sum(a.strip() == e for a, (_, e) in zip(lines, qs)) / len(qs)
    res["mean_ms"] = (batch - empty) / len(qs) * 1000
    res["questions"] = len(qs)
    notes.append(f"batch {batch:.2f} s - empty-file start-up {empty:.2f} s")
    return res, notes


def measure_python(engine, data, timeout):
    notes = []
    if not os.path.exists(VENV_PY):
        return {}, ["no venv: run Benchmarks/peers/setup"]
    # the worker stops answering itself a little before the limit so that its load figures survive
    wall, rc, out, err, to = run([VENV_PY, os.path.abspath(__file__), "--worker", engine, "--data", data,
                                  "--deadline", str(max(1.0, timeout - 5))], timeout)
    res = {}
    for line in out.splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if msg.get("stage") == "loaded":
            res.update(load_s=msg["load_s"], rss_mb=msg["rss_mb"])
            notes.append("RSS after load only")
        elif msg.get("stage") == "deadline":
            res["rss_mb"] = msg["rss_mb"]
            notes = [x for x in notes if x != "RSS after load only"]
            notes.append(f"time limit after {msg['answered']} of the questions (p50 over those: "
                         f"{msg['partial_p50_ms']:.1f} ms; RSS so far)")
        elif msg.get("stage") == "done":
            res.update({k: v for k, v in msg.items() if k != "stage"})
            notes = [x for x in notes if x != "RSS after load only"]
    if to:
        notes.append(f"killed at the time limit ({timeout:.0f} s)")
    elif rc != 0:
        notes.append(f"worker failed rc={rc}: {err.strip().splitlines()[-1][:160] if err.strip() else ''}")
    return res, notes


def fmt_ms(v):
    return "–" if v is None else (f"{v:.3f} ms" if v < 1 else f"{v:.2f} ms" if v < 100 else f"{v:.0f} ms")


def fmt_s(v):
    return "–" if v is None else (f"{v:.3f} s" if v < 1 else f"{v:.2f} s" if v < 100 else f"{v:.0f} s")


def fmt_mb(v):
    return "–" if v is None else f"{v:.0f} MB"


def p50_cell(r):
    if not r or r.get("load_s") in (None, ""):
        return "–"
    if r["engine"] == "mondo":
        v = r.get("mean_ms")
        cell = "–" if v in (None, "") else fmt_ms(v) + " ¹"
    else:
        cell = fmt_ms(r.get("p50_ms") if r.get("p50_ms") not in ("", None) else None)
    c = r.get("correct")
    if c not in (None, "") and c < 1:
        cell += f" ({c:.1%} correct)"
    return cell


def get(r, k):
    v = r.get(k) if r else None
    return None if v in ("", None) else v


def tables(rows, sizes, engines):
    by = {(r["engine"], r["N"]): r for r in rows}
    n = lambda x: f"{x:,}"
    ran = lambda x: x in sizes
    out = []
    # the headline table, in the shape of the performance issue
    head = ["engine", "p50 at 100", "p50 at 10,000", "p50 at 100,000", "load at 10,000", "load at 100,000", "RSS at 10,000"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for e in engines:
        cells = [e]
        for N in (100, 10_000, 100_000):
            cells.append(p50_cell(by.get((e, N))) if ran(N) else "not run")
        for N in (10_000, 100_000):
            cells.append(fmt_s(get(by.get((e, N)), "load_s")) if ran(N) else "not run")
        cells.append(fmt_mb(get(by.get((e, 10_000)), "rss_mb")) if ran(10_000) else "not run")
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    # everything measured
    head = ["engine", "N", "load", "p50", "p99", "RSS", "correct", "note"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for e in engines:
        for N in sizes:
            r = by.get((e, N))
            if not r:
                continue
            c = get(r, "correct")
            load = fmt_s(get(r, "load_s"))
            if get(r, "load_uncached_s") is not None:
                load += f" from the cache; {fmt_s(r['load_uncached_s'])} without"
            if get(r, "pack_load_s") is not None:
                load += f" (load {r['pack_load_s']:.2f} s + compile {r['compile_s']:.2f} s)"
            out.append("| " + " | ".join([e, n(N), load, p50_cell(r), fmt_ms(get(r, "p99_ms")) if e != "mondo" else "n/a ¹",
                                          fmt_mb(get(r, "rss_mb")), "–" if c is None else f"{c:.1%}",
                                          r.get("note", "")]) + " |")
    out.append("")
    out.append("¹ Mondo: mean per question of a separate `mondo --independent -f` batch process "
               "(batch wall time minus an empty-file run, divided by the questions), not an in-process "
               "percentile; its load is the whole process `mondo -c` from start to first answer, reading the "
               "pack from the compiled pack cache (written by an earlier run; without it, compiling the "
               "YAML, in the full table). The "
               "Python engines' load is in-process construction + loading (no interpreter start-up), "
               "their p50/p99 in-process over every question.")
    return "\n".join(out)


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that run() cleans up its child
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,1000,10000,100000", help="comma-separated intent counts")
    p.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, of " + ",".join(ENGINES))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--questions", type=int, default=2000)
    p.add_argument("--data-dir", default=os.path.join(tempfile.gettempdir(), "mondo-peers"),
                   help="where the rule sets are generated (one folder per size and seed)")
    p.add_argument("--mondo", default=os.path.join(REPO, ".build", "release", "mondo"),
                   help="the mondo binary (copied into --data-dir first, so a rebuild does not change it mid-run)")
    p.add_argument("--timeout", type=float, default=900, help="seconds per engine and size (default 900)")
    p.add_argument("--csv", default=None, help="CSV of all measurements (default DATA_DIR/results.csv)")
    p.add_argument("--markdown", default=None, help="also write the tables to this file")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--data", help=argparse.SUPPRESS)
    p.add_argument("--deadline", type=float, default=900, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.worker:
        return worker(a.worker, a.data, a.deadline)

    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    engines = [e.strip() for e in a.engines.split(",") if e.strip()]
    for e in engines:
        if e not in ENGINES:
            p.error(f"unknown engine {e!r} (known: {', '.join(ENGINES)})")
    os.makedirs(a.data_dir, exist_ok=True)
    csv_path = a.csv or os.path.join(a.data_dir, "results.csv")
    mondo = None
    if "mondo" in engines:
        if not os.access(a.mondo, os.X_OK):
            p.error(f"no mondo binary at {a.mondo} (build it, or pass --mondo)")
        mondo = os.path.join(a.data_dir, "mondo-bin")
        shutil.copy2(a.mondo, mondo)
        with open(mondo, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:12]
        print(f"mondo: {a.mondo} (copied to {mondo}, sha256 {digest})", file=sys.stderr)
    la = os.getloadavg()
    print(f"load average at start: {la[0]:.2f} {la[1]:.2f} {la[2]:.2f} on {os.cpu_count()} CPUs", file=sys.stderr)

    rows = []
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()
        for N in sizes:
            data, _ = generate(N, a.seed, a.questions, a.data_dir)
            for e in engines:
                t = time.perf_counter()
                res, notes = (measure_mondo(mondo, data, a.timeout) if e == "mondo"
                              else measure_python(e, data, a.timeout))
                row = {"engine": e, "N": N, **{k: v for k, v in res.items() if k in CSV_FIELDS}}
                row["loadavg_1m"] = round(os.getloadavg()[0], 2)
                row["note"] = "; ".join(notes)
                rows.append(row)
                w.writerow({k: (f"{v:.6g}" if isinstance(v, float) else v) for k, v in row.items()})
                f.flush()
                print(f"  {e:10s} N={N:<7,} load {fmt_s(get(row, 'load_s')):>9}  per question {p50_cell(row):>12}"
                      f"  RSS {fmt_mb(get(row, 'rss_mb')):>7}  correct {get(row, 'correct') if get(row, 'correct') is not None else '–'}"
                      f"  ({time.perf_counter() - t:.0f} s; load avg {row['loadavg_1m']}) {row['note']}", file=sys.stderr)
    la2 = os.getloadavg()
    text = tables(rows, sizes, engines)
    text += (f"\n\nLoad average (1, 5, 15 min): {la[0]:.2f} {la[1]:.2f} {la[2]:.2f} at the start, "
             f"{la2[0]:.2f} {la2[1]:.2f} {la2[2]:.2f} at the end, on {os.cpu_count()} CPUs. "
             f"Seed {a.seed}, {a.questions} questions. CSV: {csv_path}\n")
    print(text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)


if __name__ == "__main__":
    sys.exit(main())
