extension MatchEngine {
    /// The topical part of one candidate, in numbers.
    struct Topical {
        var tier: MatchExplanation.TopicTier
        var theme, text, complement: Double
        /// Shares the query's theme: a sub-theme or, when the query has none, a Handlungsfeld.
        /// Only such candidates go into the farther group.
        var sharesTheme: Bool

        /// The highest score the candidate could reach, whatever its town.
        var bestCase: Double {
            MatchValues(tier: tier, theme: theme, text: text, complement: complement, structure: 0, geography: 0, activity: 0).bestCase
        }
    }

    /// What one query needs while scoring many candidates: its bits, the complementarity per
    /// kind and, per town, the values that are the same for all of that town's items (computed
    /// once, when first needed).
    struct QueryContext {
        let engine: MatchEngine
        let query: CooperationItem
        let queryTown: TownFacts?
        let publicOnly: Bool
        /// Whether partners out of reach form a second group (not for bundesweit).
        let hasFartherGroup: Bool
        let queryBits: UInt16
        let querySubBits: UInt64
        let complementByKind: [Double]
        /// The query's own item and town as numbers (-1 when not in the engine).
        let querySlot: Int
        let queryOwnerNumber: Int
        /// The query town's latitude (NaN when unknown) and Kreis number (-1 when no owner shares it).
        let queryPlace: OwnerPlace
        /// Per owner, once computed: size, place and activity.
        private var townValues: [(structure: Double, geography: Double, activity: Double)?]
        /// Per owner: 0 not yet known, 1 within the query's reach, 2 beyond it.
        private var reachState: [UInt8]

        init(engine: MatchEngine, query: CooperationItem, publicOnly: Bool) {
            self.engine = engine
            self.query = query
            self.publicOnly = publicOnly
            queryTown = engine.towns[query.ownerKey]
            hasFartherGroup = query.reach != .bundesweit
            queryBits = MatchEngine.bits(query.handlungsfelder)
            querySubBits = MatchEngine.subthemeBits(query.unterthemen)
            complementByKind = ItemKind.allCases.map(query.kind.complementarity(with:))
            querySlot = engine.table.slot(of: query.id) ?? -1
            queryOwnerNumber = engine.table.ownerNumber(of: query.ownerKey).map(Int.init) ?? -1
            townValues = Array(repeating: nil, count: engine.table.ownerKeys.count)
            reachState = Array(repeating: 0, count: engine.table.ownerKeys.count)
            queryPlace = OwnerPlace(
                latitude: queryTown?.coordinate?.latitude ?? .nan, kreis: queryTown.flatMap { engine.kreisNumbers[$0.kreisKey] } ?? -1)
        }

        /// nil when the candidate is the query itself, of the query's town, hidden from this
        /// audience, or shares neither a field nor a term.
        func topical(_ slot: Int, bm25: Double) -> Topical? {
            // Ids are unique and owner numbers stand for owner keys: integer comparisons only.
            let table = engine.table
            guard Int(table.ownerNumber[slot]) != queryOwnerNumber, slot != querySlot else { return nil }
            if publicOnly && !table.isPublic[slot] { return nil }
            let fields = table.fieldBits[slot]
            let subthemes = table.subthemeBits[slot]
            let sharedFields = (queryBits & fields).nonzeroBitCount
            let sharedSub = (querySubBits & subthemes).nonzeroBitCount
            let theme = MatchScorer.themeValue(
                sharedFields: sharedFields, unionFields: (queryBits | fields).nonzeroBitCount, sharedSub: sharedSub,
                unionSub: (querySubBits | subthemes).nonzeroBitCount)
            let text = MatchScorer.textValue(bm25)
            guard theme > 0 || text > 0 else { return nil }
            return Topical(
                tier: MatchScorer.tier(sharedFields: sharedFields, sharedSub: sharedSub), theme: theme, text: text,
                complement: complementByKind[Int(table.kindIndex[slot])], sharesTheme: querySubBits == 0 ? sharedFields > 0 : sharedSub > 0)
        }

        mutating func town(_ owner: Int) -> (structure: Double, geography: Double, activity: Double) {
            if let cached = townValues[owner] { return cached }
            let values = MatchScorer().townValues(query: query, queryTown: queryTown, candidateTown: engine.ownerTowns[owner])
            townValues[owner] = (values.structure, values.geography, values.activity)
            return (values.structure, values.geography, values.activity)
        }

        /// Whether the candidate's town lies within the query's reach (bundesweit: always,
        /// without looking), as `Placement` says; known once per town.
        mutating func inReach(_ slot: Int) -> Bool {
            guard hasFartherGroup else { return true }
            let owner = Int(engine.table.ownerNumber[slot])
            if reachState[owner] == 0 {
                let within =
                    !certainlyBeyondReach(owner)
                    && Placement(reach: query.reach, queryTown: queryTown, candidateTown: engine.ownerTowns[owner]).inReach
                reachState[owner] = within ? 1 : 2
            }
            return reachState[owner] == 1
        }

        /// True when the town lies farther north or south than the reach goes (a great-circle
        /// distance is never shorter than its north–south part, 111.195 km per degree; with a
        /// margin of a kilometre) and, for the Region, not in the query's Kreis. Spares most
        /// towns the distance and their other values.
        private func certainlyBeyondReach(_ owner: Int) -> Bool {
            guard let maximumKm = query.reach.maximumKm, !queryPlace.latitude.isNaN else { return false }
            let place = engine.ownerPlaces[owner]
            guard !place.latitude.isNaN else { return false }
            if query.reach == .region && place.kreis == queryPlace.kreis { return false }
            return abs(place.latitude - queryPlace.latitude) * 111.19 > maximumKm + 1
        }

        /// The same number as `MatchScorer.score`. With a `threshold`, a candidate that cannot
        /// reach it even with full marks for size, place and activity is left out before its
        /// town's values are computed (it would not be kept anyway).
        mutating func total(_ slot: Int, _ part: Topical, threshold: Double?) -> Double? {
            if let threshold, part.bestCase < threshold { return nil }
            let town = town(Int(engine.table.ownerNumber[slot]))
            return MatchValues(
                tier: part.tier, theme: part.theme, text: part.text, complement: part.complement, structure: town.structure,
                geography: town.geography, activity: town.activity
            ).score
        }
    }
}
