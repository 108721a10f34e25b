/// Forgiving name search over the register, built once and queried in microseconds.
///
/// Finds a name however people type it: any case, umlauts as `ü`/`ue`/`u`, `ß`/`ss`,
/// "St."/"Sankt", with or without "Bad", hyphens or spaces, the official suffix (", Stadt"),
/// the name without its qualifier ("Halle" for "Halle (Saale)"), a prefix while typing, and one
/// wrong, missing, extra or swapped letter. Entries are Gemeinden, Kreise and Gemeindeverbände;
/// a first word naming a kind ("Kreis Warendorf", "Samtgemeinde Hemmoor") looks among that kind.
public struct RegisterSearchIndex: Sendable {
    /// How well a hit matches; lower is better.
    public enum MatchQuality: Int, Sendable, Comparable, Codable {
        /// The name as typed (case, umlaut spelling, hyphens aside), or its main part without
        /// the qualifier ("Halle" for "Halle (Saale)") or the word naming the kind ("Hannover"
        /// for "Region Hannover"); a key (AGS, ARS, postcode) as typed.
        case exact = 0
        /// The name with umlauts typed without the `e`, or without "Bad".
        case variant = 1
        /// The name starts with what was typed (a postcode with the digits typed).
        case prefix = 2
        /// A word of the name starts with what was typed.
        case wordPrefix = 3
        /// One letter off.
        case typo = 4

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Hit: Sendable, Equatable {
        public var id: Int
        public var quality: MatchQuality
    }

    public struct Entry: Sendable {
        public var name: String
        /// Ties within one quality and kind go to the larger value (the population).
        public var weight: Int
        public var kind: PlaceKind
        public init(name: String, weight: Int, kind: PlaceKind = .gemeinde) {
            self.name = name
            self.weight = weight
            self.kind = kind
        }
    }

    private struct DeletionRef: Sendable {
        var hash: UInt64
        var id: Int32
    }

    private struct KeyRef: Sendable {
        var key: [UInt8]
        var id: Int32
    }

    private let weights: [Int]
    private let kinds: [PlaceKind]
    private let sortKeys: [String]
    private var exact: [String: [Int32]] = [:]
    private var variants: [String: [Int32]] = [:]
    /// Whole-name keys (both spellings, main part, without "Bad"), sorted for prefix look-up.
    private var nameKeys: [KeyRef] = []
    /// Single words of names, sorted for prefix look-up.
    private var wordKeys: [KeyRef] = []
    /// Hashes of the keys with one letter deleted, with their ids, sorted by hash: the
    /// symmetric-deletion index for one-letter-off matches. Hashes instead of strings keep it
    /// at 16 bytes an entry; a collision only adds a candidate that the edit-distance check drops.
    private var deletions: [DeletionRef] = []
    private var keysOfId: [[String]] = []

    public init(entries: [Entry]) {
        weights = entries.map(\.weight)
        kinds = entries.map(\.kind)
        sortKeys = entries.map { SearchKey(name: $0.name).expanded }
        keysOfId.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let id = Int32(index)
            let key = SearchKey(name: entry.name)
            let main = SearchKey.mainPart(of: entry.name, kind: entry.kind)
            var exactKeys = [key.expanded]
            if let main { exactKeys.append(main.expanded) }
            var variantKeys = [key.stripped, key.withoutBad, main?.stripped, main?.withoutBad].compactMap { $0 }
            variantKeys.removeAll { exactKeys.contains($0) }
            for exactKey in Set(exactKeys) { exact[exactKey, default: []].append(id) }
            for variant in Set(variantKeys) { variants[variant, default: []].append(id) }
            for full in Set(exactKeys + variantKeys) { nameKeys.append(KeyRef(key: Array(full.utf8), id: id)) }
            let words = Set(key.expandedWords + key.strippedWords)
            for word in words where word.utf8.count >= 2 { wordKeys.append(KeyRef(key: Array(word.utf8), id: id)) }
            let typoKeys = Set([key.expanded, key.stripped, main?.expanded, main?.stripped].compactMap { $0 })
            for typoKey in typoKeys {
                for deletion in Self.deletionsOf(typoKey) { deletions.append(DeletionRef(hash: Self.hash(deletion), id: id)) }
            }
            keysOfId.append(Array(typoKeys))
        }
        deletions.sort { ($0.hash, $0.id) < ($1.hash, $1.id) }
        nameKeys.sort { $0.key.lexicographicallyPrecedes($1.key) }
        wordKeys.sort { $0.key.lexicographicallyPrecedes($1.key) }
    }

    public func kind(of id: Int) -> PlaceKind { kinds[id] }

    /// All entries that match `query`, best first: quality, then the kind the query names
    /// (else Gemeinden, Kreise, Gemeindeverbände), then weight, then name.
    public func search(_ query: String) -> [Hit] {
        let typed = PlaceQueryKey(query)
        var best: [Int32: MatchQuality] = [:]
        collect(typed.whole, kind: nil, into: &best)
        if let word = typed.kindWord { collect(word.rest, kind: word.kind, into: &best) }
        return ranked(best, preferring: typed.preferredKind)
    }

    /// Hits in the order of `search`.
    func ranked(_ best: [Int32: MatchQuality], preferring preferred: PlaceKind) -> [Hit] {
        let order = PlaceKind.allCases
        func kindRank(_ kind: PlaceKind) -> Int { kind == preferred ? -1 : order.firstIndex(of: kind)! }
        return
            best
            .map { Hit(id: Int($0.key), quality: $0.value) }
            .sorted { a, b in
                if a.quality != b.quality { return a.quality < b.quality }
                if kinds[a.id] != kinds[b.id] { return kindRank(kinds[a.id]) < kindRank(kinds[b.id]) }
                if weights[a.id] != weights[b.id] { return weights[a.id] > weights[b.id] }
                return sortKeys[a.id] < sortKeys[b.id]
            }
    }

    /// Notes the entries (of `kind`, or of any kind) that `key` matches, each with its best quality.
    private func collect(_ key: SearchKey, kind: PlaceKind?, into best: inout [Int32: MatchQuality]) {
        let expanded = key.expanded
        let stripped = key.stripped
        guard !expanded.isEmpty else { return }
        func note(_ ids: some Sequence<Int32>, _ quality: MatchQuality) {
            for id in ids {
                if let kind, kinds[Int(id)] != kind { continue }
                if let current = best[id], current <= quality { continue }
                best[id] = quality
            }
        }
        note(exact[expanded] ?? [], .exact)
        note(variants[expanded] ?? [], .variant)
        if stripped != expanded {
            note(exact[stripped] ?? [], .variant)
            note(variants[stripped] ?? [], .variant)
        }
        for typed in Set([expanded, stripped]) {
            note(Self.ids(in: nameKeys, withPrefix: Array(typed.utf8)), .prefix)
            note(Self.ids(in: wordKeys, withPrefix: Array(typed.utf8)), .wordPrefix)
        }
        if expanded.utf8.count >= 4 {
            for typed in Set([expanded, stripped]) { note(typoMatches(of: typed), .typo) }
        }
    }

    private func typoMatches(of typed: String) -> [Int32] {
        var candidates = Set<Int32>()
        candidates.formUnion(deletionIDs(hash: Self.hash(Array(typed.utf8))))
        for deletion in Self.deletionsOf(typed) {
            let text = String(decoding: deletion, as: UTF8.self)
            candidates.formUnion(exact[text] ?? [])
            candidates.formUnion(variants[text] ?? [])
            candidates.formUnion(deletionIDs(hash: Self.hash(deletion)))
        }
        let typedBytes = Array(typed.utf8)
        return candidates.filter { id in
            keysOfId[Int(id)].contains { EditDistance.isWithinOne(Array($0.utf8), typedBytes) }
        }
    }

    private static func deletionsOf(_ key: String) -> [[UInt8]] {
        let bytes = Array(key.utf8)
        guard bytes.count > 1 else { return [] }
        var result: [[UInt8]] = []
        result.reserveCapacity(bytes.count)
        for index in bytes.indices {
            var copy = bytes
            copy.remove(at: index)
            result.append(copy)
        }
        return result
    }

    /// FNV-1a, 64 bit.
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    private func deletionIDs(hash: UInt64) -> ArraySlice<Int32> {
        var low = 0
        var high = deletions.count
        while low < high {
            let mid = (low + high) / 2
            if deletions[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < deletions.count, deletions[end].hash == hash { end += 1 }
        return ArraySlice(deletions[low..<end].map(\.id))
    }

    private static func ids(in sorted: [KeyRef], withPrefix prefix: [UInt8]) -> [Int32] {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].key.lexicographicallyPrecedes(prefix) { low = mid + 1 } else { high = mid }
        }
        var result: [Int32] = []
        var index = low
        while index < sorted.count, sorted[index].key.starts(with: prefix) {
            result.append(sorted[index].id)
            index += 1
        }
        return result
    }
}
