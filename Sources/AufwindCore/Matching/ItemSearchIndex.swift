import Foundation

/// The item search's index over the published items: an inverted index of search terms
/// (`GermanTextAnalyzer.words`: folded, inflection dropped) of each item's title (counted twice),
/// description and the names of its Handlungsfelder and Unterthemen, with BM25 statistics, the
/// `SearchVocabulary` for compound parts and typos, and per item the few numbers the filters
/// compare. Kept current on writes (`upsert`, `remove`) like the `MatchEngine`, but separate
/// from it: the search compares words as people type them, the matching compares topics.
/// Removed items leave a tombstone until the next compaction. It keeps no descriptions; items it
/// returns have an empty one.
public struct ItemSearchIndex: Sendable {
    struct Posting {
        var slot: Int32
        var frequency: UInt16
    }

    /// Item slots in the order they were added; dead slots are skipped.
    var slots: [CooperationItem] = []
    var alive: [Bool] = []
    private var indexByID: [String: Int] = [:]
    /// Live items, and how many of them are public.
    public private(set) var count = 0
    private(set) var publicCount = 0

    private(set) var vocabulary = SearchVocabulary()
    /// By term number: the postings (dead slots included) and the live items containing it, all
    /// and public only.
    private(set) var postings: [[Posting]] = []
    private(set) var documentFrequency: [Int32] = []
    private(set) var publicDocumentFrequency: [Int32] = []

    /// Per slot its terms and their frequencies, flat: `slotTerms[termStart[slot]..<termStart[slot + 1]]`.
    private var termStart: [Int32] = [0]
    private var slotTerms: [Int32] = []
    private var slotFrequencies: [UInt16] = []
    private(set) var lengths: [Int32] = []
    private var totalLength = 0

    /// Per slot, for the filters: positions of kind, Stand (`UInt8.max`: none) and reach, the
    /// fields as bits, whether everyone may see it, and the owner as a number.
    private(set) var kindIndex: [UInt8] = []
    private(set) var statusIndex: [UInt8] = []
    private(set) var reachIndex: [UInt8] = []
    private(set) var fieldBits: [UInt16] = []
    private(set) var isPublic: [Bool] = []
    private(set) var ownerNumber: [Int32] = []
    /// Per owner: the Land code and the size class as a position (`UInt8.max`: unknown).
    private(set) var ownerLand: [String] = []
    private(set) var ownerSize: [UInt8] = []
    private var ownerNumbers: [String: Int32] = [:]
    private let sizeClasses: [String: Groessenklasse]

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        self.init(sizeClasses: towns.mapValues(\.groessenklasse))
        slots.reserveCapacity(items.count)
        for item in items { upsert(item) }
    }

    private init(sizeClasses: [String: Groessenklasse]) {
        self.sizeClasses = sizeClasses
    }

    static func fieldBits(_ fields: Set<Handlungsfeld>) -> UInt16 {
        var bits: UInt16 = 0
        for (position, field) in Handlungsfeld.allCases.enumerated() where fields.contains(field) { bits |= 1 << position }
        return bits
    }

    /// The live item with `id`.
    public func item(id: String) -> CooperationItem? { indexByID[id].map { slots[$0] } }

    // MARK: Keeping current

    /// Adds an item, or replaces the item with the same id.
    public mutating func upsert(_ item: CooperationItem) {
        if indexByID[item.id] != nil { remove(id: item.id) }
        var counts: [String: Int] = [:]
        var written: [String: String] = [:]
        func addTerm(_ term: String, times: Int, written form: @autoclosure () -> String) {
            counts[term, default: 0] += times
            if written[term] == nil && vocabulary.number(of: term) == nil { written[term] = form() }
        }
        func addText(_ text: String, times: Int) {
            for word in GermanTextAnalyzer.words(text) {
                guard let term = word.searchTerm else { continue }
                addTerm(term, times: times, written: String(text.unicodeScalars[word.range]))
            }
        }
        // The title counts twice: it says what the item is about. The names of its fields and
        // sub-themes make "Klima" or "IT-Sicherheit" find it.
        addText(item.title, times: 2)
        addText(item.description, times: 1)
        for field in Handlungsfeld.allCases where item.handlungsfelder.contains(field) {
            for word in Self.topicWords[field.label] ?? [] { addTerm(word.term, times: 1, written: word.written) }
        }
        for id in item.unterthemen.sorted() {
            for word in Unterthema.find(id).flatMap({ Self.topicWords[$0.label] }) ?? [] { addTerm(word.term, times: 1, written: word.written) }
        }
        var stored = item
        stored.description = ""
        append(stored, counts: counts.sorted { $0.key < $1.key }, written: written)
    }

    /// The search terms of the names of all Handlungsfelder and Unterthemen, analysed once.
    private static let topicWords: [String: [(term: String, written: String)]] = {
        var words: [String: [(term: String, written: String)]] = [:]
        for label in Handlungsfeld.allCases.map(\.label) + Unterthema.all.map(\.label) {
            words[label] = GermanTextAnalyzer.words(label).compactMap { word in
                word.searchTerm.map { (term: $0, written: String(label.unicodeScalars[word.range])) }
            }
        }
        return words
    }()

    /// How often `term` occurs in the names of the item's Handlungsfelder and Unterthemen.
    static func topicFrequency(of term: String, in item: CooperationItem) -> Int {
        let names = item.handlungsfelder.map(\.label) + item.unterthemen.compactMap { Unterthema.find($0)?.label }
        return names.reduce(0) { sum, name in sum + (topicWords[name] ?? []).filter { $0.term == term }.count }
    }

    private mutating func append(_ item: CooperationItem, counts: [(key: String, value: Int)], written: [String: String]) {
        let slot = Int32(slots.count)
        let visible = item.visibility == .oeffentlich
        var numbered: [(term: Int32, frequency: UInt16)] = []
        numbered.reserveCapacity(counts.count)
        var length = 0
        for (term, frequency) in counts {
            let number = vocabulary.add(term, written: written[term] ?? term)
            if Int(number) == postings.count {
                postings.append([])
                documentFrequency.append(0)
                publicDocumentFrequency.append(0)
            }
            let clamped = UInt16(min(frequency, Int(UInt16.max)))
            postings[Int(number)].append(Posting(slot: slot, frequency: clamped))
            documentFrequency[Int(number)] += 1
            if visible { publicDocumentFrequency[Int(number)] += 1 }
            numbered.append((number, clamped))
            length += frequency
        }
        slotTerms.append(contentsOf: numbered.map(\.term))
        slotFrequencies.append(contentsOf: numbered.map(\.frequency))
        termStart.append(Int32(slotTerms.count))
        slots.append(item)
        alive.append(true)
        indexByID[item.id] = Int(slot)
        count += 1
        if visible { publicCount += 1 }
        lengths.append(Int32(min(length, Int(Int32.max))))
        totalLength += length
        kindIndex.append(UInt8(ItemKind.allCases.firstIndex(of: item.kind)!))
        statusIndex.append(item.status.flatMap { ItemStatus.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? .max)
        reachIndex.append(UInt8(Reach.allCases.firstIndex(of: item.reach)!))
        fieldBits.append(Self.fieldBits(item.handlungsfelder))
        isPublic.append(visible)
        if let number = ownerNumbers[item.ownerKey] {
            ownerNumber.append(number)
        } else {
            let number = Int32(ownerLand.count)
            ownerNumbers[item.ownerKey] = number
            ownerNumber.append(number)
            ownerLand.append(String(item.ownerKey.prefix(2)))
            ownerSize.append(
                sizeClasses[item.ownerKey].flatMap { Groessenklasse.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? .max)
        }
    }

    /// Takes an item out (drafts, withdrawn items). Unknown ids are ignored.
    public mutating func remove(id: String) {
        guard let slot = indexByID.removeValue(forKey: id) else { return }
        alive[slot] = false
        for index in Int(termStart[slot])..<Int(termStart[slot + 1]) {
            let term = Int(slotTerms[index])
            documentFrequency[term] -= 1
            if isPublic[slot] { publicDocumentFrequency[term] -= 1 }
        }
        totalLength -= Int(lengths[slot])
        count -= 1
        if isPublic[slot] { publicCount -= 1 }
        // Tombstones cost time in every query: rebuild once they outnumber the live items.
        if slots.count > 1_000 && slots.count > 2 * count { self = compacted() }
    }

    /// The same index without tombstones, built from the stored terms (the descriptions are
    /// gone); terms that no live item has leave the vocabulary.
    func compacted() -> ItemSearchIndex {
        var index = ItemSearchIndex(sizeClasses: sizeClasses)
        index.slots.reserveCapacity(count)
        for slot in slots.indices where alive[slot] {
            var counts: [(key: String, value: Int)] = []
            var written: [String: String] = [:]
            for position in Int(termStart[slot])..<Int(termStart[slot + 1]) {
                let number = Int(slotTerms[position])
                let term = vocabulary.names[number]
                counts.append((term, Int(slotFrequencies[position])))
                written[term] = vocabulary.written[number]
            }
            index.append(slots[slot], counts: counts, written: written)
        }
        return index
    }

    /// Terms of `slot`, with their frequencies.
    func terms(of slot: Int) -> [(term: Int32, frequency: UInt16)] {
        (Int(termStart[slot])..<Int(termStart[slot + 1])).map { (term: slotTerms[$0], frequency: slotFrequencies[$0]) }
    }

    // MARK: BM25

    static let k1 = 1.2, b = 0.75

    /// The collection statistics one query works with (as in the `MatchEngine`).
    struct Statistics {
        let documents: Double
        /// k1 · (1 − b) and k1 · b / average length: the length normalisation is base + slope · length.
        let base: Double
        let slope: Double

        func idf(documentFrequency df: Int32) -> Double {
            let df = Double(df)
            return log(1 + (documents - df + 0.5) / (df + 0.5))
        }

        func part(idf: Double, frequency: UInt16, length: Int32) -> Double {
            let f = Double(frequency)
            return idf * f * (ItemSearchIndex.k1 + 1) / (f + base + slope * Double(length))
        }
    }

    var statistics: Statistics {
        let average = count == 0 ? 1 : max(1, Double(totalLength) / Double(count))
        return Statistics(documents: Double(count), base: Self.k1 * (1 - Self.b), slope: Self.k1 * Self.b / average)
    }
}
