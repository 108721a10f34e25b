/// What an in-memory structure holds on the heap, by part: counted from capacities and strides
/// (arrays, dictionaries, strings too long to live inline), without the allocator's rounding.
/// An estimate to see where the bytes per item go, not a measurement of the process: the
/// benchmarks measure the resident size beside it.
public struct MemoryUse: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var name: String
        public var bytes: Int
    }

    public private(set) var parts: [Part] = []

    public init() {}

    init(_ parts: [Part]) { self.parts = parts }

    public var total: Int { parts.reduce(0) { $0 + $1.bytes } }

    public mutating func add(_ name: String, _ bytes: Int) {
        if let index = parts.firstIndex(where: { $0.name == name }) {
            parts[index].bytes += bytes
        } else {
            parts.append(Part(name: name, bytes: bytes))
        }
    }

    /// Both, parts of the same name added up.
    public func merged(with other: MemoryUse, prefix: String = "") -> MemoryUse {
        var merged = self
        for part in other.parts { merged.add(prefix + part.name, part.bytes) }
        return merged
    }

    /// One line per part, largest first, with the bytes per item.
    public func report(items: Int) -> String {
        let per = { (bytes: Int) in items == 0 ? "–" : String(bytes / items) }
        var lines = ["In memory for \(items) items: \(total / 1_048_576) MiB, \(per(total)) bytes per item"]
        for part in parts.sorted(by: { $0.bytes > $1.bytes }) {
            lines.append("  \(part.name): \(part.bytes / 1_048_576) MiB, \(per(part.bytes)) bytes per item")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Counting

    /// An array's buffer (header and capacity); an empty one shares a static buffer.
    static func array<Element>(_ array: [Element]) -> Int {
        array.capacity == 0 ? 0 : 32 + array.capacity * MemoryLayout<Element>.stride
    }

    /// Arrays in an array: the outer buffer and each inner one.
    static func nested<Element>(_ arrays: [[Element]]) -> Int {
        arrays.reduce(array(arrays)) { $0 + array($1) }
    }

    /// A native string longer than 15 UTF-8 bytes lives in a heap buffer of its own.
    static func string(_ string: String) -> Int {
        let count = string.utf8.count
        return count <= 15 ? 0 : 32 + count + 1
    }

    static func strings(_ strings: [String]) -> Int {
        strings.reduce(array(strings)) { $0 + string($1) }
    }

    /// A dictionary's storage: its buckets (a power of two, at most three quarters full) of keys
    /// and values, and a bit per bucket.
    static func dictionary<Key, Value>(_ dictionary: [Key: Value]) -> Int {
        guard dictionary.capacity > 0 else { return 0 }
        var buckets = 1
        while buckets * 3 < dictionary.capacity * 4 { buckets <<= 1 }
        return 64 + buckets * (MemoryLayout<Key>.stride + MemoryLayout<Value>.stride) + buckets / 8
    }

    /// A dictionary with string keys: its storage and the keys' own buffers.
    static func stringKeyed<Value>(_ dictionary: [String: Value]) -> Int {
        dictionary.keys.reduce(Self.dictionary(dictionary)) { $0 + string($1) }
    }
}
