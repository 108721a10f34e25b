/// Everything one GV100AD file (with coordinates) says about the territory of Germany.
public struct RegisterData: Sendable, Equatable {
    /// Gebietsstand as ISO date, e.g. "2025-11-30".
    public var gebietsstand: String
    public var units: [Gebietseinheit]
    public var gemeinden: [Gemeinde]

    public init(gebietsstand: String, units: [Gebietseinheit], gemeinden: [Gemeinde]) {
        self.gebietsstand = gebietsstand
        self.units = units
        self.gemeinden = gemeinden
    }

    /// Attaches coordinates (`ags → point`) to the Gemeinden; Gemeinden not in the table keep none.
    public func withCoordinates(_ coordinates: [String: GeoPoint]) -> RegisterData {
        var copy = self
        for index in copy.gemeinden.indices {
            copy.gemeinden[index].coordinate = coordinates[copy.gemeinden[index].ags]
        }
        return copy
    }
}

/// How many records of each Satzart a file had.
public struct GV100ADStatistics: Sendable, Equatable {
    public var recordsBySatzart: [Int: Int] = [:]
    public var totalRecords: Int { recordsBySatzart.values.reduce(0, +) }
}
