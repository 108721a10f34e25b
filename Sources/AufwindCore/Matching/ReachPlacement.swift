extension Reach {
    /// The farthest a partner may be, in km; nil for bundesweit.
    public var maximumKm: Double? {
        switch self {
        case .nachbarschaft: 25
        case .region: 75
        case .bundesweit: nil
        }
    }

    /// Whether a partner town `distanceKm` away (nil: unknown) lies within this reach. The
    /// Region also takes in the whole Kreis, whatever the distance.
    public func includes(distanceKm: Double?, sameKreis: Bool) -> Bool {
        switch self {
        case .bundesweit: true
        case .region: sameKreis || distanceKm.map { $0 <= 75 } == true
        case .nachbarschaft: distanceKm.map { $0 <= 25 } == true
        }
    }
}

/// Where a candidate's town lies, seen from the query's town, for the query's reach.
struct Placement: Equatable {
    /// nil when either place is unknown.
    var distanceKm: Double?
    var sameKreis: Bool
    var inReach: Bool

    init(reach: Reach, queryTown: TownFacts?, candidateTown: TownFacts?) {
        if let a = queryTown?.coordinate, let b = candidateTown?.coordinate {
            distanceKm = a.distanceKm(to: b)
        } else {
            distanceKm = nil
        }
        sameKreis = queryTown != nil && queryTown?.kreisKey == candidateTown?.kreisKey
        inReach = reach.includes(distanceKm: distanceKm, sameKreis: sameKreis)
    }
}
