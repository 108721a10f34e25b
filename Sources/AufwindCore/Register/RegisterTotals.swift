/// Sums over the Gemeinden of an area.
public struct RegisterTotals: Sendable, Equatable {
    public var gemeinden = 0
    public var population = 0
    public var areaHectares = 0

    public init() {}

    mutating func add(_ gemeinde: Gemeinde) {
        gemeinden += 1
        population += gemeinde.population
        areaHectares += gemeinde.areaHectares
    }

    public var areaKm2: Double { Double(areaHectares) / 100 }
    public var density: Double? { areaHectares > 0 ? Double(population) / areaKm2 : nil }
}
