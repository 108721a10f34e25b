import Foundation

/// Ranks the items (and towns) that fit an item, and searches items. Indexes by Handlungsfeld
/// and by term find the candidates; `bruteForceMatches` scores every item and must give exactly
/// the same answer. The engine is kept current on writes (`upsert`, `remove`); removed items
/// leave a tombstone until the next compaction. It keeps no descriptions (they can be long and
/// there are many): only their terms. Items it returns have an empty description; passed back
/// as a query, such an item is matched with its stored terms.
public struct MatchEngine: Sendable {
    /// The items by slot, in the order they were added; dead slots are skipped.
    var table = ItemTable()
    public private(set) var towns: [String: TownFacts]
    /// Terms as numbers; per slot its terms (sorted by number), in one flat array:
    /// `slotTerms[termStart[slot]..<termStart[slot + 1]]` (how often each occurs is in the
    /// term's postings). A dictionary per item would cost about ten times the memory.
    private var termNumbers: [String: Int32] = [:]
    private var termNames: [String] = []
    /// Per term number a word as someone wrote it (for explanations when neither item's text has one).
    private var termWords: [String] = []
    private var termStart: [UInt32] = [0]
    private var slotTerms: [Int32] = []
    var lengths: [Int32] = []
    private var totalLength = 0
    /// Live items.
    public private(set) var count = 0
    /// By term number, in slot order.
    private var postings: [[Posting]] = []
    private var documentFrequency: [Int32] = []
    /// Slots per Handlungsfeld, by the field's position.
    private var byTheme: [[Int32]] = Array(repeating: [], count: Handlungsfeld.allCases.count)
    /// Per owner number (`table`) what the matching knows about the town (kept in step with
    /// `towns`), its size class as a position (`UInt8.max` when unknown) and its place in
    /// numbers for the reach test in the hot loop.
    var ownerTowns: [TownFacts?] = []
    var ownerSize: [UInt8] = []
    var ownerPlaces: [OwnerPlace] = []
    /// Kreis keys as numbers (for `OwnerPlace.kreis`).
    var kreisNumbers: [String: Int32] = [:]
    static let k1 = 1.2, b = 0.75

    /// A town's latitude (NaN when unknown) and its Kreis as a number (-1 when unknown).
    struct OwnerPlace {
        var latitude: Double
        var kreis: Int32
    }

    private mutating func place(of town: TownFacts?) -> OwnerPlace {
        guard let town else { return OwnerPlace(latitude: .nan, kreis: -1) }
        let kreis: Int32
        if let known = kreisNumbers[town.kreisKey] {
            kreis = known
        } else {
            kreis = Int32(kreisNumbers.count)
            kreisNumbers[town.kreisKey] = kreis
        }
        return OwnerPlace(latitude: town.coordinate?.latitude ?? .nan, kreis: kreis)
    }

    /// A slot and how often the term occurs in it, in four bytes: the slot in the upper 24 bits
    /// (an engine holds at most 16,777,215 slots; it compacts long before), the frequency in the
    /// lower 8 (capped at 255: BM25 has long stopped growing there).
    struct Posting {
        static let maximumSlot = 1 << 24 - 1
        let raw: UInt32

        init(slot: Int, tf: Int) {
            precondition(slot <= Self.maximumSlot, "more item slots than a posting can name")
            raw = UInt32(slot) << 8 | UInt32(min(tf, 255))
        }

        var slot: Int32 { Int32(raw >> 8) }
        var tf: Int32 { Int32(raw & 0xFF) }
    }

    static func bits(_ fields: Set<Handlungsfeld>) -> UInt16 { ItemTable.fieldBits(fields) }

    static func subthemeBits(_ ids: Set<String>) -> UInt64 { ItemTable.subthemeBits(ids) }

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        self.towns = towns
        table = ItemTable(reservingCapacity: items.count)
        slotTerms.reserveCapacity(items.count * 16)
        for item in items { upsert(item) }
        shrink()
    }

    /// Gives back what growing reserved (after building over many items at once).
    mutating func shrink() {
        table.shrink()
        termStart.shrink()
        slotTerms.shrink()
        lengths.shrink()
        termNames.shrink()
        termWords.shrink()
        documentFrequency.shrink()
        postings.shrink()
        for index in postings.indices { postings[index].shrink() }
        for index in byTheme.indices { byTheme[index].shrink() }
    }

    /// The same engine without tombstones, built from the stored terms (not from text, which the
    /// engine no longer has).
    private func compacted() -> MatchEngine {
        var engine = MatchEngine(items: [], towns: towns)
        engine.table = ItemTable(reservingCapacity: count)
        for slot in table.indices where table.alive[slot] {
            var terms: [(number: Int32, count: Int)] = []
            for index in Int(termStart[slot])..<Int(termStart[slot + 1]) {
                let term = slotTerms[index]
                let number = engine.number(of: termNames[Int(term)]) { termWords[Int(term)] }
                terms.append((number, Int(frequency(of: term, in: slot) ?? 1)))
            }
            engine.append(table[slot], terms: terms.sorted { $0.number < $1.number }, length: Int(lengths[slot]))
        }
        engine.shrink()
        return engine
    }

    /// The live items, oldest first.
    public var items: [CooperationItem] { table.indices.filter { table.alive[$0] }.map { table[$0] } }

    /// Visits the live items, oldest first, without copying them into an array.
    public func forEachItem(_ body: (CooperationItem) throws -> Void) rethrows {
        for slot in table.indices where table.alive[slot] { try body(table[slot]) }
    }

    public func item(id: String) -> CooperationItem? { table.slot(of: id).map { table[$0] } }

    /// The live items of one town, oldest first.
    public func items(ownedBy key: String) -> [CooperationItem] {
        guard let number = table.ownerNumber(of: key) else { return [] }
        return table.indices.filter { table.alive[$0] && table.ownerNumber[$0] == number }.map { table[$0] }
    }

    // MARK: Keeping current

    /// Adds an item, or replaces the item with the same id.
    public mutating func upsert(_ item: CooperationItem) {
        if table.slot(of: item.id) != nil { remove(id: item.id) }
        // Postings name at most `Posting.maximumSlot` slots: make room by dropping the dead ones.
        if table.count >= Posting.maximumSlot { self = compacted() }
        // Per occurrence the number of a known term; new terms counted apart. The title counts
        // twice: it says what the item is about.
        var occurrences: [Int32] = []
        var newTerms: [String: Int] = [:]
        func count(_ text: String, times: Int) {
            for term in GermanTextAnalyzer.terms(text) {
                if let number = termNumbers[term] {
                    for _ in 0..<times { occurrences.append(number) }
                } else {
                    newTerms[term, default: 0] += times
                }
            }
        }
        count(item.title, times: 2)
        count(item.description, times: 1)
        if !newTerms.isEmpty {
            // A new term keeps the word its first author wrote (read only as far as needed).
            let written = WrittenWords(item.title + " " + item.description, wanted: Set(newTerms.keys))
            for (term, times) in newTerms {
                let number = number(of: term) { written.word(for: term) ?? term }
                for _ in 0..<times { occurrences.append(number) }
            }
        }
        append(item, terms: TermOccurrences.counted(occurrences), length: occurrences.count)
    }

    /// The number of `term`; a new term is added with the word `writtenWord` gives for it.
    private mutating func number(of term: String, writtenWord: () -> String) -> Int32 {
        if let known = termNumbers[term] { return known }
        let number = Int32(postings.count)
        termNumbers[term] = number
        termNames.append(term)
        termWords.append(writtenWord())
        postings.append([])
        documentFrequency.append(0)
        return number
    }

    /// Files `item` in a new slot with its terms (by number, ascending), their frequencies and
    /// its length (all occurrences: the postings cap a frequency at 255, the length does not).
    private mutating func append(_ item: CooperationItem, terms: [(number: Int32, count: Int)], length: Int) {
        let (slot, isNewOwner) = table.append(item)
        for (number, frequency) in terms {
            postings[Int(number)].append(Posting(slot: slot, tf: frequency))
            documentFrequency[Int(number)] += 1
            slotTerms.append(number)
        }
        termStart.append(UInt32(slotTerms.count))
        for (position, field) in Handlungsfeld.allCases.enumerated() where item.handlungsfelder.contains(field) {
            byTheme[position].append(Int32(slot))
        }
        lengths.append(Int32(min(length, Int(Int32.max))))
        totalLength += length
        count += 1
        if isNewOwner {
            ownerSize.append(Self.sizeIndex(towns[item.ownerKey]))
            ownerTowns.append(towns[item.ownerKey])
            ownerPlaces.append(place(of: towns[item.ownerKey]))
        }
    }

    static func sizeIndex(_ town: TownFacts?) -> UInt8 {
        town.flatMap { Groessenklasse.allCases.firstIndex(of: $0.groessenklasse) }.map(UInt8.init) ?? .max
    }

    /// Takes an item out (drafts, withdrawn items). Unknown ids are ignored.
    public mutating func remove(id: String) {
        guard let slot = table.slot(of: id) else { return }
        table.kill(slot)
        for index in Int(termStart[slot])..<Int(termStart[slot + 1]) { documentFrequency[Int(slotTerms[index])] -= 1 }
        totalLength -= Int(lengths[slot])
        count -= 1
        // Tombstones cost time in every query: rebuild once they outnumber the live items.
        if table.count > 1_000 && table.count > 2 * count { self = compacted() }
    }

    /// Adds or updates what the matching knows about a town (its activity, for example).
    public mutating func setTown(_ facts: TownFacts) {
        towns[facts.key] = facts
        if let number = table.ownerNumber(of: facts.key).map(Int.init) {
            ownerSize[number] = Self.sizeIndex(facts)
            ownerTowns[number] = facts
            ownerPlaces[number] = place(of: facts)
        }
    }

    /// What the engine holds, by part.
    public var memory: MemoryUse {
        var use = MemoryUse()
        use.add("items", table.memory)
        use.add("term postings", MemoryUse.nested(postings))
        use.add("terms per item", MemoryUse.array(termStart) + MemoryUse.array(slotTerms))
        use.add(
            "vocabulary",
            MemoryUse.stringKeyed(termNumbers) + MemoryUse.strings(termNames) + MemoryUse.strings(termWords)
                + MemoryUse.array(documentFrequency))
        use.add(
            "per item numbers",
            MemoryUse.array(lengths) + MemoryUse.nested(byTheme))
        use.add(
            "towns",
            MemoryUse.stringKeyed(towns) + MemoryUse.array(ownerTowns) + MemoryUse.array(ownerPlaces) + MemoryUse.array(ownerSize))
        return use
    }

    // MARK: BM25

    /// How often term number `term` occurs in `slot`: a binary search in the term's postings,
    /// which are in slot order.
    private func frequency(of term: Int32, in slot: Int) -> Int32? {
        let list = postings[Int(term)]
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if Int(list[mid].slot) < slot { low = mid + 1 } else { high = mid }
        }
        return low < list.count && Int(list[low].slot) == slot ? list[low].tf : nil
    }

    /// The collection statistics one query works with.
    struct Statistics {
        let documents: Double
        /// k1 · (1 − b) and k1 · b / average length: the length normalisation is base + slope · length.
        let base: Double
        let slope: Double

        func idf(documentFrequency df: Int32) -> Double {
            let df = Double(df)
            return log(1 + (documents - df + 0.5) / (df + 0.5))
        }

        func part(idf: Double, tf: Int32, length: Int32) -> Double {
            let f = Double(tf)
            return idf * f * (MatchEngine.k1 + 1) / (f + base + slope * Double(length))
        }
    }

    var statistics: Statistics {
        let average = count == 0 ? 1 : max(1, Double(totalLength) / Double(count))
        return Statistics(documents: Double(count), base: Self.k1 * (1 - Self.b), slope: Self.k1 * Self.b / average)
    }

    /// Query terms in a fixed order, so both paths add the same numbers in the same order. For an
    /// item exactly as the engine holds it, its stored terms (the description is not kept).
    func queryTerms(_ item: CooperationItem) -> [String] {
        if let slot = table.slot(of: item.id), table[slot] == item {
            return (Int(termStart[slot])..<Int(termStart[slot + 1])).map { termNames[Int(slotTerms[$0])] }.sorted()
        }
        return Array(Set(GermanTextAnalyzer.terms(item.title + " " + item.description))).sorted()
    }

    // MARK: Matching items

    /// The best `limit` items for `query` in each group (`PartnerSuggestions`), through the
    /// indexes. `publicOnly` leaves out items only members of towns may see.
    public func matches(for query: CooperationItem, limit: Int = 20, publicOnly: Bool = false) -> PartnerSuggestions<ItemMatch> {
        let terms = queryTerms(query)
        let stats = statistics
        var context = QueryContext(engine: self, query: query, publicOnly: publicOnly)
        var near = TopScores(limit: limit, table: table)
        var far = TopScores(limit: limit, table: table)
        forEachCandidate(terms: terms, fields: query.handlungsfelder, stats: stats) { slot, bm25 in
            guard let part = context.topical(slot, bm25: bm25) else { return }
            let mayBeFar = context.hasFartherGroup && part.sharesTheme
            // Left out before its town is looked at when it could enter neither group.
            if let threshold = near.threshold, part.bestCase < threshold, !mayBeFar || far.threshold.map({ part.bestCase < $0 }) == true {
                return
            }
            if context.inReach(slot) {
                if let value = context.total(slot, part, threshold: near.threshold) { near.offer(slot, value) }
            } else if mayBeFar, let value = context.total(slot, part, threshold: far.threshold) {
                far.offer(slot, value)
            }
        }
        return explain(query, inReach: near.entries, farther: far.entries, limit: limit, terms: terms, stats: stats)
    }

    /// The same answer by scoring every item: the reference the indexes are tested against.
    public func bruteForceMatches(for query: CooperationItem, limit: Int = 20, publicOnly: Bool = false) -> PartnerSuggestions<ItemMatch> {
        let stats = statistics
        var context = QueryContext(engine: self, query: query, publicOnly: publicOnly)
        let terms = queryTerms(query)
        var near: [(index: Int, score: Double)] = []
        var far: [(index: Int, score: Double)] = []
        for slot in table.indices where table.alive[slot] {
            guard let part = context.topical(slot, bm25: bruteForceBM25(terms: terms, slot: slot, stats: stats)),
                let value = context.total(slot, part, threshold: nil)
            else { continue }
            if context.inReach(slot) {
                near.append((slot, value))
            } else if context.hasFartherGroup && part.sharesTheme {
                far.append((slot, value))
            }
        }
        return explain(query, inReach: near, farther: far, limit: limit, terms: terms, stats: stats)
    }

    func bruteForceBM25(terms: [String], slot: Int, stats: Statistics) -> Double {
        var sum = 0.0
        for term in terms {
            if let number = termNumbers[term], let tf = frequency(of: number, in: slot) {
                sum += stats.part(idf: stats.idf(documentFrequency: documentFrequency[Int(number)]), tf: tf, length: lengths[slot])
            }
        }
        return sum
    }

    /// Calls `body` once for every live slot that shares a term or a field, with its BM25 sum;
    /// slots with shared terms come first (they tend to score highest and raise the threshold).
    func forEachCandidate(terms: [String], fields: Set<Handlungsfeld>, stats: Statistics, _ body: (Int, Double) -> Void) {
        let alive = table.alive
        var bm25 = [Double](repeating: 0, count: table.count)
        var isCandidate = [Bool](repeating: false, count: table.count)
        var candidates: [Int] = []
        for term in terms {
            guard let number = termNumbers[term] else { continue }
            let list = postings[Int(number)]
            let idf = stats.idf(documentFrequency: documentFrequency[Int(number)])
            for posting in list {
                let slot = Int(posting.slot)
                guard alive[slot] else { continue }
                bm25[slot] += stats.part(idf: idf, tf: posting.tf, length: lengths[slot])
                if !isCandidate[slot] {
                    isCandidate[slot] = true
                    candidates.append(slot)
                }
            }
        }
        for slot in candidates { body(slot, bm25[slot]) }
        for (position, field) in Handlungsfeld.allCases.enumerated() where fields.contains(field) {
            for slot in byTheme[position].lazy.map(Int.init) where alive[slot] && !isCandidate[slot] {
                isCandidate[slot] = true
                body(slot, 0)
            }
        }
    }

    /// Per group: sorts by score (then id), keeps `limit`, and builds the explanations for those only.
    private func explain(
        _ query: CooperationItem, inReach near: [(index: Int, score: Double)], farther far: [(index: Int, score: Double)], limit: Int,
        terms: [String], stats: Statistics
    ) -> PartnerSuggestions<ItemMatch> {
        let queryWords = WrittenWords(query.title + " " + query.description)
        func ranked(_ scored: [(index: Int, score: Double)]) -> [ItemMatch] {
            let top = scored.sorted { a, b in a.score != b.score ? a.score > b.score : table.idPrecedes(a.index, b.index) }.prefix(limit)
            return top.compactMap { explain(query, slot: $0.index, terms: terms, stats: stats, queryWords: queryWords) }
        }
        return PartnerSuggestions(hasFartherGroup: query.reach != .bundesweit, inReach: ranked(near), farther: ranked(far))
    }

    /// The match with its explanation. Shared terms are named as people wrote them: from the
    /// query's text, else the candidate's title, else as the term was first written; the most
    /// telling first (by their BM25 part).
    func explain(_ query: CooperationItem, slot: Int, terms: [String], stats: Statistics, queryWords: WrittenWords) -> ItemMatch? {
        let candidate = table[slot]
        var shared: [(term: String, part: Double)] = []
        for term in terms {
            guard let number = termNumbers[term], let tf = frequency(of: number, in: slot) else { continue }
            let idf = stats.idf(documentFrequency: documentFrequency[Int(number)])
            shared.append((term, stats.part(idf: idf, tf: tf, length: lengths[slot])))
        }
        shared.sort { ($0.part, $1.term) > ($1.part, $0.term) }
        let titleWords = WrittenWords(candidate.title)
        var words: [String] = []
        var seen: Set<String> = []
        for (term, _) in shared where words.count < 4 {
            let word = queryWords.word(for: term) ?? titleWords.word(for: term) ?? termWords[Int(termNumbers[term]!)]
            if seen.insert(word.lowercased()).inserted { words.append(word) }
        }
        return MatchScorer().score(
            query: query, queryTown: towns[query.ownerKey], candidate: candidate, candidateTown: towns[candidate.ownerKey],
            bm25: bruteForceBM25(terms: terms, slot: slot, stats: stats), sharedWords: words)
    }
}

/// One partner town: its best fitting item (with the explanation) and how many of its items fit.
public struct TownMatch: Sendable, Equatable {
    public var town: String
    public var score: Double
    public var best: ItemMatch
    /// The own item (or town description) the best item answers.
    public var query: CooperationItem
    public var fittingItems: Int

    /// Whether the town lies within the reach of the query its best item answers.
    public var inReach: Bool { best.inReach }
    public var distanceKm: Double? { best.distanceKm }
}

/// The best `limit` (index, score) pairs seen so far: score descending, then id ascending.
struct TopScores {
    let limit: Int
    let table: ItemTable
    private(set) var entries: [(index: Int, score: Double)] = []

    init(limit: Int, table: ItemTable) {
        self.limit = limit
        self.table = table
        entries.reserveCapacity(limit + 1)
    }

    /// The score a candidate must at least reach to be kept, once the list is full.
    var threshold: Double? { entries.count == limit ? entries.last?.score : nil }

    private func precedes(_ a: (index: Int, score: Double), _ b: (index: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : table.idPrecedes(a.index, b.index)
    }

    mutating func offer(_ index: Int, _ score: Double) {
        guard limit > 0 else { return }
        let entry = (index: index, score: score)
        if entries.count == limit, let last = entries.last, !precedes(entry, last) { return }
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(entries[mid], entry) { low = mid + 1 } else { high = mid }
        }
        entries.insert(entry, at: low)
        if entries.count > limit { entries.removeLast() }
    }
}
