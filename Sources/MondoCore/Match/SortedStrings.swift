/// A small set of strings kept as a sorted array: what a compiled intent holds several of (the
/// entities in its scope, its participants, the numbers its examples name). A `Set` of two
/// strings takes about twice the memory of an array of two, and at 10,000 intents the sets were
/// a fifth of the compiled pack. Made once, from a set, when an intent is compiled; lookups are
/// binary searches, O(log n).
public struct SortedStrings: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    /// The strings, ascending, without repeats.
    public private(set) var elements: [String]

    /// The strings of `strings`, sorted, once each.
    public init<S: Sequence>(_ strings: S) where S.Element == String {
        elements = Array(Set(strings)).sorted()
    }

    public init(arrayLiteral strings: String...) { self.init(strings) }

    /// Strings already sorted and without repeats (as stored), unchecked.
    init(sorted: [String]) { elements = sorted }

    public func makeIterator() -> IndexingIterator<[String]> { elements.makeIterator() }
    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }

    /// Where `s` is or would go. O(log n).
    private func slot(_ s: String) -> Int {
        var lo = 0, hi = elements.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if elements[mid] < s { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// True when `s` is one of the strings. O(log n).
    public func contains(_ s: String) -> Bool {
        let i = slot(s)
        return i < elements.count && elements[i] == s
    }

    /// True when no string of `other` is one of these. O(m log n).
    public func isDisjoint(with other: Set<String>) -> Bool {
        !other.contains(where: contains)
    }
}
