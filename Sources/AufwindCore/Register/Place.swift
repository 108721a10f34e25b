/// What the one search box for places finds.
public enum PlaceKind: String, Sendable, Codable, CaseIterable {
    case gemeinde
    case kreis
    /// An Amt, a Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft or another association
    /// of Gemeinden (GV100AD Satzart 50, not the verbandsfreie Gemeinde).
    case gemeindeverband

    public var germanName: String {
        switch self {
        case .gemeinde: "Gemeinde"
        case .kreis: "Kreis"
        case .gemeindeverband: "Gemeindeverband"
        }
    }
}

/// A Gemeinde, Kreis or Gemeindeverband found by the place search.
public enum Place: Sendable, Hashable {
    case gemeinde(Gemeinde)
    case kreis(Gebietseinheit)
    case gemeindeverband(Gebietseinheit)

    public var kind: PlaceKind {
        switch self {
        case .gemeinde: .gemeinde
        case .kreis: .kreis
        case .gemeindeverband: .gemeindeverband
        }
    }

    /// AGS of a Gemeinde, Kreis key (5 digits), ARS of a Gemeindeverband (9 digits).
    public var key: String {
        switch self {
        case .gemeinde(let gemeinde): gemeinde.ags
        case .kreis(let unit), .gemeindeverband(let unit): unit.key
        }
    }

    /// The official designation.
    public var name: String {
        switch self {
        case .gemeinde(let gemeinde): gemeinde.name
        case .kreis(let unit), .gemeindeverband(let unit): unit.name
        }
    }

    /// The official type ("Stadt", "Landkreis", "Samtgemeinde").
    public var typeName: String {
        switch self {
        case .gemeinde(let gemeinde): gemeinde.typeName
        case .kreis(let unit), .gemeindeverband(let unit): unit.typeName ?? kind.germanName
        }
    }

    public var gemeinde: Gemeinde? {
        if case .gemeinde(let gemeinde) = self { return gemeinde }
        return nil
    }

    public var unit: Gebietseinheit? {
        switch self {
        case .gemeinde: nil
        case .kreis(let unit), .gemeindeverband(let unit): unit
        }
    }
}
