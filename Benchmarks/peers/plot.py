#!/usr/bin/env python3
"""Time per question against the number of rules (log-log), one line per engine, from the CSV
that compare.py writes.

    Benchmarks/peers/plot.py RESULTS.csv [-o Docs/peers.png] [--title TEXT]

Needs matplotlib (installed into Benchmarks/peers/.venv by ./setup; this script re-runs itself
under that venv's Python when the current one has no matplotlib). Python engines are drawn with
their in-process p50 (--p99 shades the band up to p99), Mondo with its batch mean per question (dashed), as
compare.py measures them.
"""
import argparse, csv, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
VENV_PY = os.path.join(HERE, ".venv", "bin", "python")

try:
    import matplotlib
except ImportError:
    if os.path.exists(VENV_PY) and os.path.realpath(sys.prefix) != os.path.realpath(os.path.join(HERE, ".venv")):
        os.execv(VENV_PY, [VENV_PY, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("plot.py: no matplotlib; run Benchmarks/peers/setup first")
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("csv")
    p.add_argument("-o", "--out", default="peers.png")
    p.add_argument("--title", default="Time per question vs number of rules")
    p.add_argument("--p99", action="store_true", help="shade the Python engines' p50..p99 band")
    a = p.parse_args()
    series = {}
    with open(a.csv, newline="") as f:
        for r in csv.DictReader(f):
            series.setdefault(r["engine"], []).append(r)
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=150)
    for engine, rows in series.items():
        rows.sort(key=lambda r: int(r["N"]))
        if engine == "mondo":
            pts = [(int(r["N"]), num(r["mean_ms"])) for r in rows if num(r["mean_ms"])]
            if pts:
                ax.plot(*zip(*pts), "o--", label="mondo (batch mean per question)")
        else:
            pts = [(int(r["N"]), num(r["p50_ms"]), num(r["p99_ms"])) for r in rows if num(r["p50_ms"])]
            if pts:
                n, p50, p99 = zip(*pts)
                line, = ax.plot(n, p50, "o-", label=f"{engine} (in-process p50{'; band to p99' if a.p99 else ''})")
                if a.p99:
                    ax.fill_between(n, p50, p99, color=line.get_color(), alpha=0.12)
        timed_out = [int(r["N"]) for r in rows if num(r["load_s"]) is not None
                     and not num(r["p50_ms"]) and not num(r["mean_ms"])]
        for n in timed_out:
            ax.annotate(f"{engine}: over the time limit", (n, 0.98), xycoords=("data", "axes fraction"),
                        fontsize=7, ha="right", va="top", rotation=90)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("rules (intents)")
    ax.set_ylabel("milliseconds per question")
    ax.set_title(a.title)
    ax.grid(True, which="both", alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(a.out)
    print(a.out)


if __name__ == "__main__":
    main()
