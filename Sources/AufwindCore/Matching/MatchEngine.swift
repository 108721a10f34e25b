import Foundation

/// Ranks the items (and towns) that fit an item, and searches items. Indexes by Handlungsfeld
/// and by term find the candidates; `bruteForceMatches` scores every item and must give exactly
/// the same answer. The engine is kept current on writes (`upsert`, `remove`); removed items
/// leave a tombstone until the next compaction. It keeps no descriptions (they can be long and
/// there are many): only their terms. Items it returns have an empty description; passed back
/// as a query, such an item is matched with its stored terms.
public struct MatchEngine: Sendable {
    /// Item slots in the order they were added; dead slots are skipped.
    var slots: [CooperationItem] = []
    var alive: [Bool] = []
    public private(set) var towns: [String: TownFacts]
    /// Terms as numbers; per slot its terms (sorted by number) with their frequencies, in flat
    /// arrays: `slotTerms[termStart[slot]..<termStart[slot + 1]]`. A dictionary per item would
    /// cost about ten times the memory.
    private var termNumbers: [String: Int32] = [:]
    private var termNames: [String] = []
    /// Per term number a word as someone wrote it (for explanations when neither item's text has one).
    private var termWords: [String] = []
    private var termStart: [Int32] = [0]
    private var slotTerms: [Int32] = []
    private var slotTermFrequencies: [UInt16] = []
    var lengths: [Int] = []
    private var totalLength = 0
    /// Live items.
    public private(set) var count = 0
    /// By term number.
    private var postings: [[Posting]] = []
    private var documentFrequency: [Int] = []
    /// Slots per Handlungsfeld, by the field's position.
    private var byTheme: [[Int]] = Array(repeating: [], count: Handlungsfeld.allCases.count)
    var indexByID: [String: Int] = [:]
    /// Per slot, for the hot loop: fields and sub-themes as bits, owner as a number.
    var themeBits: [UInt16] = []
    var subthemeBits: [UInt64] = []
    /// Per slot: the kind's position in `ItemKind.allCases`, and whether everyone may see it.
    var kindIndex: [UInt8] = []
    var isPublic: [Bool] = []
    /// Per slot, for the search filters: Stand and reach as positions (`UInt8.max`: no Stand).
    var statusIndex: [UInt8] = []
    var reachIndex: [UInt8] = []
    /// Per owner: the Land code and the size class (as positions; `UInt8.max` when unknown).
    var ownerLand: [String] = []
    var ownerSize: [UInt8] = []
    var ownerNumber: [Int] = []
    var ownerKeys: [String] = []
    /// Per owner what the matching knows about the town (kept in step with `towns`), and its
    /// place in numbers for the reach test in the hot loop.
    var ownerTowns: [TownFacts?] = []
    var ownerPlaces: [OwnerPlace] = []
    /// Kreis keys as numbers (for `OwnerPlace.kreis`).
    var kreisNumbers: [String: Int32] = [:]
    var ownerNumbers: [String: Int] = [:]
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

    struct Posting {
        var slot: Int32
        var tf: Int32
    }

    static func bits(_ fields: Set<Handlungsfeld>) -> UInt16 {
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

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        self.towns = towns
        slots.reserveCapacity(items.count)
        for item in items { upsert(item) }
    }

    /// The same engine without tombstones, built from the stored terms (not from text, which the
    /// engine no longer has).
    private func compacted() -> MatchEngine {
        var engine = MatchEngine(items: [], towns: towns)
        engine.slots.reserveCapacity(count)
        for slot in slots.indices where alive[slot] {
            var counts: [String: Int] = [:]
            for index in Int(termStart[slot])..<Int(termStart[slot + 1]) {
                counts[termNames[Int(slotTerms[index])]] = Int(slotTermFrequencies[index])
            }
            engine.append(slots[slot], termCounts: counts) { termWords[Int(termNumbers[$0]!)] }
        }
        return engine
    }

    /// The live items, oldest first.
    public var items: [CooperationItem] { slots.indices.filter { alive[$0] }.map { slots[$0] } }

    /// Visits the live items, oldest first, without copying them into an array.
    public func forEachItem(_ body: (CooperationItem) throws -> Void) rethrows {
        for slot in slots.indices where alive[slot] { try body(slots[slot]) }
    }

    public func item(id: String) -> CooperationItem? { indexByID[id].map { slots[$0] } }

    /// The live items of one town, oldest first.
    public func items(ownedBy key: String) -> [CooperationItem] {
        guard let number = ownerNumbers[key] else { return [] }
        return slots.indices.filter { alive[$0] && ownerNumber[$0] == number }.map { slots[$0] }
    }

    // MARK: Keeping current

    /// Adds an item, or replaces the item with the same id.
    public mutating func upsert(_ item: CooperationItem) {
        if indexByID[item.id] != nil { remove(id: item.id) }
        var tf: [String: Int] = [:]
        // The title counts twice: it says what the item is about.
        for term in GermanTextAnalyzer.terms(item.title + " " + item.title + " " + item.description) { tf[term, default: 0] += 1 }
        var stored = item
        stored.description = ""
        // A new term keeps the word its first author wrote (read only as far as needed).
        var written: WrittenWords?
        if tf.keys.contains(where: { termNumbers[$0] == nil }) {
            written = WrittenWords(item.title + " " + item.description, wanted: Set(tf.keys.filter { termNumbers[$0] == nil }))
        }
        append(stored, termCounts: tf) { written?.word(for: $0) ?? $0 }
    }

    /// `writtenWord` gives the word shown for a term the engine does not know yet.
    private mutating func append(_ item: CooperationItem, termCounts tf: [String: Int], writtenWord: (String) -> String) {
        let slot = slots.count
        let length = tf.values.reduce(0, +)
        var numbered: [(term: Int32, tf: Int)] = []
        numbered.reserveCapacity(tf.count)
        for (term, frequency) in tf {
            let number: Int32
            if let known = termNumbers[term] {
                number = known
            } else {
                number = Int32(postings.count)
                termNumbers[term] = number
                termNames.append(term)
                termWords.append(writtenWord(term))
                postings.append([])
                documentFrequency.append(0)
            }
            postings[Int(number)].append(Posting(slot: Int32(slot), tf: Int32(frequency)))
            documentFrequency[Int(number)] += 1
            numbered.append((number, frequency))
        }
        numbered.sort { $0.term < $1.term }
        slotTerms.append(contentsOf: numbered.map(\.term))
        slotTermFrequencies.append(contentsOf: numbered.map { UInt16(min($0.tf, Int(UInt16.max))) })
        termStart.append(Int32(slotTerms.count))
        for (position, field) in Handlungsfeld.allCases.enumerated() where item.handlungsfelder.contains(field) {
            byTheme[position].append(slot)
        }
        slots.append(item)
        alive.append(true)
        lengths.append(length)
        totalLength += length
        count += 1
        indexByID[item.id] = slot
        themeBits.append(Self.bits(item.handlungsfelder))
        subthemeBits.append(Self.subthemeBits(item.unterthemen))
        kindIndex.append(UInt8(ItemKind.allCases.firstIndex(of: item.kind)!))
        isPublic.append(item.visibility == .oeffentlich)
        statusIndex.append(item.status.flatMap { ItemStatus.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? .max)
        reachIndex.append(UInt8(Reach.allCases.firstIndex(of: item.reach)!))
        if let number = ownerNumbers[item.ownerKey] {
            ownerNumber.append(number)
        } else {
            ownerNumbers[item.ownerKey] = ownerKeys.count
            ownerNumber.append(ownerKeys.count)
            ownerKeys.append(item.ownerKey)
            ownerLand.append(String(item.ownerKey.prefix(2)))
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
        guard let slot = indexByID.removeValue(forKey: id) else { return }
        alive[slot] = false
        for index in Int(termStart[slot])..<Int(termStart[slot + 1]) { documentFrequency[Int(slotTerms[index])] -= 1 }
        totalLength -= lengths[slot]
        count -= 1
        // Tombstones cost time in every query: rebuild once they outnumber the live items.
        if slots.count > 1_000 && slots.count > 2 * count { self = compacted() }
    }

    /// Adds or updates what the matching knows about a town (its activity, for example).
    public mutating func setTown(_ facts: TownFacts) {
        towns[facts.key] = facts
        if let number = ownerNumbers[facts.key] {
            ownerSize[number] = Self.sizeIndex(facts)
            ownerTowns[number] = facts
            ownerPlaces[number] = place(of: facts)
        }
    }

    // MARK: BM25

    func postingsOf(_ term: String) -> [Posting]? { termNumbers[term].map { postings[Int($0)] } }
    func documentFrequencyOf(_ term: String) -> Int { termNumbers[term].map { documentFrequency[Int($0)] } ?? 0 }

    /// How often term number `term` occurs in `slot` (binary search in the slot's sorted terms).
    private func frequency(of term: Int32, in slot: Int) -> UInt16? {
        var low = Int(termStart[slot])
        var high = Int(termStart[slot + 1])
        while low < high {
            let mid = (low + high) / 2
            if slotTerms[mid] < term { low = mid + 1 } else { high = mid }
        }
        return low < Int(termStart[slot + 1]) && slotTerms[low] == term ? slotTermFrequencies[low] : nil
    }

    /// The collection statistics one query works with.
    struct Statistics {
        let documents: Double
        /// k1 · (1 − b) and k1 · b / average length: the length normalisation is base + slope · length.
        let base: Double
        let slope: Double

        func idf(documentFrequency df: Int) -> Double {
            let df = Double(df)
            return log(1 + (documents - df + 0.5) / (df + 0.5))
        }

        func part(idf: Double, tf: Int32, length: Int) -> Double {
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
        if let slot = indexByID[item.id], slots[slot] == item {
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
        var near = TopScores(limit: limit, items: slots)
        var far = TopScores(limit: limit, items: slots)
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
        for slot in slots.indices where alive[slot] {
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
                sum += stats.part(idf: stats.idf(documentFrequency: documentFrequency[Int(number)]), tf: Int32(tf), length: lengths[slot])
            }
        }
        return sum
    }

    /// Calls `body` once for every live slot that shares a term or a field, with its BM25 sum;
    /// slots with shared terms come first (they tend to score highest and raise the threshold).
    func forEachCandidate(terms: [String], fields: Set<Handlungsfeld>, stats: Statistics, _ body: (Int, Double) -> Void) {
        var bm25 = [Double](repeating: 0, count: slots.count)
        var isCandidate = [Bool](repeating: false, count: slots.count)
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
            for slot in byTheme[position] where alive[slot] && !isCandidate[slot] {
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
            let top = scored.sorted { ($0.score, slots[$1.index].id) > ($1.score, slots[$0.index].id) }.prefix(limit)
            return top.compactMap { explain(query, slot: $0.index, terms: terms, stats: stats, queryWords: queryWords) }
        }
        return PartnerSuggestions(hasFartherGroup: query.reach != .bundesweit, inReach: ranked(near), farther: ranked(far))
    }

    /// The match with its explanation. Shared terms are named as people wrote them: from the
    /// query's text, else the candidate's title, else as the term was first written; the most
    /// telling first (by their BM25 part).
    func explain(_ query: CooperationItem, slot: Int, terms: [String], stats: Statistics, queryWords: WrittenWords) -> ItemMatch? {
        let candidate = slots[slot]
        var shared: [(term: String, part: Double)] = []
        for term in terms {
            guard let number = termNumbers[term], let tf = frequency(of: number, in: slot) else { continue }
            let idf = stats.idf(documentFrequency: documentFrequency[Int(number)])
            shared.append((term, stats.part(idf: idf, tf: Int32(tf), length: lengths[slot])))
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
    let items: [CooperationItem]
    private(set) var entries: [(index: Int, score: Double)] = []

    init(limit: Int, items: [CooperationItem]) {
        self.limit = limit
        self.items = items
        entries.reserveCapacity(limit + 1)
    }

    /// The score a candidate must at least reach to be kept, once the list is full.
    var threshold: Double? { entries.count == limit ? entries.last?.score : nil }

    private func precedes(_ a: (index: Int, score: Double), _ b: (index: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : items[a.index].id < items[b.index].id
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
