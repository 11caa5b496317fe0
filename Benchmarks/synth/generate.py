#!/usr/bin/env python3
"""Deterministic synthetic rule sets for Mondo's scaling benchmarks and the side-by-side
comparison with other engines (Docs/performance.md).

    Benchmarks/synth/generate.py --intents N [--seed S] [--questions Q] --out DIR [--formats mondo,aiml,rive,adapt]

N intents = N/12 made-up towns x 12 attributes (population, area, founding year, mayor, river,
elevation, main industry, twin town, universities, airport, festival, nickname). For Mondo the
result looks like a real pack: a shared concepts.yaml (one synonym set per attribute, as a pack
has for its measures), one entity concept per town (class place), typed facts (quantity, date,
person, place, text), an intent per town and attribute with `ask`, `require`, `facts`, a template
and an example; topic files of 100 towns. For the other engines the same N rules are written in
their formats, one literal pattern per rule (the 12 question templates below).

The question list (DIR/questions.tsv: question, expected answer) holds Q questions drawn with the
seed from the 12 templates, so every engine can answer every one of them exactly.
"""
import argparse, json, os, random, shutil

TEMPLATES = [  # (attribute, question template, ask kind)
    ("population", "what is the population of {town}", "number"),
    ("area", "what is the area of {town}", "number"),
    ("founded", "when was {town} founded", "when"),
    ("mayor", "who is the mayor of {town}", "who"),
    ("river", "which river flows through {town}", "what"),
    ("elevation", "what is the elevation of {town}", "number"),
    ("industry", "what is the main industry of {town}", "what"),
    ("twin", "what is the twin town of {town}", "what"),
    ("universities", "how many universities does {town} have", "number"),
    ("airport", "what is the airport of {town} called", "what"),
    ("festival", "when is the festival of {town} held", "when"),
    ("nickname", "what is the nickname of {town}", "what"),
]

CONCEPTS = {  # the attribute synonym sets, like a real pack's measures
    "population": ["population", "inhabitants", "residents", "people live", "how many people", "populous"],
    "area": ["area", "surface", "square kilometres", "square kilometers", "how big", "size", "land area"],
    "founded": ["founded", "founding", "established", "foundation", "settled", "built"],
    "mayor": ["mayor", "leader", "head of the council", "runs the town", "in charge"],
    "river": ["river", "stream", "waterway", "flows through", "runs through"],
    "elevation": ["elevation", "altitude", "how high", "height above sea level", "above sea level"],
    "industry": ["industry", "economy", "main business", "livelihood", "make a living", "known for making"],
    "twin": ["twin town", "twin city", "sister city", "sister town", "partner town", "twinned"],
    "universities": ["university", "universities", "college", "colleges", "higher education"],
    "airport": ["airport", "airfield", "fly to", "flights", "air travel"],
    "festival": ["festival", "fair", "carnival", "celebration", "feast"],
    "nickname": ["nickname", "called", "known as", "byname", "epithet"],
}

SYL = ["ka", "lo", "ven", "dra", "mi", "sol", "tar", "ul", "bre", "zan", "qui", "ro", "fen", "gal",
       "is", "mor", "pel", "thu", "var", "ox", "ne", "sk", "ai", "lum", "dor", "cre", "wy", "ha", "jo", "rin"]
INDUSTRIES = ["fishing", "weaving", "mining", "shipbuilding", "glassmaking", "tea growing", "printing",
              "pottery", "software", "tourism", "salt making", "brewing", "silk", "timber", "cheese making"]
FIRST = ["Ana", "Boris", "Cleo", "Dario", "Elin", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kemal", "Lea"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


def names(rng, count, syllables):
    seen, out = set(), []
    while len(out) < count:
        n = "".join(rng.choice(SYL) for _ in range(rng.choice(syllables)))
        if len(n) >= 5 and n not in seen and n not in CONCEPT_WORDS:
            seen.add(n)
            out.append(n)
    return out


CONCEPT_WORDS = {w for terms in CONCEPTS.values() for t in terms for w in t.split()}


def world(n_intents, seed):
    rng = random.Random(seed)
    n_towns = max(1, n_intents // len(TEMPLATES))
    towns = names(rng, n_towns, (2, 3, 4))
    rivers = names(rng, max(8, n_towns // 4), (2, 3))
    surnames = names(rng, max(8, n_towns // 2), (2, 3))
    out = []
    for i, t in enumerate(towns):
        out.append({
            "town": t, "Town": t.capitalize(),
            "population": rng.randrange(2_000, 2_000_000, 10),
            "area": rng.randrange(5, 900),
            "founded": rng.randrange(800, 1950),
            "mayor": rng.choice(FIRST) + " " + rng.choice(surnames).capitalize(),
            "river": rng.choice(rivers).capitalize(),
            "elevation": rng.randrange(1, 2500),
            "industry": rng.choice(INDUSTRIES),
            "twin": towns[(i * 7 + 3) % len(towns)].capitalize(),
            "universities": rng.randrange(1, 12),
            "airport": t.capitalize() + " " + rng.choice(["International", "Regional", "Field"]),
            "festival": rng.choice(MONTHS),
            "nickname": "the " + rng.choice(["city", "town", "pearl", "gate", "heart"]) + " of " + rng.choice(["bridges", "bells", "winds", "lanterns", "gardens", "salt"]),
        })
    return out


def answer(a, w):
    T = w["Town"]
    return {
        "population": f"{T} has {w['population']:,} inhabitants.",
        "area": f"{T} covers {w['area']} square kilometres.",
        "founded": f"{T} was founded in {w['founded']}.",
        "mayor": f"The mayor of {T} is {w['mayor']}.",
        "river": f"The {w['river']} flows through {T}.",
        "elevation": f"{T} lies {w['elevation']} metres above sea level.",
        "industry": f"The main industry of {T} is {w['industry']}.",
        "twin": f"{T} is twinned with {w['twin']}.",
        "universities": f"{T} has {w['universities']} universities.",
        "airport": f"The airport of {T} is called {w['airport']}.",
        "festival": f"The festival of {T} is held in {w['festival'].capitalize()}.",
        "nickname": f"{T} is known as {w['nickname']}.",
    }[a]


def y(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML flow scalar


def fact_yaml(a, w, fid):
    T = w["Town"]
    head = f"  - id: {fid}\n"
    if a in ("population", "area", "elevation", "universities"):
        unit = {"population": "people", "area": "square kilometres", "elevation": "metres", "universities": "universities"}[a]
        return head + f"    type: quantity\n    label: {y(a + ' of ' + T)}\n    value: {w[a]}\n    unit: {unit}\n    source: synthetic\n"
    if a == "founded":
        return head + f"    type: date\n    label: {y('founding of ' + T)}\n    date: \"{w[a]}\"\n    source: synthetic\n"
    if a == "mayor":
        return head + f"    type: person\n    label: {y('mayor of ' + T)}\n    name: {y(w[a])}\n    role: mayor\n    source: synthetic\n"
    return head + f"    type: text\n    label: {y(a + ' of ' + T)}\n    text: {y(answer(a, w))}\n    source: synthetic\n"


def write_mondo(dirpath, towns):
    os.makedirs(os.path.join(dirpath, "topics"), exist_ok=True)
    with open(os.path.join(dirpath, "pack.yaml"), "w") as f:
        f.write("# Synthetic pack (Benchmarks/synth/generate.py): made-up towns, 12 facts each.\n"
                "name: Synthetic towns\nreference_date: 2025-01\n"
                "fallback:\n  not_understood: \"Sorry, I did not understand that question.\"\n"
                "  not_in_pack: \"The towns file does not say.\"\n  suggestions: 3\n")
    with open(os.path.join(dirpath, "concepts.yaml"), "w") as f:
        f.write("concepts:\n")
        for name, terms in CONCEPTS.items():
            f.write(f"  attr_{name}: [{', '.join(terms)}]\n")
    for start in range(0, len(towns), 100):
        chunk = towns[start:start + 100]
        with open(os.path.join(dirpath, "topics", f"towns_{start // 100:05d}.yaml"), "w") as f:
            f.write("concepts:\n")
            for w in chunk:
                f.write(f"  town_{w['town']}:\n    class: place\n    terms: [{w['town']}]\n")
            f.write("facts:\n")
            for w in chunk:
                for a, _, _ in TEMPLATES:
                    f.write(fact_yaml(a, w, f"{w['town']}_{a}"))
            f.write("intents:\n")
            for w in chunk:
                for a, q, kind in TEMPLATES:
                    fid = f"{w['town']}_{a}"
                    # One answer per engine: the same words; Mondo's population figure comes from its fact.
                    tmpl = answer(a, w) if a != "population" else f"{w['Town']} has {{{{{fid}.Display}}}} inhabitants."
                    f.write(f"  - id: {w['town']}.{a}\n    ask: [{kind}]\n    require: [~attr_{a}, ~town_{w['town']}]\n"
                            f"    facts: [{fid}]\n    answer: {y(tmpl)}\n"
                            f"    examples: [{y(q.format(town=w['Town']) + '?')}]\n")


def write_aiml(path, towns):
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<aiml version="1.0.1">\n')
        for w in towns:
            for a, q, _ in TEMPLATES:
                f.write(f"<category><pattern>{q.format(town=w['town']).upper()}</pattern><template>{answer(a, w)}</template></category>\n")
        f.write("</aiml>\n")


def write_rive(path, towns):
    with open(path, "w") as f:
        f.write("! version = 2.0\n\n")
        for w in towns:
            for a, q, _ in TEMPLATES:
                f.write(f"+ {q.format(town=w['town'])}\n- {answer(a, w)}\n\n")


def write_adapt(path, towns):
    # Adapt: one intent per attribute, the town as an entity; the answer is looked up by (attribute, town).
    data = {"templates": [[a, q] for a, q, _ in TEMPLATES],
            "towns": {w["town"]: {a: answer(a, w) for a, _, _ in TEMPLATES} for w in towns}}
    with open(path, "w") as f:
        json.dump(data, f)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--intents", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--questions", type=int, default=2000)
    p.add_argument("--out", required=True)
    p.add_argument("--formats", default="mondo,aiml,rive,adapt")
    args = p.parse_args()
    towns = world(args.intents, args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    formats = set(args.formats.split(","))
    if "mondo" in formats: write_mondo(os.path.join(args.out, "mondo"), towns)
    if "aiml" in formats: write_aiml(os.path.join(args.out, "rules.aiml"), towns)
    if "rive" in formats: write_rive(os.path.join(args.out, "rules.rive"), towns)
    if "adapt" in formats: write_adapt(os.path.join(args.out, "adapt.json"), towns)
    rng = random.Random(args.seed + 1)
    with open(os.path.join(args.out, "questions.tsv"), "w") as f:
        for _ in range(args.questions):
            w = rng.choice(towns)
            a, q, _ = rng.choice(TEMPLATES)
            text = q.format(town=w["town"] if rng.random() < 0.5 else w["Town"])
            expected = answer(a, w)
            f.write(f"{text}?\t{expected}\n")


if __name__ == "__main__":
    main()
