/// The fixed taxonomy of fields of action that towns, items and programmes are tagged with.
public enum Handlungsfeld: String, Sendable, Codable, CaseIterable {
    case klimaEnergie = "klima-energie"
    case mobilitaet = "mobilitaet"
    case schuleBildung = "schule-bildung"
    case engagementEhrenamt = "engagement-ehrenamt"
    case wohnen = "wohnen"
    case arbeitWirtschaft = "arbeit-wirtschaft"
    case innenstadtOrtskern = "innenstadt-ortskern"
    case digitaleVerwaltung = "digitale-verwaltung"
    case gesundheitPflege = "gesundheit-pflege"
    case kulturTourismus = "kultur-tourismus"
    case daseinsvorsorge = "daseinsvorsorge"
    case sicherheit = "sicherheit"

    public var label: String {
        switch self {
        case .klimaEnergie: "Klima & Energie"
        case .mobilitaet: "Mobilität"
        case .schuleBildung: "Schule & Bildung"
        case .engagementEhrenamt: "Engagement & Ehrenamt"
        case .wohnen: "Wohnen"
        case .arbeitWirtschaft: "Arbeit & Wirtschaft"
        case .innenstadtOrtskern: "Innenstadt & Ortskern"
        case .digitaleVerwaltung: "Digitale Verwaltung"
        case .gesundheitPflege: "Gesundheit & Pflege"
        case .kulturTourismus: "Kultur & Tourismus"
        case .daseinsvorsorge: "Daseinsvorsorge & ländlicher Raum"
        case .sicherheit: "Sicherheit & Bevölkerungsschutz"
        }
    }

    /// Parses a comma-separated list of ids; unknown ids are reported, not dropped silently.
    public static func parseList(_ ids: [String]) -> Result<[Handlungsfeld], ValidationMessage> {
        var result: [Handlungsfeld] = []
        for id in ids where !id.isEmpty {
            guard let field = Handlungsfeld(rawValue: id) else { return .failure("Unbekanntes Handlungsfeld „\(id)“.") }
            if !result.contains(field) { result.append(field) }
        }
        return .success(result)
    }
}
