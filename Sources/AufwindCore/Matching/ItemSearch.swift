/// A full-text search over published items with filters, one page at a time.
public struct ItemSearchQuery: Sendable, Equatable {
    public var text: String
    public var kind: ItemKind?
    public var feld: Handlungsfeld?
    /// Two-digit Land code of the owning town.
    public var land: String?
    public var groesse: Groessenklasse?
    public var status: ItemStatus?
    public var reach: Reach?
    /// Without an account only public items are found.
    public var publicOnly: Bool
    public var page: Int
    public var pageSize: Int

    public init(
        text: String = "", kind: ItemKind? = nil, feld: Handlungsfeld? = nil, land: String? = nil, groesse: Groessenklasse? = nil,
        status: ItemStatus? = nil, reach: Reach? = nil, publicOnly: Bool = true, page: Int = 1, pageSize: Int = 20
    ) {
        self.text = text
        self.kind = kind
        self.feld = feld
        self.land = land
        self.groesse = groesse
        self.status = status
        self.reach = reach
        self.publicOnly = publicOnly
        self.page = max(1, page)
        self.pageSize = min(100, max(1, pageSize))
    }
}

/// How the items found relate to the search words.
public enum ItemSearchCoverage: Sendable, Equatable {
    /// Every item contains every search word (or there were none: a listing).
    case allWords
    /// No item contains all of them together: these are the items with the most of them.
    case someWords
    /// The text holds only words too common to search for ("und", "Kommune"): nothing is found.
    case tooGeneral
}

public struct ItemSearchResult: Sendable, Equatable {
    /// How many items match in all.
    public var total: Int
    /// The items of the requested page.
    public var items: [CooperationItem]
    public var page: Int
    public var pageSize: Int
    public var coverage: ItemSearchCoverage
    /// Search words, as typed, that no item (under the filters, for this searcher) contains.
    public var unmatchedWords: [String]
    /// The search text with typos corrected, for "Meinten Sie …?".
    public var suggestion: String?

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

    public init(
        total: Int, items: [CooperationItem], page: Int, pageSize: Int, coverage: ItemSearchCoverage = .allWords,
        unmatchedWords: [String] = [], suggestion: String? = nil
    ) {
        self.total = total
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.coverage = coverage
        self.unmatchedWords = unmatchedWords
        self.suggestion = suggestion
    }
}

extension ItemSearchIndex {
    /// Items that contain every search word, best BM25 first, where a word is found as written
    /// (inflection aside), as a compound part, or, if it occurs nowhere, with one typo
    /// (`ItemSearchPlan`). When no item has them all, the items with the most of them
    /// (`coverage` `.someWords`). Without a text, the most recently published first. Filters
    /// narrow all of these.
    public func search(_ query: ItemSearchQuery) -> ItemSearchResult {
        let filter = ItemSearchFilter(query, index: self)
        var result = ItemSearchResult(total: 0, items: [], page: query.page, pageSize: query.pageSize)
        guard !GermanTextAnalyzer.wordRuns(query.text).isEmpty else {
            let listed = table.indices.reversed().filter { table.alive[$0] && filter.passes($0) }.map { (slot: $0, score: 0.0) }
            return paged(listed, sorted: true, into: result)
        }
        let plan = ItemSearchPlan(text: query.text, index: self, publicOnly: query.publicOnly)
        guard !plan.words.isEmpty else {
            result.coverage = .tooGeneral
            return result
        }
        result.suggestion = plan.suggestion
        let complete = slotsWithAllWords(plan, filter: filter)
        if !complete.isEmpty { return paged(complete, sorted: false, into: result) }
        // One word is all or nothing: a "part" of it would be nothing.
        guard plan.words.count > 1 else {
            result.unmatchedWords = [plan.words[0].written]
            return result
        }
        let partial = slotsWithMostWords(plan, filter: filter, audience: query.publicOnly ? publicCount : count)
        result.unmatchedWords = partial.unmatched
        guard !partial.ranked.isEmpty else { return result }
        result.coverage = .someWords
        return paged(partial.ranked, sorted: false, into: result)
    }

    private func paged(_ ranked: [(slot: Int, score: Double)], sorted: Bool, into result: ItemSearchResult) -> ItemSearchResult {
        var result = result
        result.total = ranked.count
        let ordered = sorted ? ranked : Self.best(ranked, count: result.page * result.pageSize)
        let start = (result.page - 1) * result.pageSize
        result.items = start < ordered.count ? ordered[start..<min(ordered.count, start + result.pageSize)].map { table[$0.slot] } : []
        return result
    }

    /// Live slots that pass the filters and contain every word of `plan` through one of its
    /// expansions, with the sum over the words of the best expansion's BM25 part. The rarest
    /// word first: it names the candidates, every further word can only narrow them.
    private func slotsWithAllWords(_ plan: ItemSearchPlan, filter: ItemSearchFilter) -> [(slot: Int, score: Double)] {
        guard plan.words.allSatisfy({ !$0.expansions.isEmpty }) else { return [] }
        let stats = statistics
        let ordered = plan.words.sorted { ($0.cost, $0.term) < ($1.cost, $1.term) }
        let alive = table.alive
        var sums = [Double](repeating: 0, count: table.count)
        var wordBest = [Double](repeating: 0, count: table.count)
        // How many of the ordered words a slot contains (it must contain all before the current).
        var matched = [UInt8](repeating: 0, count: table.count)
        var candidates: [Int] = []
        for (position, word) in ordered.enumerated() {
            let before = UInt8(position)
            let after = UInt8(position + 1)
            for expansion in word.expansions {
                let idf = stats.idf(documentFrequency: documentFrequency[Int(expansion.term)]) * expansion.weight
                for posting in postings[Int(expansion.term)] {
                    let slot = Int(posting.slot)
                    let state = matched[slot]
                    guard state == before || state == after, alive[slot] else { continue }
                    let value = stats.part(idf: idf, frequency: posting.frequency, length: lengths[slot])
                    if state == before {
                        if position == 0 { candidates.append(slot) }
                        matched[slot] = after
                        sums[slot] += value
                        wordBest[slot] = value
                    } else if value > wordBest[slot] {
                        sums[slot] += value - wordBest[slot]
                        wordBest[slot] = value
                    }
                }
            }
        }
        let all = UInt8(ordered.count)
        return candidates.compactMap { matched[$0] == all && filter.passes($0) ? (slot: $0, score: sums[$0]) : nil }
    }

    /// The best partial results: the slots that pass the filters and contain the most words of
    /// `plan`, at least one of them not common. A word whose forms occur in more than half of the
    /// `audience` (the items the searcher may see) is common: alone it would list half of
    /// everything. Also the words no such slot contains.
    private func slotsWithMostWords(_ plan: ItemSearchPlan, filter: ItemSearchFilter, audience: Int) -> (
        ranked: [(slot: Int, score: Double)], unmatched: [String]
    ) {
        let stats = statistics
        let alive = table.alive
        var sums = [Double](repeating: 0, count: table.count)
        var wordBest = [Double](repeating: 0, count: table.count)
        var masks = [UInt32](repeating: 0, count: table.count)
        // 0: not yet asked, 1: passes the filters, 2: does not.
        var passes = [UInt8](repeating: 0, count: table.count)
        var candidates: [Int] = []
        var hits = [Int](repeating: 0, count: plan.words.count)
        for (position, word) in plan.words.enumerated() {
            let bit = UInt32(1) << UInt32(position)
            for expansion in word.expansions {
                let idf = stats.idf(documentFrequency: documentFrequency[Int(expansion.term)]) * expansion.weight
                for posting in postings[Int(expansion.term)] {
                    let slot = Int(posting.slot)
                    guard alive[slot] else { continue }
                    if passes[slot] == 0 { passes[slot] = filter.passes(slot) ? 1 : 2 }
                    guard passes[slot] == 1 else { continue }
                    let value = stats.part(idf: idf, frequency: posting.frequency, length: lengths[slot])
                    if masks[slot] & bit == 0 {
                        if masks[slot] == 0 { candidates.append(slot) }
                        masks[slot] |= bit
                        sums[slot] += value
                        wordBest[slot] = value
                        hits[position] += 1
                    } else if value > wordBest[slot] {
                        sums[slot] += value - wordBest[slot]
                        wordBest[slot] = value
                    }
                }
            }
        }
        let unmatched = plan.words.indices.filter { hits[$0] == 0 }.map { plan.words[$0].written }
        guard !candidates.isEmpty else { return ([], unmatched) }
        var selective: UInt32 = 0
        for position in plan.words.indices where hits[position] > 0 && 2 * plan.words[position].audienceFrequency <= audience {
            selective |= UInt32(1) << UInt32(position)
        }
        var most = 0
        for slot in candidates where masks[slot] & selective != 0 { most = max(most, masks[slot].nonzeroBitCount) }
        guard most > 0 else { return ([], unmatched) }
        let ranked = candidates.compactMap { slot in
            masks[slot] & selective != 0 && masks[slot].nonzeroBitCount == most ? (slot: slot, score: sums[slot]) : nil
        }
        return (ranked, unmatched)
    }

    /// The first `count` of `ranked` in order (higher score, then newer): the pages after the
    /// requested one are never shown, so they need no sorting.
    static func best(_ ranked: [(slot: Int, score: Double)], count: Int) -> [(slot: Int, score: Double)] {
        func precedes(_ a: (slot: Int, score: Double), _ b: (slot: Int, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : a.slot > b.slot
        }
        guard count < ranked.count / 4 else { return ranked.sorted(by: precedes) }
        var top: [(slot: Int, score: Double)] = []
        top.reserveCapacity(count + 1)
        for entry in ranked {
            if top.count == count, let last = top.last, !precedes(entry, last) { continue }
            var low = 0
            var high = top.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(top[mid], entry) { low = mid + 1 } else { high = mid }
            }
            top.insert(entry, at: low)
            if top.count > count { top.removeLast() }
        }
        return top
    }
}

/// The filters of a query as small numbers, compared per slot without touching the items.
struct ItemSearchFilter {
    let table: ItemTable
    let ownerSize: [UInt8]
    let publicOnly: Bool
    let kind: UInt8?
    let fieldBit: UInt16?
    let status: UInt8?
    let reach: UInt8?
    let size: UInt8?
    /// Per owner number: whether its Land is the one asked for.
    let land: [Bool]?

    init(_ query: ItemSearchQuery, index: ItemSearchIndex) {
        table = index.table
        ownerSize = index.ownerSize
        publicOnly = query.publicOnly
        kind = query.kind.flatMap { ItemKind.allCases.firstIndex(of: $0) }.map(UInt8.init)
        fieldBit = query.feld.map { ItemSearchIndex.fieldBits([$0]) }
        status = query.status.flatMap { ItemStatus.allCases.firstIndex(of: $0) }.map(UInt8.init)
        reach = query.reach.flatMap { Reach.allCases.firstIndex(of: $0) }.map(UInt8.init)
        size = query.groesse.flatMap { Groessenklasse.allCases.firstIndex(of: $0) }.map(UInt8.init)
        land = query.land.map { code in index.ownerLand.map { $0 == code } }
    }

    func passes(_ slot: Int) -> Bool {
        if publicOnly && !table.isPublic[slot] { return false }
        if let kind, table.kindIndex[slot] != kind { return false }
        if let fieldBit, table.fieldBits[slot] & fieldBit == 0 { return false }
        if let status, table.statusIndex[slot] != status { return false }
        if let reach, table.reachIndex[slot] != reach { return false }
        if let land, !land[Int(table.ownerNumber[slot])] { return false }
        if let size, ownerSize[Int(table.ownerNumber[slot])] != size { return false }
        return true
    }
}

extension ItemSearchIndex {
    /// Items that look like `draft` ("gibt es das schon?"), also of the same town: items whose
    /// title and description contain at least half of the draft's title terms, more shared terms
    /// and a higher BM25 first. Terms as written (inflection aside); no compound parts, typos or
    /// topic names: a new item is only held up by items that say the same.
    public func similarItems(to draft: CooperationItem, limit: Int = 5, publicOnly: Bool = true) -> [CooperationItem] {
        let titleTerms = Set(GermanTextAnalyzer.words(draft.title).compactMap(\.searchTerm))
        guard !titleTerms.isEmpty else { return [] }
        let terms = Set(GermanTextAnalyzer.words(draft.title + " " + draft.description).compactMap(\.searchTerm)).sorted()
        let stats = statistics
        var hits: [Int: Int] = [:]
        var bm25: [Int: Double] = [:]
        for term in terms {
            guard let number = vocabulary.number(of: term) else { continue }
            let idf = stats.idf(documentFrequency: documentFrequency[Int(number)])
            // Only a word of a topic name can owe part of its count to the item's topics.
            let inTopicNames = Self.topicTerms.contains(term)
            for posting in postings[Int(number)] where table.alive[Int(posting.slot)] {
                let slot = Int(posting.slot)
                let fromTopics =
                    inTopicNames ? Self.topicFrequency(of: term, fields: table.fieldBits[slot], subthemes: table.unterthemen(at: slot)) : 0
                let inText = Int(posting.frequency) - fromTopics
                guard inText > 0 else { continue }
                bm25[slot, default: 0] += stats.part(idf: idf, frequency: UInt16(inText), length: lengths[slot])
                if titleTerms.contains(term) { hits[slot, default: 0] += 1 }
            }
        }
        var ranked: [(slot: Int, hits: Int, score: Double)] = []
        for (slot, count) in hits where 2 * count >= titleTerms.count && !table.hasID(slot, draft.id) {
            if publicOnly && !isPublic[slot] { continue }
            ranked.append((slot, count, bm25[slot] ?? 0))
        }
        ranked.sort { ($0.hits, $0.score, $0.slot) > ($1.hits, $1.score, $1.slot) }
        return ranked.prefix(limit).map { table[$0.slot] }
    }
}
