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

public struct ItemSearchResult: Sendable, Equatable {
    /// How many items match in all.
    public var total: Int
    /// The items of the requested page.
    public var items: [CooperationItem]
    public var page: Int
    public var pageSize: Int

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

    public init(total: Int, items: [CooperationItem], page: Int, pageSize: Int) {
        self.total = total
        self.items = items
        self.page = page
        self.pageSize = pageSize
    }
}

extension MatchEngine {
    /// Items that contain every search term (after German folding and stemming), best BM25 first;
    /// without terms, the most recently published first. Filters narrow both.
    public func search(_ query: ItemSearchQuery) -> ItemSearchResult {
        // A search text has at most 200 characters; its distinct terms fit a UInt16 count.
        let terms = Array(Array(Set(GermanTextAnalyzer.terms(query.text))).sorted().prefix(Int(UInt16.max)))
        let fieldBit = query.feld.map { Self.bits([$0]) }
        // Filters as small numbers, compared per slot without touching the items themselves.
        let kind = query.kind.flatMap { ItemKind.allCases.firstIndex(of: $0) }.map(UInt8.init)
        let status = query.status.flatMap { ItemStatus.allCases.firstIndex(of: $0) }.map(UInt8.init)
        let reach = query.reach.flatMap { Reach.allCases.firstIndex(of: $0) }.map(UInt8.init)
        let size = query.groesse.flatMap { Groessenklasse.allCases.firstIndex(of: $0) }.map(UInt8.init)
        let land: [Bool]? = query.land.map { code in ownerLand.map { $0 == code } }
        func passes(_ slot: Int) -> Bool {
            if query.publicOnly && !isPublic[slot] { return false }
            if let kind, kindIndex[slot] != kind { return false }
            if let fieldBit, themeBits[slot] & fieldBit == 0 { return false }
            if let status, statusIndex[slot] != status { return false }
            if let reach, reachIndex[slot] != reach { return false }
            if let land, !land[ownerNumber[slot]] { return false }
            if let size, ownerSize[ownerNumber[slot]] != size { return false }
            return true
        }
        var ranked: [(slot: Int, score: Double)] = []
        if terms.isEmpty {
            for slot in slots.indices.reversed() where alive[slot] && passes(slot) { ranked.append((slot, 0)) }
        } else {
            let stats = statistics
            // The rarest term first: it names the candidates, every further term can only narrow them.
            let ordered = terms.sorted { (documentFrequencyOf($0), $0) < (documentFrequencyOf($1), $1) }
            var sums = [Double](repeating: 0, count: slots.count)
            var hits = [UInt16](repeating: 0, count: slots.count)
            var candidates: [Int] = []
            for (position, term) in ordered.enumerated() {
                guard let list = postingsOf(term) else { return ItemSearchResult(total: 0, items: [], page: query.page, pageSize: query.pageSize) }
                let idf = stats.idf(documentFrequency: documentFrequencyOf(term))
                for posting in list {
                    let slot = Int(posting.slot)
                    guard alive[slot], Int(hits[slot]) == position else { continue }
                    if position == 0 { candidates.append(slot) }
                    sums[slot] += stats.part(idf: idf, tf: posting.tf, length: lengths[slot])
                    hits[slot] = UInt16(position + 1)
                }
            }
            for slot in candidates where Int(hits[slot]) == terms.count && passes(slot) { ranked.append((slot, sums[slot])) }
        }
        let total = ranked.count
        if !terms.isEmpty { ranked = Self.best(ranked, count: query.page * query.pageSize) }
        let start = (query.page - 1) * query.pageSize
        let page = start < ranked.count ? ranked[start..<min(ranked.count, start + query.pageSize)].map { slots[$0.slot] } : []
        return ItemSearchResult(total: total, items: page, page: query.page, pageSize: query.pageSize)
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

extension MatchEngine {
    /// Items that look like `draft` ("gibt es das schon?"), also of the same town: items that
    /// contain at least half of the draft's title terms, more shared terms and a higher BM25
    /// (title and description) first.
    public func similarItems(to draft: CooperationItem, limit: Int = 5, publicOnly: Bool = true) -> [CooperationItem] {
        let titleTerms = Set(GermanTextAnalyzer.terms(draft.title))
        guard !titleTerms.isEmpty else { return [] }
        let terms = Array(Set(GermanTextAnalyzer.terms(draft.title + " " + draft.description))).sorted()
        let stats = statistics
        var hits: [Int: Int] = [:]
        var bm25: [Int: Double] = [:]
        for term in terms {
            guard let list = postingsOf(term) else { continue }
            let idf = stats.idf(documentFrequency: documentFrequencyOf(term))
            for posting in list where alive[Int(posting.slot)] {
                let slot = Int(posting.slot)
                bm25[slot, default: 0] += stats.part(idf: idf, tf: posting.tf, length: lengths[slot])
                if titleTerms.contains(term) { hits[slot, default: 0] += 1 }
            }
        }
        var ranked: [(slot: Int, hits: Int, score: Double)] = []
        for (slot, count) in hits where 2 * count >= titleTerms.count && slots[slot].id != draft.id {
            if publicOnly && slots[slot].visibility != .oeffentlich { continue }
            ranked.append((slot, count, bm25[slot] ?? 0))
        }
        ranked.sort { ($0.hits, $0.score, $0.slot) > ($1.hits, $1.score, $1.slot) }
        return ranked.prefix(limit).map { slots[$0.slot] }
    }
}
