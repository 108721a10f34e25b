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
    /// A slot and how often the term occurs in it, in four bytes (as in the `MatchEngine`): the
    /// slot in the upper 24 bits, the frequency (capped at 255) in the lower 8.
    struct Posting {
        let raw: UInt32

        init(slot: Int, frequency: Int) {
            precondition(slot <= MatchEngine.Posting.maximumSlot, "more item slots than a posting can name")
            raw = UInt32(slot) << 8 | UInt32(min(frequency, 255))
        }

        var slot: Int32 { Int32(raw >> 8) }
        var frequency: UInt16 { UInt16(raw & 0xFF) }
    }

    /// The items by slot, in the order they were added; dead slots are skipped.
    private(set) var table = ItemTable()
    /// Live items, and how many of them are public.
    public private(set) var count = 0
    private(set) var publicCount = 0

    private(set) var vocabulary = SearchVocabulary()
    /// By term number: the postings in slot order (dead slots included) and the live items
    /// containing it, all and public only.
    private(set) var postings: [[Posting]] = []
    private(set) var documentFrequency: [Int32] = []
    private(set) var publicDocumentFrequency: [Int32] = []

    /// Per slot its terms, flat: `slotTerms[termStart[slot]..<termStart[slot + 1]]` (their
    /// frequencies are in the postings).
    private var termStart: [UInt32] = [0]
    private var slotTerms: [Int32] = []
    private(set) var lengths: [Int32] = []
    private var totalLength = 0

    /// Per owner number (`table`): the Land code and the size class as a position (`UInt8.max`: unknown).
    private(set) var ownerLand: [String] = []
    private(set) var ownerSize: [UInt8] = []
    private let sizeClasses: [String: Groessenklasse]

    var alive: [Bool] { table.alive }
    var isPublic: [Bool] { table.isPublic }

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        self.init(sizeClasses: towns.mapValues(\.groessenklasse))
        table = ItemTable(reservingCapacity: items.count)
        slotTerms.reserveCapacity(items.count * 16)
        for item in items { upsert(item) }
        shrink()
    }

    private init(sizeClasses: [String: Groessenklasse]) {
        self.sizeClasses = sizeClasses
    }

    /// Gives back what growing reserved (after building over many items at once).
    mutating func shrink() {
        table.shrink()
        termStart.shrink()
        slotTerms.shrink()
        lengths.shrink()
        documentFrequency.shrink()
        publicDocumentFrequency.shrink()
        postings.shrink()
        for index in postings.indices { postings[index].shrink() }
    }

    static func fieldBits(_ fields: Set<Handlungsfeld>) -> UInt16 {
        var bits: UInt16 = 0
        for (position, field) in Handlungsfeld.allCases.enumerated() where fields.contains(field) { bits |= 1 << position }
        return bits
    }

    /// The live item with `id`.
    public func item(id: String) -> CooperationItem? { table.slot(of: id).map { table[$0] } }

    /// Takes `table` in place of its own, when it holds the same slots (the engine's, kept in step
    /// by the same changes in the same order): one copy of the items for both indexes.
    mutating func share(_ table: ItemTable) {
        guard self.table.hasSameSlots(as: table) else { return }
        self.table = table
    }

    // MARK: Keeping current

    /// Adds an item, or replaces the item with the same id.
    public mutating func upsert(_ item: CooperationItem) {
        if table.slot(of: item.id) != nil { remove(id: item.id) }
        // Postings name at most `MatchEngine.Posting.maximumSlot` slots: drop the dead ones first.
        if table.count >= MatchEngine.Posting.maximumSlot { self = compacted() }
        // Per occurrence the number of a known term; new terms counted apart, with the word as
        // first written (title, then description, then the topic names).
        var occurrences: [Int32] = []
        var newTerms: [String: Int] = [:]
        var written: [String: String] = [:]
        func addTerm(_ term: String, times: Int) -> Bool {
            if let number = vocabulary.number(of: term) {
                for _ in 0..<times { occurrences.append(number) }
                return true
            }
            newTerms[term, default: 0] += times
            return false
        }
        func addText(_ text: String, times: Int) {
            var hasNewTerm = false
            for folded in GermanFolding.words(text, umlauts: .expanded) {
                guard let term = GermanTextAnalyzer.searchTerm(folded: folded) else { continue }
                if !addTerm(term, times: times) { hasNewTerm = true }
            }
            // Only for a term the index does not know yet is the text read again with the
            // places of its words (the written form is shown in "Meinten Sie …?").
            guard hasNewTerm else { return }
            for word in GermanTextAnalyzer.words(text) {
                if let term = word.searchTerm, newTerms[term] != nil, written[term] == nil {
                    written[term] = String(text.unicodeScalars[word.range])
                }
            }
        }
        // The title counts twice: it says what the item is about. The names of its fields and
        // sub-themes make "Klima" or "IT-Sicherheit" find it.
        addText(item.title, times: 2)
        addText(item.description, times: 1)
        func addTopic(_ words: [(term: String, written: String)]) {
            for word in words where !addTerm(word.term, times: 1) && written[word.term] == nil { written[word.term] = word.written }
        }
        for field in Handlungsfeld.allCases where item.handlungsfelder.contains(field) { addTopic(Self.topicWords[field.label] ?? []) }
        for id in item.unterthemen.sorted() { addTopic(Unterthema.find(id).flatMap { Self.topicWords[$0.label] } ?? []) }
        for (term, times) in newTerms.sorted(by: { $0.key < $1.key }) {
            let number = number(of: term, written: written[term] ?? term)
            for _ in 0..<times { occurrences.append(number) }
        }
        append(item, terms: TermOccurrences.counted(occurrences), length: occurrences.count)
    }

    /// The number of `term`, added to the vocabulary with its written form if it is new.
    private mutating func number(of term: String, written form: @autoclosure () -> String) -> Int32 {
        let number = vocabulary.add(term, written: form())
        if Int(number) == postings.count {
            postings.append([])
            documentFrequency.append(0)
            publicDocumentFrequency.append(0)
        }
        return number
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

    /// The terms that occur in the name of some Handlungsfeld or Unterthema.
    static let topicTerms = Set(topicWords.values.flatMap { $0.map(\.term) })

    /// How often `term` occurs in the names of the item's Handlungsfelder and Unterthemen.
    static func topicFrequency(of term: String, fields: UInt16, subthemes: Set<String>) -> Int {
        let names =
            Handlungsfeld.allCases.enumerated().filter { fields & (1 << $0.offset) != 0 }.map(\.element.label)
            + subthemes.compactMap { Unterthema.find($0)?.label }
        return names.reduce(0) { sum, name in sum + (topicWords[name] ?? []).filter { $0.term == term }.count }
    }

    /// Files `item` in a new slot with its terms (by number), their frequencies and its length
    /// (all occurrences: the postings cap a frequency at 255, the length does not).
    private mutating func append(_ item: CooperationItem, terms: [(number: Int32, count: Int)], length: Int) {
        let (slot, isNewOwner) = table.append(item)
        let visible = item.visibility == .oeffentlich
        for (number, frequency) in terms {
            postings[Int(number)].append(Posting(slot: slot, frequency: frequency))
            documentFrequency[Int(number)] += 1
            if visible { publicDocumentFrequency[Int(number)] += 1 }
        }
        slotTerms.append(contentsOf: terms.lazy.map(\.number))
        termStart.append(UInt32(slotTerms.count))
        count += 1
        if visible { publicCount += 1 }
        lengths.append(Int32(min(length, Int(Int32.max))))
        totalLength += length
        if isNewOwner {
            ownerLand.append(String(item.ownerKey.prefix(2)))
            ownerSize.append(
                sizeClasses[item.ownerKey].flatMap { Groessenklasse.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? .max)
        }
    }

    /// Takes an item out (drafts, withdrawn items). Unknown ids are ignored.
    public mutating func remove(id: String) {
        guard let slot = table.slot(of: id) else { return }
        let wasPublic = table.isPublic[slot]
        table.kill(slot)
        for index in Int(termStart[slot])..<Int(termStart[slot + 1]) {
            let term = Int(slotTerms[index])
            documentFrequency[term] -= 1
            if wasPublic { publicDocumentFrequency[term] -= 1 }
        }
        totalLength -= Int(lengths[slot])
        count -= 1
        if wasPublic { publicCount -= 1 }
        // Tombstones cost time in every query: rebuild once they outnumber the live items.
        if table.count > 1_000 && table.count > 2 * count { self = compacted() }
    }

    /// The same index without tombstones, built from the stored terms (the descriptions are
    /// gone); terms that no live item has leave the vocabulary.
    func compacted() -> ItemSearchIndex {
        var index = ItemSearchIndex(sizeClasses: sizeClasses)
        index.table = ItemTable(reservingCapacity: count)
        for slot in table.indices where table.alive[slot] {
            var terms: [(number: Int32, count: Int)] = []
            for position in Int(termStart[slot])..<Int(termStart[slot + 1]) {
                let number = slotTerms[position]
                let renumbered = index.number(of: vocabulary.names[Int(number)], written: vocabulary.written[Int(number)])
                terms.append((renumbered, Int(frequency(of: number, in: slot) ?? 1)))
            }
            index.append(table[slot], terms: terms, length: Int(lengths[slot]))
        }
        index.shrink()
        return index
    }

    /// Terms of `slot`, with their frequencies.
    func terms(of slot: Int) -> [(term: Int32, frequency: UInt16)] {
        (Int(termStart[slot])..<Int(termStart[slot + 1])).map { (term: slotTerms[$0], frequency: frequency(of: slotTerms[$0], in: slot) ?? 0) }
    }

    /// How often term number `term` occurs in `slot`: a binary search in the term's postings,
    /// which are in slot order.
    func frequency(of term: Int32, in slot: Int) -> UInt16? {
        let list = postings[Int(term)]
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if Int(list[mid].slot) < slot { low = mid + 1 } else { high = mid }
        }
        return low < list.count && Int(list[low].slot) == slot ? list[low].frequency : nil
    }

    /// What the index holds, by part.
    public var memory: MemoryUse {
        var use = MemoryUse()
        use.add("items", table.memory)
        use.add("term postings", MemoryUse.nested(postings))
        use.add("terms per item", MemoryUse.array(termStart) + MemoryUse.array(slotTerms))
        use.add("vocabulary", vocabulary.memory + MemoryUse.array(documentFrequency) + MemoryUse.array(publicDocumentFrequency))
        use.add("per item numbers", MemoryUse.array(lengths))
        use.add("towns", MemoryUse.strings(ownerLand) + MemoryUse.array(ownerSize) + MemoryUse.stringKeyed(sizeClasses))
        return use
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
