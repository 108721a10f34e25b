/// The words that contain a given string, without scanning them all: each word is filed under
/// each of its trigrams (three consecutive bytes); a word containing "planung" contains all of
/// its trigrams, so the shortest of their lists holds every such word, and a substring check
/// of those few finds them. Words are only added (see `TypoNeighbourhood`).
struct TrigramIndex: Sendable {
    private var lists: [UInt32: [Int32]] = [:]

    var memory: Int { lists.values.reduce(MemoryUse.dictionary(lists)) { $0 + MemoryUse.array($1) } }

    mutating func insert(_ bytes: [UInt8], number: Int32) {
        guard bytes.count >= 3 else { return }
        var seen: [UInt32] = []
        for start in 0...(bytes.count - 3) {
            let gram = Self.gram(bytes, at: start)
            if seen.contains(gram) { continue }
            seen.append(gram)
            lists[gram, default: []].append(number)
        }
    }

    /// Numbers of the words that may contain `key` (at least three bytes): the shortest list of
    /// its trigrams, unchecked.
    func candidates(containing key: [UInt8]) -> [Int32] {
        guard key.count >= 3 else { return [] }
        var shortest: [Int32]?
        for start in 0...(key.count - 3) {
            guard let list = lists[Self.gram(key, at: start)] else { return [] }
            if shortest == nil || list.count < shortest!.count { shortest = list }
        }
        return shortest ?? []
    }

    private static func gram(_ bytes: [UInt8], at start: Int) -> UInt32 {
        UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
    }
}
