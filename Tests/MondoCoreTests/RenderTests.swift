import Testing
@testable import MondoCore

func fact(_ id: String, _ value: FactValue, label: String? = nil, approx: String? = nil) -> Fact {
    Fact(id: id, label: label ?? id, value: value, approx: approx, time: nil, source: "Q1 ¶1", location: nil)
}

@Suite("FactFormatter")
struct FactFormatterTests {
    @Test("numbers are grouped in thousands", arguments: [
        (710_000.0, "710,000"), (1_000_000, "1,000,000"), (999, "999"), (7.52, "7.52"), (7.5, "7.5"),
        (0, "0"), (-1234.5, "-1,234.5"), (2.999, "3"),
    ])
    func number(v: Double, s: String) {
        #expect(FactFormatter.number(v) == s)
    }

    @Test("large amounts take a scale word", arguments: [
        (77_700_000_000.0, "77.7 billion"), (300_000_000, "300 million"), (10_000_000, "10 million"),
        (1_500_000_000_000, "1.5 trillion"), (950_000, "950,000"),
    ])
    func scaled(v: Double, s: String) {
        #expect(FactFormatter.scaled(v) == s)
    }

    func display(_ v: FactValue, approx: String? = nil) -> String? {
        FactFormatter.context(fact("f", v, approx: approx))["display"] as? String
    }

    @Test func quantity() {
        #expect(display(.quantity(value: 710_000, unit: "people"), approx: "about") == "about 710,000")
        let c = FactFormatter.context(fact("f", .quantity(value: 710_000, unit: "people"), approx: "about"))
        #expect(c["with_unit"] as? String == "about 710,000 people")
        #expect(c["Display"] as? String == "About 710,000")
    }

    @Test func money() {
        #expect(display(.money(value: 77_700_000_000, currency: "USD")) == "USD 77.7 billion")
        #expect(display(.money(value: 300_000_000, currency: "USD"), approx: "more than") == "more than USD 300 million")
    }

    @Test func percentages() {
        #expect(display(.percentage(low: 8.3, high: 8.5)) == "8.3–8.5%")
        #expect(display(.percentage(low: 10, high: 10), approx: "about") == "about 10%")
    }

    @Test func ranks() {
        #expect(display(.rank(value: 3, superlative: "largest", among: "investors")) == "third-largest")
        #expect(display(.rank(value: 1, superlative: "largest", among: "investors")) == "largest")
        #expect(FactFormatter.context(fact("f", .rank(value: 2, superlative: "biggest", among: "x")))["ordinal"] as? String == "second")
    }

    @Test func ordinals() {
        #expect(FactFormatter.ordinal(3) == "third")
        #expect(FactFormatter.ordinal(21) == "21st")
        #expect(FactFormatter.ordinal(12) == "12th")
        #expect(FactFormatter.ordinal(113) == "113th")
        #expect(FactFormatter.ordinal(22) == "22nd")
    }

    @Test("dates show their precision", arguments: [
        ("2024-05-17", nil as String?, "17 May 2024"),
        ("2025-04", "end", "the end of April 2025"),
        ("2025-04", nil, "April 2025"),
        ("2024", nil, "2024"),
        ("2025-H1", nil, "the first half of 2025"),
        ("2025-autumn", nil, "autumn 2025"),
        ("2015/2025", nil, "2015–2025"),
        ("2025-09", "early", "early September 2025"),
    ])
    func dates(t: String, q: String?, expected: String) throws {
        let ref = try #require(TimeRef(t))
        #expect(display(.date(ref, qualifier: q)) == expected)
    }

    @Test func periodWithinOneYear() throws {
        let v = FactValue.period(from: try #require(TimeRef("2025-01")), fromQualifier: nil, to: try #require(TimeRef("2025-06")), toQualifier: "end")
        #expect(display(v) == "January to the end of June 2025")
    }

    @Test func periodAcrossYears() throws {
        let v = FactValue.period(from: try #require(TimeRef("2024-05-17")), fromQualifier: nil, to: try #require(TimeRef("2025-08")), toQualifier: nil)
        #expect(display(v) == "17 May 2024 to August 2025")
    }

    @Test func lists() {
        let c = FactFormatter.context(fact("f", .list(items: ["A", "B", "C"])))
        #expect(c["display"] as? String == "A, B and C")
        #expect(c["or_joined"] as? String == "A, B or C")
        #expect(c["count"] as? String == "3")
        #expect(FactFormatter.join(["A", "B"]) == "A and B")
        #expect(FactFormatter.join(["A"]) == "A")
    }
}

@Suite("Computer")
struct ComputerTests {
    static let facts: [String: Fact] = {
        let list = [
            fact("jp", .quantity(value: 710_000, unit: "people"), label: "Japanese visitors"),
            fact("vn", .quantity(value: 620_000, unit: "people"), label: "Vietnamese visitors"),
            fact("goal", .quantity(value: 1_000_000, unit: "people"), label: "goal"),
            fact("inv", .money(value: 77_700_000_000, currency: "USD"), label: "investment"),
            fact("fx", .factor(value: 1.8), label: "growth factor"),
            fact("pct", .percentage(low: 8.3, high: 8.5), label: "growth"),
            fact("pct2", .percentage(low: 6.5, high: 6.5), label: "target"),
            fact("start", .date(TimeRef("2024-05-17")!, qualifier: nil), label: "start"),
            fact("y2015", .date(TimeRef("2015")!, qualifier: nil), label: "2015"),
            fact("y2025", .date(TimeRef("2025")!, qualifier: nil), label: "2025"),
            fact("txt", .text("words"), label: "text"),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }()
    static let now = TimeRef("2025-08")!

    func eval(_ op: String, _ of: [String], by: Double? = nil) -> ComputedValue? {
        Computer.evaluate(Computation(op: op, operands: of, by: by), facts: Self.facts, now: Self.now)
    }

    @Test func difference() throws {
        let v = try #require(eval("difference", ["goal", "vn"]))
        #expect(v.number == 380_000)
        #expect(v.fields["value"] == "380,000")
        #expect(v.fields["display"] == "380,000 people")
        #expect(v.fields["working"] == "1 million − 620,000 = 380,000")
        #expect(v.fields["sign"] == "more")
        #expect(eval("difference", ["vn", "jp"])?.fields["sign"] == "fewer")
    }

    @Test func percentagePointDifference() throws {
        let v = try #require(eval("difference", ["pct", "pct2"]))
        #expect(v.fields["display"] == "1.8 percentage points")
    }

    @Test func sum() throws {
        let v = try #require(eval("sum", ["jp", "vn"]))
        #expect(v.number == 1_330_000)
        #expect(v.fields["display"] == "1.33 million people")
        #expect(v.fields["working"] == "710,000 + 620,000 = 1.33 million")
    }

    @Test func ratio() throws {
        let v = try #require(eval("ratio", ["jp", "vn"]))
        #expect(v.fields["value"] == "1.1")
        #expect(v.fields["display"] == "about 1.1 times")
        #expect(v.fields["working"] == "710,000 ÷ 620,000 ≈ 1.1")
    }

    @Test func share() throws {
        let v = try #require(eval("share", ["vn", "jp"]))
        #expect(v.fields["display"] == "87.3%")
        #expect(v.fields["working"] == "620,000 ÷ 710,000 = 87.3%")
    }

    @Test func scale() throws {
        let v = try #require(eval("scale", ["vn"], by: 1.1))
        #expect(v.number.map { ($0 - 682_000).magnitude < 1e-6 } == true)
        #expect(v.fields["display"] == "682,000 people")
        #expect(v.fields["working"] == "620,000 × 1.1 = 682,000")
    }

    @Test func divide() throws {
        let v = try #require(eval("divide", ["inv", "fx"]))
        #expect(v.fields["value"] == "USD 43.17 billion")
        #expect(v.fields["rounded"] == "43.2")
        #expect(v.fields["working"] == "USD 77.7 billion ÷ 1.8 ≈ USD 43.17 billion")
    }

    @Test func elapsedToNow() throws {
        let v = try #require(eval("elapsed", ["start", "now"]))
        #expect(v.fields["value"] == "1 year and 3 months")
        #expect(v.fields["display"] == "about 1 year and 3 months")
        #expect(v.fields["working"] == "from 17 May 2024 to August 2025")
    }

    @Test func elapsedWholeYears() throws {
        let v = try #require(eval("elapsed", ["y2025", "y2015"]))
        #expect(v.fields["display"] == "10 years")
        #expect(v.fields["years"] == "10")
    }

    @Test func compare() throws {
        let v = try #require(eval("compare", ["vn", "jp"]))
        #expect(v.fields["winner"] == "Japanese visitors")
        #expect(v.fields["loser"] == "Vietnamese visitors")
        #expect(v.fields["winner_value"] == "710,000 people")
        #expect(v.fields["working"] == "620,000 vs 710,000")
    }

    @Test("check reports malformed computations", arguments: [
        ("difference", ["jp", "inv"], nil as Double?, "operands have different units (money:USD, quantity:people): they cannot be combined"),
        ("sum", ["jp", "jpp"], nil, "unknown fact 'jpp'; did you mean 'jp'?"),
        ("difference", ["jp"], nil, "difference needs exactly two facts"),
        ("ratio", ["jp", "txt"], nil, "'txt' is a text fact, not a number"),
        ("elapsed", ["start", "jp"], nil, "'jp' is a quantity fact, not a date"),
        ("scale", ["jp"], nil, "scale needs 'by' (a number such as 1.1)"),
        ("divide", ["inv", "jp"], nil, "divide needs a numeric fact and either a factor fact or 'by' (a non-zero number)"),
    ])
    func checkProblems(op: String, of: [String], by: Double?, message: String) {
        #expect(Computer.check(Computation(op: op, operands: of, by: by), facts: Self.facts) == message)
    }

    @Test func checkAcceptsWellFormed() {
        #expect(Computer.check(Computation(op: "difference", operands: ["goal", "vn"], by: nil), facts: Self.facts) == nil)
        #expect(Computer.check(Computation(op: "share", operands: ["vn", "inv"], by: nil), facts: Self.facts) == nil)
        #expect(Computer.check(Computation(op: "elapsed", operands: ["start", "now"], by: nil), facts: Self.facts) == nil)
    }
}

@Suite("TimeRef")
struct TimeRefTests {
    @Test("parses the pack's time forms", arguments: [
        "2024", "2025-04", "2024-05-17", "2025-H1", "2025-H2", "2025-autumn", "2015/2025",
    ])
    func roundTrips(text: String) throws {
        #expect(try #require(TimeRef(text)).description == text)
    }

    @Test("rejects malformed times", arguments: ["", "0", "-5", "2025-13", "2025-04-32", "2025-H3", "2025-1-2-3", "soon", "2025-spring-01"])
    func rejects(text: String) {
        #expect(TimeRef(text) == nil)
    }

    @Test func yearSpans() throws {
        #expect(try #require(TimeRef("2015/2025")).years == 2015...2025)
        #expect(try #require(TimeRef("2024")).years == 2024...2024)
    }

    @Test("admits question times", arguments: [
        ("2024", TimeRef(year: 2024), true),
        ("2024", TimeRef(year: 2023), false),
        ("2025-H1", TimeRef(year: 2025, half: 1), true),
        ("2025-H1", TimeRef(year: 2025, half: 2), false),
        ("2025-H1", TimeRef(year: 2025), true),
        ("2025-04", TimeRef(year: 2025, half: 1), true),
        ("2025-09", TimeRef(year: 2025, half: 1), false),
        ("2025-04", TimeRef(year: 2025, month: 5), false),
        ("2025", TimeRef(year: 2025, half: 1), false),
        ("2015/2025", TimeRef(year: 2020), true),
        ("2015/2025", TimeRef(year: 2026), false),
    ])
    func admits(fact: String, q: TimeRef, expected: Bool) throws {
        #expect(try #require(TimeRef(fact)).admits(q) == expected)
    }
}
