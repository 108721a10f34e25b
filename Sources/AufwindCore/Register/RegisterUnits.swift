/// The administrative levels above the Gemeinde, as GV100AD lists them.
public enum GebietsebeneKind: String, Sendable, Codable, CaseIterable {
    case land, regierungsbezirk, region, kreis, gemeindeverband

    /// Length of the key of this level (Land 2, RegBez 3, Region 4, Kreis 5, Verband 9).
    public var keyLength: Int {
        switch self {
        case .land: 2
        case .regierungsbezirk: 3
        case .region: 4
        case .kreis: 5
        case .gemeindeverband: 9
        }
    }

    public var germanName: String {
        switch self {
        case .land: "Land"
        case .regierungsbezirk: "Regierungsbezirk"
        case .region: "Region"
        case .kreis: "Kreis"
        case .gemeindeverband: "Gemeindeverband"
        }
    }
}

/// A Land, Regierungsbezirk (or statistical region), Region (BW), Kreis or Gemeindeverband.
public struct Gebietseinheit: Sendable, Hashable, Codable {
    public var kind: GebietsebeneKind
    /// Land "05", RegBez "055", Region "0811", Kreis "05515", Verband (ARS9) "055150000".
    public var key: String
    public var name: String
    /// Seat of the administration; empty where GV100AD gives none.
    public var seat: String
    /// GV100AD Textkennzeichen (41–45 for Kreise, 50–58 for Verbände), nil for the others.
    public var typeCode: Int?

    public init(kind: GebietsebeneKind, key: String, name: String, seat: String, typeCode: Int?) {
        self.kind = kind
        self.key = key
        self.name = name
        self.seat = seat
        self.typeCode = typeCode
    }

    /// The name shown to people: the official designation up to the first comma.
    public var shortName: String { RegisterNames.shortName(of: name) }

    public var typeName: String? {
        guard let typeCode else { return nil }
        return RegisterTypeCodes.name(of: typeCode)
    }
}

/// A Gemeinde (or a gemeindefreies Gebiet) with its official figures.
public struct Gemeinde: Sendable, Hashable, Codable {
    /// Amtlicher Gemeindeschlüssel, 8 digits.
    public var ags: String
    /// Amtlicher Regionalschlüssel, 12 digits.
    public var ars: String
    /// Official designation, e.g. "Münster, Stadt".
    public var name: String
    /// Textkennzeichen 60–67.
    public var typeCode: Int
    public var areaHectares: Int
    public var population: Int
    public var populationMale: Int
    /// Postcode of the seat of administration; empty for uninhabited areas.
    public var postcode: String
    public var hasSeveralPostcodes: Bool
    public var coordinate: GeoPoint?

    public init(
        ags: String, ars: String, name: String, typeCode: Int, areaHectares: Int, population: Int,
        populationMale: Int, postcode: String, hasSeveralPostcodes: Bool, coordinate: GeoPoint?
    ) {
        self.ags = ags
        self.ars = ars
        self.name = name
        self.typeCode = typeCode
        self.areaHectares = areaHectares
        self.population = population
        self.populationMale = populationMale
        self.postcode = postcode
        self.hasSeveralPostcodes = hasSeveralPostcodes
        self.coordinate = coordinate
    }

    public var shortName: String { RegisterNames.shortName(of: name) }
    public var populationFemale: Int { population - populationMale }
    public var areaKm2: Double { Double(areaHectares) / 100 }
    /// Inhabitants per km², nil for areas without surface.
    public var density: Double? { areaHectares > 0 ? Double(population) / areaKm2 : nil }
    public var landCode: String { String(ags.prefix(2)) }
    public var regierungsbezirkCode: String { String(ags.prefix(3)) }
    public var kreisKey: String { String(ags.prefix(5)) }
    /// ARS9 of the Gemeindeverband.
    public var verbandKey: String { String(ars.prefix(9)) }
    /// Gemeindefreie Gebiete (forests, lakes) are in the register but are no Gemeinde.
    public var isGemeindefrei: Bool { typeCode == 65 || typeCode == 66 }
    public var typeName: String { RegisterTypeCodes.name(of: typeCode) ?? "Gemeinde" }
    public var groessenklasse: Groessenklasse { Groessenklasse(population: population) }
}

public enum RegisterNames {
    /// "Münster, Stadt" → "Münster".
    public static func shortName(of officialName: String) -> String {
        guard let comma = officialName.firstIndex(of: ",") else { return officialName }
        return String(officialName[..<comma])
    }
}

/// GV100AD Textkennzeichen and their German names.
public enum RegisterTypeCodes {
    public static let names: [Int: String] = [
        41: "Kreisfreie Stadt", 42: "Stadtkreis", 43: "Kreis", 44: "Landkreis", 45: "Regionalverband",
        50: "verbandsfreie Gemeinde", 51: "Amt", 52: "Samtgemeinde", 53: "Verbandsgemeinde",
        54: "Verwaltungsgemeinschaft", 55: "Kirchspielslandgemeinde", 56: "Verwaltungsverband",
        57: "VG Trägermodell", 58: "Erfüllende Gemeinde",
        60: "Markt", 61: "Kreisfreie Stadt", 62: "Stadtkreis", 63: "Stadt", 64: "Kreisangehörige Gemeinde",
        65: "gemeindefreies Gebiet, bewohnt", 66: "gemeindefreies Gebiet, unbewohnt", 67: "Große Kreisstadt",
    ]
    static let kreisCodes: ClosedRange<Int> = 41...45
    static let verbandCodes: ClosedRange<Int> = 50...58
    static let gemeindeCodes: ClosedRange<Int> = 60...67

    public static func name(of code: Int) -> String? { names[code] }
}
