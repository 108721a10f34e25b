/// How the register's towns are named to people (see `docs/sprache.md`): the name without the
/// official suffix ("Ahlen, Stadt" → "Ahlen") inside sentences, and, where the kind of town
/// matters (a member list, an eligibility check), the kind the register gives it in
/// parentheses: "Telgte (Stadt)", "Everswinkel (Gemeinde)", "Münster (kreisfreie Stadt)".
extension Gemeinde {
    /// The name people use: the official designation up to the first comma.
    public var displayName: String { shortName }

    /// The kind of Gemeinde as a word after its name: "Stadt", "Gemeinde", "Markt",
    /// "Große Kreisstadt", "kreisfreie Stadt"; "gemeindefreies Gebiet".
    public var kindWord: String { RegisterNames.kindWord(typeCode: typeCode) ?? "Gemeinde" }

    /// "Telgte (Stadt)".
    public var nameWithKind: String { RegisterNames.withKind(displayName, kindWord) }
}

extension Gebietseinheit {
    /// The name people use: "Münster" for "Münster, Stadt", "Warendorf" for the Kreis Warendorf.
    public var displayName: String { shortName }

    /// The kind of unit as a word after its name: "Kreis", "Landkreis", "kreisfreie Stadt",
    /// "Amt", …; the level's name ("Land") where the register gives no type.
    public var kindWord: String { typeCode.flatMap { RegisterNames.kindWord(typeCode: $0) } ?? kind.germanName }

    /// "Warendorf (Kreis)", "Münster (kreisfreie Stadt)".
    public var nameWithKind: String { RegisterNames.withKind(displayName, kindWord) }

    /// A Kreis as a sentence names it: "Kreis Warendorf", "Landkreis Marburg-Biedenkopf",
    /// "Heidekreis", "Region Hannover", "Stadt Münster" (a kreisfreie Stadt).
    public var kreisLabel: String {
        if typeCode == 41 || typeCode == 42 { return "Stadt \(displayName)" }
        let lower = displayName.lowercased()
        if lower.contains("kreis") || lower.contains("region") { return displayName }
        return "\(typeName ?? kind.germanName) \(displayName)"
    }
}

extension RegisterNames {
    /// The word for a GV100AD Textkennzeichen as it reads after a name, in lower case where it is
    /// no noun of its own ("kreisfreie Stadt").
    public static func kindWord(typeCode: Int) -> String? {
        switch typeCode {
        case 41, 61: "kreisfreie Stadt"
        case 63: "Stadt"
        case 64: "Gemeinde"
        case 65, 66: "gemeindefreies Gebiet"
        default: RegisterTypeCodes.name(of: typeCode)
        }
    }

    /// `name (kind)`.
    public static func withKind(_ name: String, _ kind: String) -> String { "\(name) (\(kind))" }
}
