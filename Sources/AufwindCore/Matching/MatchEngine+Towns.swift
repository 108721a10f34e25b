extension MatchEngine {
    // MARK: Matching towns

    /// Towns ranked by their best fitting item for `query`, in the two groups of `PartnerSuggestions`.
    public func townMatches(for query: CooperationItem, limit: Int = 20, publicOnly: Bool = false) -> PartnerSuggestions<TownMatch> {
        townMatches(for: [query], limit: limit, publicOnly: publicOnly, bruteForce: false)
    }

    /// The best partner towns for a town as a whole: for each of its items (or a description
    /// of the town when it has none), every other town's best fitting item. A town is within
    /// reach when one of its items fits one of the queries within that query's reach; otherwise
    /// it is in the farther group when one of its items shares a query's theme.
    public func townMatches(for queries: [CooperationItem], limit: Int = 20, publicOnly: Bool = false) -> PartnerSuggestions<TownMatch> {
        townMatches(for: queries, limit: limit, publicOnly: publicOnly, bruteForce: false)
    }

    /// The same by scoring every item, for the tests.
    public func bruteForceTownMatches(for queries: [CooperationItem], limit: Int = 20, publicOnly: Bool = false) -> PartnerSuggestions<TownMatch> {
        townMatches(for: queries, limit: limit, publicOnly: publicOnly, bruteForce: true)
    }

    private typealias TownBest = (score: Double, query: Int, slot: Int)

    private func townMatches(for queries: [CooperationItem], limit: Int, publicOnly: Bool, bruteForce: Bool) -> PartnerSuggestions<TownMatch> {
        let stats = statistics
        // Per candidate town: the best (score, query, slot) within reach and farther away, and
        // how many of its items fit.
        let owners = table.ownerKeys.count
        var bestNear = [TownBest?](repeating: nil, count: owners)
        var bestFar = [TownBest?](repeating: nil, count: owners)
        var isNear = [Bool](repeating: false, count: owners)
        // How many of a town's items fit (each counted once, whichever queries it fits).
        var fitting = [Int](repeating: 0, count: owners)
        var counted = [Bool](repeating: false, count: table.count)
        var isOwn = [Bool](repeating: false, count: owners)
        for query in queries { if let number = table.ownerNumber(of: query.ownerKey) { isOwn[Int(number)] = true } }
        // The `limit` best town scores so far per group: a candidate below the lowest of them
        // cannot enter the list nor change a town in it (towns only ever improve). A town only
        // counts for the farther list once no query's reach can take it in: a town within reach
        // of some query may still move to the first group.
        var nearTop = TownRanking(limit: limit)
        var farTop = TownRanking(limit: limit)
        var cover = ReachCover(engine: self, queries: queries)
        for (queryIndex, query) in queries.enumerated() {
            var context = QueryContext(engine: self, query: query, publicOnly: publicOnly)
            let terms = queryTerms(query)
            let visit: (Int, Double) -> Void = { slot, bm25 in
                let owner = Int(table.ownerNumber[slot])
                guard !isOwn[owner], let part = context.topical(slot, bm25: bm25) else { return }
                if context.inReach(slot) {
                    isNear[owner] = true
                    if !counted[slot] {
                        counted[slot] = true
                        fitting[owner] += 1
                    }
                    guard let value = context.total(slot, part, threshold: bruteForce ? nil : nearTop.threshold) else { return }
                    if Self.improve(&bestNear, owner, (value, queryIndex, slot), table: table) { nearTop.record(owner, value) }
                } else if part.sharesTheme {
                    if !counted[slot] {
                        counted[slot] = true
                        fitting[owner] += 1
                    }
                    let settled = !cover.mayTakeIn(owner)
                    guard let value = context.total(slot, part, threshold: bruteForce || !settled ? nil : farTop.threshold) else { return }
                    if Self.improve(&bestFar, owner, (value, queryIndex, slot), table: table), settled { farTop.record(owner, value) }
                }
            }
            if bruteForce {
                for slot in table.indices where table.alive[slot] { visit(slot, bruteForceBM25(terms: terms, slot: slot, stats: stats)) }
            } else {
                forEachCandidate(terms: terms, fields: query.handlungsfelder, stats: stats, visit)
            }
        }
        let queryWords = queries.map { WrittenWords($0.title + " " + $0.description) }
        func ranked(_ best: [TownBest?], leavingOut: [Bool]? = nil) -> [TownMatch] {
            var entries: [(owner: Int, entry: TownBest)] = []
            for owner in best.indices where leavingOut?[owner] != true { if let entry = best[owner] { entries.append((owner, entry)) } }
            let top = entries.sorted { a, b in
                a.entry.score != b.entry.score ? a.entry.score > b.entry.score : table.ownerKeys[a.owner] < table.ownerKeys[b.owner]
            }.prefix(limit)
            return top.compactMap { owner, entry in
                let query = queries[entry.query]
                guard let match = explain(query, slot: entry.slot, terms: queryTerms(query), stats: stats, queryWords: queryWords[entry.query])
                else { return nil }
                return TownMatch(town: table.ownerKeys[owner], score: entry.score, best: match, query: query, fittingItems: fitting[owner])
            }
        }
        return PartnerSuggestions(
            hasFartherGroup: queries.contains { $0.reach != .bundesweit }, inReach: ranked(bestNear),
            farther: ranked(bestFar, leavingOut: isNear))
    }

    /// Keeps `candidate` as the town's best if it is better; true when it did.
    private static func improve(_ best: inout [TownBest?], _ owner: Int, _ candidate: TownBest, table: ItemTable) -> Bool {
        if let current = best[owner], !better(candidate, than: current, table: table) { return false }
        best[owner] = candidate
        return true
    }

    /// The order within one town: higher score, then the earlier query, then the smaller id.
    private static func better(_ a: TownBest, than b: TownBest, table: ItemTable) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.query != b.query { return a.query < b.query }
        return table.idPrecedes(a.slot, b.slot)
    }
}

/// The `limit` best town scores so far, best first.
private struct TownRanking {
    let limit: Int
    private var top: [(owner: Int, score: Double)] = []

    init(limit: Int) { self.limit = limit }

    /// The score a town must at least reach to enter, once the list is full.
    var threshold: Double? { top.count < limit ? nil : top.last?.score }

    mutating func record(_ owner: Int, _ score: Double) {
        if let index = top.firstIndex(where: { $0.owner == owner }) {
            top[index].score = score
        } else {
            top.append((owner, score))
        }
        top.sort { $0.score > $1.score }
        if top.count > limit { top.removeLast() }
    }
}

/// Per town, whether the reach of any of the queries takes it in (computed once per town).
private struct ReachCover {
    let engine: MatchEngine
    /// The distinct (town, reach) of the queries; nil when one of them is bundesweit.
    let reaches: [(town: TownFacts?, reach: Reach)]?
    private var known: [UInt8]

    init(engine: MatchEngine, queries: [CooperationItem]) {
        self.engine = engine
        var seen: Set<String> = []
        var reaches: [(town: TownFacts?, reach: Reach)] = []
        for query in queries where seen.insert(query.ownerKey + "|" + query.reach.rawValue).inserted {
            reaches.append((engine.towns[query.ownerKey], query.reach))
        }
        self.reaches = reaches.contains { $0.reach == .bundesweit } ? nil : reaches
        known = [UInt8](repeating: 0, count: engine.table.ownerKeys.count)
    }

    mutating func mayTakeIn(_ owner: Int) -> Bool {
        guard let reaches else { return true }
        if known[owner] == 0 {
            let town = engine.ownerTowns[owner]
            let covered = reaches.contains { Placement(reach: $0.reach, queryTown: $0.town, candidateTown: town).inReach }
            known[owner] = covered ? 1 : 2
        }
        return known[owner] == 1
    }
}
