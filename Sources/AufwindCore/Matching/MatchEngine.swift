import Foundation

/// Ranks the items (and towns) that fit an item. Indexes by Handlungsfeld and by term find the
/// candidates; `bruteForceMatches` scores every item and must give exactly the same answer.
public struct MatchEngine: Sendable {
    public let items: [CooperationItem]
    let towns: [String: TownFacts]
    private let termFrequencies: [[String: Int]]
    private let lengths: [Int]
    /// k1 · (1 − b + b · length / average length), per item: the BM25 length normalisation.
    private let lengthNorm: [Double]
    private let averageLength: Double
    private let postings: [String: [(item: Int, tf: Int)]]
    private let documentFrequency: [String: Int]
    private let byTheme: [Handlungsfeld: [Int]]
    private let indexByID: [String: Int]
    /// Per item, for the hot loop: Handlungsfelder as bits, owner as a town number.
    private let themeBits: [UInt16]
    private let ownerNumber: [Int]
    private let ownerKeys: [String]
    static let k1 = 1.2, b = 0.75

    static func bits(_ fields: Set<Handlungsfeld>) -> UInt16 {
        var bits: UInt16 = 0
        for (position, field) in Handlungsfeld.allCases.enumerated() where fields.contains(field) { bits |= 1 << position }
        return bits
    }

    public init(items: [CooperationItem], towns: [String: TownFacts]) {
        self.items = items
        self.towns = towns
        var frequencies: [[String: Int]] = []
        var postings: [String: [(item: Int, tf: Int)]] = [:]
        var byTheme: [Handlungsfeld: [Int]] = [:]
        for (index, item) in items.enumerated() {
            var tf: [String: Int] = [:]
            // The title counts twice: it says what the item is about.
            for term in GermanTextAnalyzer.terms(item.title + " " + item.title + " " + item.description) { tf[term, default: 0] += 1 }
            frequencies.append(tf)
            for (term, count) in tf { postings[term, default: []].append((index, count)) }
            for field in item.handlungsfelder { byTheme[field, default: []].append(index) }
        }
        termFrequencies = frequencies
        lengths = frequencies.map { $0.values.reduce(0, +) }
        averageLength = lengths.isEmpty ? 1 : max(1, Double(lengths.reduce(0, +)) / Double(lengths.count))
        let average = averageLength
        lengthNorm = lengths.map { Self.k1 * (1 - Self.b + Self.b * Double($0) / average) }
        self.postings = postings
        documentFrequency = postings.mapValues(\.count)
        self.byTheme = byTheme
        indexByID = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        themeBits = items.map { Self.bits($0.handlungsfelder) }
        var numbers: [String: Int] = [:]
        var keys: [String] = []
        ownerNumber = items.map { item in
            if let number = numbers[item.ownerKey] { return number }
            numbers[item.ownerKey] = keys.count
            keys.append(item.ownerKey)
            return keys.count - 1
        }
        ownerKeys = keys
    }

    /// Query terms in a fixed order, so both paths add the same numbers in the same order.
    private func queryTerms(_ item: CooperationItem) -> [String] {
        Array(Set(GermanTextAnalyzer.terms(item.title + " " + item.description))).sorted()
    }

    private func idf(_ term: String) -> Double {
        let n = Double(items.count), df = Double(documentFrequency[term] ?? 0)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// One term's BM25 contribution; `idf` is computed once per query term by the caller.
    private func bm25Part(idf: Double, tf: Int, item: Int) -> Double {
        let f = Double(tf)
        return idf * f * (Self.k1 + 1) / (f + lengthNorm[item])
    }

    /// The best `limit` items for `query`, through the indexes.
    public func matches(for query: CooperationItem, limit: Int = 20) -> [ItemMatch] {
        let terms = queryTerms(query)
        var bm25 = [Double](repeating: 0, count: items.count)
        var isCandidate = [Bool](repeating: false, count: items.count)
        var candidates: [Int] = []
        for term in terms {
            let weight = idf(term)
            for posting in postings[term] ?? [] {
                bm25[posting.item] += bm25Part(idf: weight, tf: posting.tf, item: posting.item)
                if !isCandidate[posting.item] { isCandidate[posting.item] = true; candidates.append(posting.item) }
            }
        }
        for field in query.handlungsfelder {
            for index in byTheme[field] ?? [] where !isCandidate[index] {
                isCandidate[index] = true
                candidates.append(index)
            }
        }
        var context = QueryContext(engine: self, query: query)
        var best = TopScores(limit: limit, items: items)
        for index in candidates {
            if let value = context.score(index, bm25: bm25[index]) { best.offer(index, value) }
        }
        return explain(query, best: best.entries, limit: limit, terms: terms)
    }

    /// The same answer by scoring every item: the reference the indexes are tested against.
    public func bruteForceMatches(for query: CooperationItem, limit: Int = 20) -> [ItemMatch] {
        let terms = queryTerms(query)
        var context = QueryContext(engine: self, query: query)
        var scored: [(index: Int, score: Double)] = []
        let weights = terms.map(idf)
        for index in items.indices {
            var sum = 0.0
            for (term, weight) in zip(terms, weights) {
                if let tf = termFrequencies[index][term] { sum += bm25Part(idf: weight, tf: tf, item: index) }
            }
            if let value = context.score(index, bm25: sum) { scored.append((index, value)) }
        }
        return explain(query, best: scored, limit: limit, terms: terms)
    }

    /// What one query needs while scoring many candidates: its theme bits and, per town, the
    /// values that are the same for all of that town's items.
    private struct QueryContext {
        let engine: MatchEngine
        let query: CooperationItem
        let queryBits: UInt16
        let queryOwner: String
        /// The query's own item and town as numbers (-1 when not in the engine).
        let queryIndex: Int
        let queryOwnerNumber: Int
        var townValues: [(structure: Double, geography: Double, activity: Double)?]

        init(engine: MatchEngine, query: CooperationItem) {
            self.engine = engine
            self.query = query
            queryBits = MatchEngine.bits(query.handlungsfelder)
            queryOwner = query.ownerKey
            queryIndex = engine.indexByID[query.id] ?? -1
            queryOwnerNumber = engine.ownerKeys.firstIndex(of: query.ownerKey) ?? -1
            townValues = Array(repeating: nil, count: engine.ownerKeys.count)
        }

        /// The same numbers as `MatchScorer.values`, without touching strings or sets.
        mutating func score(_ index: Int, bm25: Double) -> Double? {
            let owner = engine.ownerNumber[index]
            // Ids are unique and owner numbers stand for owner keys: integer comparisons only.
            guard owner != queryOwnerNumber, index != queryIndex else { return nil }
            let shared = (queryBits & engine.themeBits[index]).nonzeroBitCount
            let union = (queryBits | engine.themeBits[index]).nonzeroBitCount
            let theme = union == 0 ? 0 : Double(shared) / Double(union)
            let text = MatchScorer.textValue(bm25)
            guard theme > 0 || text > 0 else { return nil }
            let town: (structure: Double, geography: Double, activity: Double)
            if let cached = townValues[owner] {
                town = cached
            } else {
                town = MatchScorer().townValues(query: query, queryTown: engine.towns[queryOwner], candidateTown: engine.towns[engine.ownerKeys[owner]])
                townValues[owner] = town
            }
            return MatchValues(
                theme: theme, text: text, complement: query.kind.complementarity(with: engine.items[index].kind),
                structure: town.structure, geography: town.geography, activity: town.activity
            ).score
        }
    }

    /// Sorts by score (then id), keeps `limit`, and builds the explanations for those only.
    private func explain(_ query: CooperationItem, best scored: [(index: Int, score: Double)], limit: Int, terms: [String]) -> [ItemMatch] {
        let top = scored.sorted { ($0.score, items[$1.index].id) > ($1.score, items[$0.index].id) }.prefix(limit)
        return top.compactMap { entry in
            var sum = 0.0
            var shared: [String] = []
            for term in terms {
                if let tf = termFrequencies[entry.index][term] {
                    sum += bm25Part(idf: idf(term), tf: tf, item: entry.index)
                    shared.append(term)
                }
            }
            return score(query, candidate: entry.index, bm25: sum, sharedTerms: shared)
        }
    }

    /// Towns ranked by their best fitting item.
    public func townMatches(for query: CooperationItem, limit: Int = 20) -> [(town: String, best: ItemMatch)] {
        var best: [String: ItemMatch] = [:]
        for match in matches(for: query, limit: items.count) where (best[match.item.ownerKey]?.score ?? -1) < match.score {
            best[match.item.ownerKey] = match
        }
        return best.map { (town: $0.key, best: $0.value) }
            .sorted { ($0.best.score, $1.town) > ($1.best.score, $0.town) }
            .prefix(limit).map { $0 }
    }

    public func item(id: String) -> CooperationItem? { indexByID[id].map { items[$0] } }

    private func score(_ query: CooperationItem, candidate index: Int, bm25: Double, sharedTerms: [String]) -> ItemMatch? {
        let candidate = items[index]
        return MatchScorer().score(
            query: query, queryTown: towns[query.ownerKey], candidate: candidate, candidateTown: towns[candidate.ownerKey],
            bm25: bm25, sharedTerms: sharedTerms)
    }

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

    private func precedes(_ a: (index: Int, score: Double), _ b: (index: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : items[a.index].id < items[b.index].id
    }

    mutating func offer(_ index: Int, _ score: Double) {
        guard limit > 0 else { return }
        let entry = (index: index, score: score)
        if entries.count == limit, let last = entries.last, !precedes(entry, last) { return }
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(entries[mid], entry) { low = mid + 1 } else { high = mid }
        }
        entries.insert(entry, at: low)
        if entries.count > limit { entries.removeLast() }
    }
}
