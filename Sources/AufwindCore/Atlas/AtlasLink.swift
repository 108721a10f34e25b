/// The cooperations between towns of two Kreise, as one line on the Germany map: how many are
/// *nah* (the two towns at most `AtlasFigures.nearKm` apart) and how many *fern*.
public struct AtlasLink: Sendable, Equatable {
    /// The two Kreis keys, the smaller first.
    public var from: String
    public var to: String
    public var near = 0
    public var far = 0

    public init(from: String, to: String, near: Int = 0, far: Int = 0) {
        self.from = from
        self.to = to
        self.near = near
        self.far = far
    }

    public var total: Int { near + far }
}
