import Foundation

/// Ranks the items (and towns) that fit an item. Indexes by Handlungsfeld and by term find the
/// candidates; `bruteForceMatches` scores every item and must give exactly the same answer.
public struct MatchEngine: Sendable {
    public let items: [CooperationItem]
    let towns: [String: TownFacts]
    private let termFrequencies: [[String: Int]]
    private let lengths: [Int]
    private let averageLength: Double
    private let postings: [String: [(item: Int, tf: Int)]]
    private let documentFrequency: [String: Int]
    private let byTheme: [Handlungsfeld: [Int]]
    private let indexByID: [String: Int]
    static let k1 = 1.2, b = 0.75

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
        self.postings = postings
        documentFrequency = postings.mapValues(\.count)
        self.byTheme = byTheme
        indexByID = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
    }

    /// Query terms in a fixed order, so both paths add the same numbers in the same order.
    private func queryTerms(_ item: CooperationItem) -> [String] {
        Array(Set(GermanTextAnalyzer.terms(item.title + " " + item.description))).sorted()
    }

    private func idf(_ term: String) -> Double {
        let n = Double(items.count), df = Double(documentFrequency[term] ?? 0)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    private func bm25Part(term: String, tf: Int, item: Int) -> Double {
        let f = Double(tf)
        return idf(term) * f * (Self.k1 + 1) / (f + Self.k1 * (1 - Self.b + Self.b * Double(lengths[item]) / averageLength))
    }

    /// The best `limit` items for `query`, through the indexes.
    public func matches(for query: CooperationItem, limit: Int = 20) -> [ItemMatch] {
        let terms = queryTerms(query)
        var bm25: [Int: Double] = [:]
        var shared: [Int: [String]] = [:]
        for term in terms {
            for posting in postings[term] ?? [] {
                bm25[posting.item, default: 0] += bm25Part(term: term, tf: posting.tf, item: posting.item)
                shared[posting.item, default: []].append(term)
            }
        }
        var candidates = Set(bm25.keys)
        for field in query.handlungsfelder { candidates.formUnion(byTheme[field] ?? []) }
        return rank(candidates.compactMap { score(query, candidate: $0, bm25: bm25[$0] ?? 0, sharedTerms: shared[$0] ?? []) }, limit: limit)
    }

    /// The same answer by scoring every item: the reference the indexes are tested against.
    public func bruteForceMatches(for query: CooperationItem, limit: Int = 20) -> [ItemMatch] {
        let terms = queryTerms(query)
        var results: [ItemMatch] = []
        for index in items.indices {
            var sum = 0.0
            var shared: [String] = []
            for term in terms {
                if let tf = termFrequencies[index][term] {
                    sum += bm25Part(term: term, tf: tf, item: index)
                    shared.append(term)
                }
            }
            if let match = score(query, candidate: index, bm25: sum, sharedTerms: shared) { results.append(match) }
        }
        return rank(results, limit: limit)
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

    private func rank(_ matches: [ItemMatch], limit: Int) -> [ItemMatch] {
        Array(matches.sorted { ($0.score, $1.item.id) > ($1.score, $0.item.id) }.prefix(limit))
    }
}
