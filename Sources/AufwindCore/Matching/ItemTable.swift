/// The published items as the `MatchEngine` and the `ItemSearchIndex` keep them, one slot per
/// item in the order they were added: id and title as UTF-8 in one shared buffer, everything
/// else as small numbers in arrays per field (what the hot loops compare), owners numbered.
/// `CooperationItem` values are made only for the items a query returns. At 500,000 items
/// this is about a sixth of what an array of `CooperationItem` (strings and sets of its own per
/// item) and a `[String: Int]` by id held. No description is kept.
///
/// Slots are never reused: a removed item's slot stays dead until the owner of the table
/// rebuilds it (compaction). Ids are found through an open-addressing hash table of slot
/// numbers (`buckets`), compared byte by byte with the stored id; dead slots never match.
struct ItemTable: Sendable {
    /// Per slot.
    private(set) var alive: [Bool] = []
    private(set) var ownerNumber: [Int32] = []
    /// Positions in `ItemKind.allCases`, `ItemStatus.allCases` (`UInt8.max`: none), `Reach.allCases`.
    private(set) var kindIndex: [UInt8] = []
    private(set) var statusIndex: [UInt8] = []
    private(set) var reachIndex: [UInt8] = []
    private(set) var isPublic: [Bool] = []
    /// Handlungsfelder by their position, Unterthemen by their position in `Unterthema.all`.
    private(set) var fieldBits: [UInt16] = []
    private(set) var subthemeBits: [UInt64] = []
    /// The desired size classes as bits by position; bit 6: the id is stored as a UUID's 16 bytes
    /// (`compactID`); bit 7: demo data.
    private var details: [UInt8] = []
    /// Id and title of slot `s`: `text[textStart[2s]..<textStart[2s+1]]` and `…[2s+1]..<…[2s+2]`.
    /// An id that is a UUID as the server writes it (lowercase with dashes: 36 bytes) is kept as
    /// its 16 bytes; any other as its UTF-8.
    private var text: [UInt8] = []
    private var textStart: [UInt32] = [0]
    /// Sub-theme ids no longer in the catalogue (kept as they were; rare).
    private var otherSubthemes: [Int32: Set<String>] = [:]
    /// Slot numbers by the hash of their id (-1: empty); a power of two, at most half full.
    private var buckets: [Int32] = []

    /// Owners by number.
    private(set) var ownerKeys: [String] = []
    private var ownerNumbers: [String: Int32] = [:]

    /// Slots, dead ones included.
    var count: Int { alive.count }
    /// Live slots.
    private(set) var liveCount = 0
    /// Slots added and killed so far (two tables that made the same changes agree on it).
    private(set) var changeCount = 0
    var indices: Range<Int> { 0..<alive.count }

    init(reservingCapacity capacity: Int = 0) {
        guard capacity > 0 else { return }
        alive.reserveCapacity(capacity)
        ownerNumber.reserveCapacity(capacity)
        kindIndex.reserveCapacity(capacity)
        statusIndex.reserveCapacity(capacity)
        reachIndex.reserveCapacity(capacity)
        isPublic.reserveCapacity(capacity)
        fieldBits.reserveCapacity(capacity)
        subthemeBits.reserveCapacity(capacity)
        details.reserveCapacity(capacity)
        textStart.reserveCapacity(2 * capacity + 1)
        buckets = Array(repeating: -1, count: Self.bucketCount(for: capacity))
    }

    static func fieldBits(_ fields: Set<Handlungsfeld>) -> UInt16 {
        var bits: UInt16 = 0
        for (position, field) in Handlungsfeld.allCases.enumerated() where fields.contains(field) { bits |= 1 << position }
        return bits
    }

    private static let subthemePosition = Dictionary(uniqueKeysWithValues: Unterthema.all.enumerated().map { ($1.id, $0) })

    static func subthemeBits(_ ids: Set<String>) -> UInt64 {
        var bits: UInt64 = 0
        for id in ids { if let position = subthemePosition[id] { bits |= 1 << UInt64(position) } }
        return bits
    }

    // MARK: Adding and removing

    /// Adds `item` in a new slot (its description is not kept); the caller has removed a live
    /// item of the same id. `isNewOwner`: the owner got the next owner number.
    @discardableResult
    mutating func append(_ item: CooperationItem) -> (slot: Int, isNewOwner: Bool) {
        let slot = alive.count
        alive.append(true)
        liveCount += 1
        changeCount += 1
        kindIndex.append(UInt8(ItemKind.allCases.firstIndex(of: item.kind)!))
        statusIndex.append(item.status.flatMap { ItemStatus.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? .max)
        reachIndex.append(UInt8(Reach.allCases.firstIndex(of: item.reach)!))
        isPublic.append(item.visibility == .oeffentlich)
        fieldBits.append(Self.fieldBits(item.handlungsfelder))
        subthemeBits.append(Self.subthemeBits(item.unterthemen))
        let unknown = item.unterthemen.filter { Self.subthemePosition[$0] == nil }
        if !unknown.isEmpty { otherSubthemes[Int32(slot)] = unknown }
        var detail: UInt8 = item.isDemo ? 0x80 : 0
        for (position, size) in Groessenklasse.allCases.enumerated() where item.desiredSizes.contains(size) { detail |= 1 << position }
        if let uuid = Self.compactBytes(of: item.id) {
            detail |= Self.compactID
            text.append(contentsOf: uuid)
        } else {
            text.append(contentsOf: item.id.utf8)
        }
        details.append(detail)
        textStart.append(UInt32(text.count))
        text.append(contentsOf: item.title.utf8)
        textStart.append(UInt32(text.count))
        let isNewOwner: Bool
        if let number = ownerNumbers[item.ownerKey] {
            ownerNumber.append(number)
            isNewOwner = false
        } else {
            let number = Int32(ownerKeys.count)
            ownerNumbers[item.ownerKey] = number
            ownerKeys.append(item.ownerKey)
            ownerNumber.append(number)
            isNewOwner = true
        }
        if 2 * alive.count > buckets.count {
            rehash(into: Self.bucketCount(for: alive.count))
        } else {
            insertIntoBuckets(slot)
        }
        return (slot, isNewOwner)
    }

    /// The slot no longer holds a live item.
    mutating func kill(_ slot: Int) {
        guard alive[slot] else { return }
        alive[slot] = false
        liveCount -= 1
        changeCount += 1
        otherSubthemes[Int32(slot)] = nil
    }

    /// Gives back what the arrays reserved beyond their contents (after a bulk load).
    mutating func shrink() {
        alive.shrink()
        ownerNumber.shrink()
        kindIndex.shrink()
        statusIndex.shrink()
        reachIndex.shrink()
        isPublic.shrink()
        fieldBits.shrink()
        subthemeBits.shrink()
        details.shrink()
        text.shrink()
        textStart.shrink()
    }

    // MARK: Reading

    func ownerNumber(of key: String) -> Int32? { ownerNumbers[key] }

    /// The live slot of `id`.
    func slot(of id: String) -> Int? {
        guard !buckets.isEmpty else { return nil }
        return Self.withStoredBytes(of: id) { bytes, compact in
            let mask = buckets.count - 1
            var bucket = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
            while true {
                let slot = Int(buckets[bucket])
                if slot < 0 { return nil }
                if alive[slot] && idBytesEqual(slot, bytes, compact: compact) { return slot }
                bucket = (bucket + 1) & mask
            }
        }
    }

    func id(at slot: Int) -> String {
        let start = Int(textStart[2 * slot])
        let end = Int(textStart[2 * slot + 1])
        guard isCompact(slot) else { return string(start, end) }
        return text.withUnsafeBufferPointer { Self.uuidString(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    func title(at slot: Int) -> String { string(Int(textStart[2 * slot + 1]), Int(textStart[2 * slot + 2])) }

    func hasID(_ slot: Int, _ id: String) -> Bool {
        Self.withStoredBytes(of: id) { idBytesEqual(slot, $0, compact: $1) }
    }

    /// Whether slot `a`'s id sorts before slot `b`'s (by UTF-8 bytes: for the ASCII ids the
    /// server uses, the order of `String`). Two UUIDs kept as bytes sort as their lowercase text.
    func idPrecedes(_ a: Int, _ b: Int) -> Bool {
        guard isCompact(a) == isCompact(b) else { return id(at: a).utf8.lexicographicallyPrecedes(id(at: b).utf8) }
        let aRange = Int(textStart[2 * a])..<Int(textStart[2 * a + 1])
        let bRange = Int(textStart[2 * b])..<Int(textStart[2 * b + 1])
        return text.withUnsafeBufferPointer { buffer in
            buffer[aRange].lexicographicallyPrecedes(buffer[bRange])
        }
    }

    func handlungsfelder(at slot: Int) -> Set<Handlungsfeld> {
        let bits = fieldBits[slot]
        return Set(Handlungsfeld.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element))
    }

    func unterthemen(at slot: Int) -> Set<String> {
        let bits = subthemeBits[slot]
        var ids = otherSubthemes[Int32(slot)] ?? []
        if bits != 0 {
            for (position, subtheme) in Unterthema.all.enumerated() where bits & (1 << UInt64(position)) != 0 { ids.insert(subtheme.id) }
        }
        return ids
    }

    /// The item in `slot`, without its description.
    subscript(slot: Int) -> CooperationItem {
        let detail = details[slot]
        return CooperationItem(
            id: id(at: slot), kind: ItemKind.allCases[Int(kindIndex[slot])], ownerKey: ownerKeys[Int(ownerNumber[slot])],
            title: title(at: slot), description: "", handlungsfelder: handlungsfelder(at: slot), reach: Reach.allCases[Int(reachIndex[slot])],
            desiredSizes: Set(Groessenklasse.allCases.enumerated().filter { detail & (1 << $0.offset) != 0 }.map(\.element)),
            unterthemen: unterthemen(at: slot),
            status: statusIndex[slot] == .max ? nil : ItemStatus.allCases[Int(statusIndex[slot])],
            visibility: isPublic[slot] ? .oeffentlich : .kommunen, isDemo: detail & 0x80 != 0)
    }

    /// Whether `other` holds the same slots, as two indexes do that made the same changes in the
    /// same order since they were built (a cheap test of the counts of slots, live slots, changes,
    /// bytes and owners and of the last slot's id, not of every byte).
    func hasSameSlots(as other: ItemTable) -> Bool {
        count == other.count && liveCount == other.liveCount && changeCount == other.changeCount && text.count == other.text.count
            && buckets.count == other.buckets.count && ownerKeys.count == other.ownerKeys.count
            && (count == 0 || (id(at: count - 1) == other.id(at: count - 1) && alive[count - 1] == other.alive[count - 1]))
    }

    /// Whether the two share their storage (are one copy in memory).
    func sharesStorage(with other: ItemTable) -> Bool {
        text.withUnsafeBufferPointer { mine in other.text.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress } }
            && alive.withUnsafeBufferPointer { mine in other.alive.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress } }
    }

    var memory: Int {
        MemoryUse.array(alive) + MemoryUse.array(ownerNumber) + MemoryUse.array(kindIndex) + MemoryUse.array(statusIndex)
            + MemoryUse.array(reachIndex) + MemoryUse.array(isPublic) + MemoryUse.array(fieldBits) + MemoryUse.array(subthemeBits)
            + MemoryUse.array(details) + MemoryUse.array(text) + MemoryUse.array(textStart) + MemoryUse.dictionary(otherSubthemes)
            + MemoryUse.array(buckets) + MemoryUse.strings(ownerKeys) + MemoryUse.stringKeyed(ownerNumbers)
    }

    // MARK: The id hash table

    private func string(_ start: Int, _ end: Int) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    private func idBytesEqual(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>, compact: Bool) -> Bool {
        guard isCompact(slot) == compact else { return false }
        let start = Int(textStart[2 * slot])
        let end = Int(textStart[2 * slot + 1])
        guard end - start == bytes.count else { return false }
        return text.withUnsafeBufferPointer { buffer in buffer[start..<end].elementsEqual(bytes) }
    }

    // MARK: Ids as UUID bytes

    private static let compactID: UInt8 = 0x40

    private func isCompact(_ slot: Int) -> Bool { details[slot] & Self.compactID != 0 }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The 16 bytes of `id` when it is a UUID written as the server writes them: 36 characters,
    /// lowercase hexadecimal digits with dashes after the 8th, 12th, 16th and 20th.
    static func compactBytes(of id: String) -> [UInt8]? {
        let utf8 = id.utf8
        guard utf8.count == 36 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        for (position, character) in utf8.enumerated() {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The id's bytes as the table keeps them, and whether they are a UUID's 16.
    private static func withStoredBytes<Result>(of id: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Result) -> Result {
        if let compact = compactBytes(of: id) { return compact.withUnsafeBufferPointer { body($0, true) } }
        var id = id
        return id.withUTF8 { body($0, false) }
    }

    /// 16 bytes as a lowercase UUID with dashes.
    private static func uuidString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for (position, byte) in bytes.enumerated() {
                if position == 4 || position == 6 || position == 8 || position == 10 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0f)]
                index += 2
            }
            return index
        }
    }

    private static func bucketCount(for slots: Int) -> Int {
        var count = 16
        while count < 2 * slots { count <<= 1 }
        return count
    }

    /// 64-bit FNV-1a.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    private func bucketHash(of slot: Int) -> UInt64 {
        let start = Int(textStart[2 * slot])
        let end = Int(textStart[2 * slot + 1])
        return text.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    private mutating func insertIntoBuckets(_ slot: Int) {
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: bucketHash(of: slot)) & mask
        while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
        buckets[bucket] = Int32(slot)
    }

    /// Files every live slot anew (dead ones are never looked for again).
    private mutating func rehash(into count: Int) {
        buckets = Array(repeating: -1, count: count)
        for slot in alive.indices where alive[slot] { insertIntoBuckets(slot) }
    }
}

extension Array {
    /// The same elements in a buffer of their own count (an array grown by appending keeps up to
    /// twice what it holds).
    mutating func shrink() {
        guard capacity > count + count / 16 + 8 else { return }
        self = withUnsafeBufferPointer { source in
            Array(unsafeUninitializedCapacity: source.count) { target, initialized in
                initialized = target.initialize(fromContentsOf: source)
            }
        }
    }
}
