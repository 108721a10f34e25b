/// The atlas's figures of one Kreis (or of all of Germany): its Gemeinden, how many are active and
/// isolated, and the cooperations and Verbünde with at least one town of it.
public struct KreisActivity: Sendable, Equatable {
    public var key: String
    public var population = 0
    public var gemeinden = 0
    public var activeGemeinden = 0
    public var isolatedGemeinden = 0
    public var items = 0
    public var cooperations = 0
    public var verbuende = 0

    public init(key: String) { self.key = key }

    /// Share of its Gemeinden that are active, 0…1 (0 without Gemeinden).
    public var activeShare: Double { gemeinden > 0 ? Double(activeGemeinden) / Double(gemeinden) : 0 }

    public var isolatedShare: Double { gemeinden > 0 ? Double(isolatedGemeinden) / Double(gemeinden) : 0 }

    /// Cooperations per 100,000 inhabitants (0 without inhabitants).
    public var cooperationsPer100k: Double { population > 0 ? Double(cooperations) * 100_000 / Double(population) : 0 }
}
