import Foundation

/// The compact binary form of a compiled pack (``CompiledPackCache``): far faster to read back
/// than YAML is to parse and a pack to compile. Not a stable format: it is read only by the
/// build that wrote it (the cache key holds the executable's identity).
///
/// Every stored type writes its fields by hand, in declaration order, and reads them back in
/// the same order (``ArchiveCodable``): with the types known at compile time, reading costs no
/// dynamic cast and no container object per value, which `Codable` would.
///
/// Layout: first a table of every distinct string (a count, then each string's byte count and
/// UTF-8), then the value, in which a string is its position in the table (a pack repeats its
/// words thousands of times). Counts, positions and integers are variable-length (LEB128; signed
/// integers zigzag-encoded first), so small ones take a byte; a double and a 64-bit hash take 8
/// bytes, little-endian; a Bool or an enum's case one byte; an array or a set is a count and the
/// elements; a dictionary a count and each key and value; an optional a tag byte (0 nil, 1
/// present) and the value.
enum BinaryArchive {
    /// The bytes of `value`. O(size of the value).
    static func encode<T: ArchiveCodable>(_ value: T) -> [UInt8] {
        let writer = ArchiveWriter()
        value.write(to: writer)
        let body = writer.bytes
        writer.bytes = []
        writer.writeCount(writer.strings.count)
        for s in writer.strings {
            var s = s
            s.withUTF8 { u in writer.writeCount(u.count); writer.bytes.append(contentsOf: u) }
        }
        return writer.bytes + body
    }

    /// The value in `bytes`, written by ``encode(_:)`` for the same type. O(size of the bytes).
    /// - Throws: ``ArchiveError`` when the bytes end early or have bytes left over, or a value is
    ///   out of range (a string number, an enum's case). Bytes that are not UTF-8 in a string are
    ///   replaced (U+FFFD): the caller checks the bytes first (``CompiledPackCache`` keeps a checksum).
    static func decode<T: ArchiveCodable>(_ type: T.Type, from bytes: [UInt8]) throws(ArchiveError) -> T {
        try bytes.withUnsafeBytes { (raw) -> Result<T, ArchiveError> in
            do throws(ArchiveError) { return .success(try decode(T.self, from: raw)) } catch { return .failure(error) }
        }.get()
    }

    /// The value in `raw` (read in place, not copied), as ``decode(_:from:)-([UInt8])``.
    /// `release` is called now and then with the number of bytes read so far (to unmap them).
    static func decode<T: ArchiveCodable>(_ type: T.Type, from raw: UnsafeRawBufferPointer,
                                          release: ((Int) -> Void)? = nil) throws(ArchiveError) -> T {
        let reader = ArchiveReader(raw, release: release)
        try reader.readStringTable()
        let value = try T(readingFrom: reader)
        guard reader.position == raw.count else { throw ArchiveError("\(raw.count - reader.position) bytes left over") }
        return value
    }
}

/// Why an archive does not read back.
struct ArchiveError: Error, CustomStringConvertible {
    var description: String
    init(_ what: String) { description = "compiled pack archive: \(what)" }
}

/// A type stored in a ``BinaryArchive``.
protocol ArchiveCodable {
    /// Writes the value; ``init(readingFrom:)`` must read back exactly these bytes.
    func write(to writer: ArchiveWriter)
    /// Reads a value written by ``write(to:)``.
    /// - Throws: ``ArchiveError`` (see ``BinaryArchive/decode(_:from:)``).
    init(readingFrom reader: ArchiveReader) throws(ArchiveError)
}

/// The bytes being written, with the table of strings met so far.
final class ArchiveWriter {
    var bytes: [UInt8] = []
    /// Each distinct string once, in the order first met.
    private(set) var strings: [String] = []
    private var stringIDs: [String: UInt32] = [:]

    init() { bytes.reserveCapacity(1 << 16) }

    func write<T: ArchiveCodable>(_ value: T) { value.write(to: self) }
    func writeFixed<I: FixedWidthInteger>(_ v: I) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
    /// An unsigned number in 7-bit groups, low first, the high bit set on all but the last (LEB128):
    /// counts, string numbers and small integers take one or two bytes instead of four or eight.
    func writeVarint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    func writeCount(_ n: Int) { writeVarint(UInt64(n)) }
    /// An array's or a set's layout: the count, then each element.
    func writeElements<C: Collection>(_ elements: C) where C.Element: ArchiveCodable {
        writeCount(elements.count)
        for e in elements { e.write(to: self) }
    }
    func writeString(_ s: String) {
        if let id = stringIDs[s] { writeVarint(UInt64(id)); return }
        let id = UInt32(strings.count)
        stringIDs[s] = id
        strings.append(s)
        writeVarint(UInt64(id))
    }
}

/// The bytes being read (borrowed for the duration of ``BinaryArchive/decode(_:from:)``) and a cursor.
final class ArchiveReader {
    let base: UnsafeRawBufferPointer
    private(set) var position = 0
    private var strings: [String] = []
    /// Values read so far that many others equal (``shared(_:)``), one table per type.
    private var sharedSets: [Set<String>: Set<String>] = [:]
    private var sharedSorted: [SortedStrings: SortedStrings] = [:]
    private var sharedKinds: [Set<QuestionKind>: Set<QuestionKind>] = [:]
    /// Called with the number of bytes read so far, each time another ``releaseStep`` bytes have
    /// been read: a memory-mapped file's reader gives the pages behind it back to the system.
    private let release: ((Int) -> Void)?
    private var nextRelease: Int
    static let releaseStep = 1 << 18

    init(_ base: UnsafeRawBufferPointer, release: ((Int) -> Void)? = nil) {
        self.base = base
        self.release = release
        nextRelease = release == nil ? Int.max : Self.releaseStep
    }

    @inline(__always)
    private func released() {
        if position >= nextRelease {
            release?(position)
            nextRelease = position + Self.releaseStep
        }
    }

    func read<T: ArchiveCodable>() throws(ArchiveError) -> T { try T(readingFrom: self) }

    /// Throws unless `n` more bytes are there.
    func need(_ n: Int) throws(ArchiveError) {
        guard n >= 0, base.count - position >= n else { throw ArchiveError("ends early") }
    }
    func readFixed<I: FixedWidthInteger>(_ type: I.Type) throws(ArchiveError) -> I {
        try need(MemoryLayout<I>.size)
        let v = base.loadUnaligned(fromByteOffset: position, as: I.self)
        position += MemoryLayout<I>.size
        return I(littleEndian: v)
    }
    func readVarint() throws(ArchiveError) -> UInt64 {
        released()
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < base.count else { throw ArchiveError("ends early") }
            let b = base[position]
            position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
            guard shift < 64 else { throw ArchiveError("a number too long") }
        }
    }
    /// A count, at most 2³² − 1 (an archive of a larger count is damaged).
    func readCount() throws(ArchiveError) -> Int {
        let v = try readVarint()
        guard v <= UInt64(UInt32.max) else { throw ArchiveError("a count out of range") }
        return Int(v)
    }
    func readByte() throws(ArchiveError) -> UInt8 {
        try need(1)
        defer { position += 1 }
        return base[position]
    }
    func readString() throws(ArchiveError) -> String {
        let id = try readCount()
        guard id < strings.count else { throw ArchiveError("a string number out of range") }
        return strings[id]
    }

    /// `value`, or an equal value read before, whose storage is then shared: for the small
    /// collections that repeat from one intent to the next (the question kinds it answers, the
    /// entities in its scope, a role frame's verbs), a copy of each costs an allocation.
    /// O(hashing `value`).
    func shared(_ value: Set<String>) -> Set<String> { Self.shared(value, in: &sharedSets) }
    func shared(_ value: SortedStrings) -> SortedStrings { Self.shared(value, in: &sharedSorted) }
    func shared(_ value: Set<QuestionKind>) -> Set<QuestionKind> { Self.shared(value, in: &sharedKinds) }

    private static func shared<T: Hashable>(_ value: T, in table: inout [T: T]) -> T {
        if let v = table[value] { return v }
        table[value] = value
        return value
    }

    /// Reads the table of strings at the start of the archive.
    func readStringTable() throws(ArchiveError) {
        let count = try readCount()
        try need(count)
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let n = try readCount()
            try need(n)
            let slice = UnsafeRawBufferPointer(rebasing: base[position..<(position + n)])
            position += n
            // The checksum has vouched for the bytes: decoding (which repairs) is faster than validating.
            strings.append(String(decoding: slice, as: UTF8.self))
        }
    }
}

// MARK: - The standard types

extension String: ArchiveCodable {
    func write(to writer: ArchiveWriter) { writer.writeString(self) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) { self = try reader.readString() }
}

extension Int: ArchiveCodable {
    // Zigzag, then a varint: small numbers of either sign take one byte.
    func write(to writer: ArchiveWriter) { writer.writeVarint(UInt64(bitPattern: Int64((self << 1) ^ (self >> 63)))) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        let z = try reader.readVarint()
        self = Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
    }
}

extension UInt64: ArchiveCodable {
    func write(to writer: ArchiveWriter) { writer.writeFixed(self) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) { self = try reader.readFixed(UInt64.self) }
}

extension Int32: ArchiveCodable {
    func write(to writer: ArchiveWriter) { Int(self).write(to: writer) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        let v = try Int(readingFrom: reader)
        guard let x = Int32(exactly: v) else { throw ArchiveError("a number out of range") }
        self = x
    }
}

extension Double: ArchiveCodable {
    func write(to writer: ArchiveWriter) { writer.writeFixed(bitPattern) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) { self = Double(bitPattern: try reader.readFixed(UInt64.self)) }
}

extension Bool: ArchiveCodable {
    func write(to writer: ArchiveWriter) { writer.bytes.append(self ? 1 : 0) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) { self = try reader.readByte() != 0 }
}

extension Optional: ArchiveCodable where Wrapped: ArchiveCodable {
    func write(to writer: ArchiveWriter) {
        if let v = self { writer.bytes.append(1); v.write(to: writer) } else { writer.bytes.append(0) }
    }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        self = try reader.readByte() == 0 ? nil : try Wrapped(readingFrom: reader)
    }
}

extension Array: ArchiveCodable where Element: ArchiveCodable {
    func write(to writer: ArchiveWriter) { writer.writeElements(self) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        let n = try reader.readCount()
        try reader.need(n)  // every element takes a byte or more: a corrupt count fails here
        self.init()
        reserveCapacity(n)
        for _ in 0..<n { append(try Element(readingFrom: reader)) }
    }
}

extension Set: ArchiveCodable where Element: ArchiveCodable {
    func write(to writer: ArchiveWriter) { writer.writeElements(self) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        let n = try reader.readCount()
        try reader.need(n)
        self.init(minimumCapacity: n)
        for _ in 0..<n { insert(try Element(readingFrom: reader)) }
    }
}

extension Dictionary: ArchiveCodable where Key: ArchiveCodable, Value: ArchiveCodable {
    func write(to writer: ArchiveWriter) {
        writer.writeCount(count)
        for (k, v) in self { k.write(to: writer); v.write(to: writer) }
    }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        let n = try reader.readCount()
        try reader.need(n)
        self.init(minimumCapacity: n)
        for _ in 0..<n {
            let k = try Key(readingFrom: reader)
            self[k] = try Value(readingFrom: reader)
        }
    }
}

/// Enums stored by their raw name.
protocol ArchivedByName: ArchiveCodable, RawRepresentable where RawValue == String {}

extension ArchivedByName {
    func write(to writer: ArchiveWriter) { writer.writeString(rawValue) }
    init(readingFrom reader: ArchiveReader) throws(ArchiveError) {
        guard let v = Self(rawValue: try reader.readString()) else { throw ArchiveError("an unknown \(Self.self)") }
        self = v
    }
}
