/// The words within one typo of a query word, without comparing it to every word: a symmetric
/// deletion index (SymSpell, Wolf Garbe 2012). Each word is filed under itself and under each
/// string it becomes with one letter deleted; a query looks up itself and its own one-letter
/// deletions. Two words at Damerau–Levenshtein distance one always share such a key (a wrong,
/// missing, extra or swapped letter), so the look-up finds every one of them, and a bounded
/// check (`EditDistance.isWithinOne`) removes the few that only share a key.
///
/// Keys are 64-bit FNV-1a hashes of the byte strings (a collision only adds a candidate that
/// the check removes); the candidates of one key form a chain through `next`. Words are only
/// added: a word whose items are gone stays until the index is rebuilt, and callers skip words
/// without live items.
struct TypoNeighbourhood: Sendable {
    private var first: [UInt64: Int32] = [:]
    private var word: [Int32] = []
    private var next: [Int32] = []

    var memory: Int { MemoryUse.dictionary(first) + MemoryUse.array(word) + MemoryUse.array(next) }

    /// Files `number` (a word's number) under the keys of `bytes`.
    mutating func insert(_ bytes: some Collection<UInt8>, number: Int32) {
        for key in Self.keys(Array(bytes)) {
            let entry = Int32(word.count)
            word.append(number)
            next.append(first[key] ?? -1)
            first[key] = entry
        }
    }

    /// Numbers of the words that may be one typo away from `bytes` (unchecked, without repeats).
    func candidates(_ bytes: [UInt8]) -> [Int32] {
        var found: [Int32] = []
        for key in Self.keys(bytes) {
            var entry = first[key] ?? -1
            while entry >= 0 {
                let number = word[Int(entry)]
                if !found.contains(number) { found.append(number) }
                entry = next[Int(entry)]
            }
        }
        return found
    }

    /// The hash of `bytes` and of each of its one-byte deletions, without repeats ("ss" deleted
    /// either way gives the same string).
    static func keys(_ bytes: [UInt8]) -> [UInt64] {
        var keys = [hash(bytes, skipping: -1)]
        keys.reserveCapacity(bytes.count + 1)
        for position in bytes.indices where position == 0 || bytes[position] != bytes[position - 1] {
            keys.append(hash(bytes, skipping: position))
        }
        return keys
    }

    private static func hash(_ bytes: [UInt8], skipping skipped: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (position, byte) in bytes.enumerated() where position != skipped {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
