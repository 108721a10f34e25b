/// A sub-theme of a Handlungsfeld ("Wärmeplanung" in "Klima & Energie"). Ids are
/// "feld/thema", so that a sub-theme always names its field.
public struct Unterthema: Sendable, Hashable, Identifiable {
    public let id: String
    public let label: String
    public let feld: Handlungsfeld

    init(_ feld: Handlungsfeld, _ slug: String, _ label: String) {
        self.feld = feld
        self.id = "\(feld.rawValue)/\(slug)"
        self.label = label
    }

    /// Every sub-theme, in the order of the fields.
    public static let all: [Unterthema] = Handlungsfeld.allCases.flatMap(\.unterthemen)
    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func find(_ id: String) -> Unterthema? { byID[id] }
}

extension Handlungsfeld {
    /// The sub-themes of this field: defined once, here.
    public var unterthemen: [Unterthema] {
        switch self {
        case .klimaEnergie:
            [
                .init(self, "waermeplanung", "Kommunale Wärmeplanung"), .init(self, "erneuerbare", "Erneuerbare Energien"),
                .init(self, "klimaanpassung", "Klimaanpassung"), .init(self, "energiesparen", "Energiesparen in Gebäuden"),
            ]
        case .mobilitaet:
            [
                .init(self, "oepnv", "ÖPNV und Bürgerbus"), .init(self, "rad", "Radverkehr"),
                .init(self, "on-demand", "On-Demand und Sharing"), .init(self, "e-mobilitaet", "E-Mobilität"),
            ]
        case .schuleBildung:
            [
                .init(self, "digitale-schule", "Digitale Schule"), .init(self, "ganztag", "Ganztag"),
                .init(self, "fruehe-bildung", "Frühe Bildung und Kita"), .init(self, "weiterbildung", "Weiterbildung"),
            ]
        case .engagementEhrenamt:
            [
                .init(self, "vereine", "Vereine stärken"), .init(self, "beteiligung", "Bürgerbeteiligung"),
                .init(self, "jugend", "Jugend"), .init(self, "anerkennung", "Anerkennung des Ehrenamts"),
            ]
        case .wohnen:
            [
                .init(self, "leerstand", "Leerstand und Innenentwicklung"), .init(self, "bezahlbar", "Bezahlbares Wohnen"),
                .init(self, "generationen", "Wohnen im Alter und für Generationen"), .init(self, "bauland", "Baulandmanagement"),
            ]
        case .arbeitWirtschaft:
            [
                .init(self, "fachkraefte", "Fachkräfte"), .init(self, "coworking", "Coworking"),
                .init(self, "gruendung", "Gründung und Startups"), .init(self, "wirtschaftsfoerderung", "Wirtschaftsförderung"),
            ]
        case .innenstadtOrtskern:
            [
                .init(self, "handel", "Einzelhandel und Leerstand"), .init(self, "platzgestaltung", "Plätze und öffentlicher Raum"),
                .init(self, "citymanagement", "Citymanagement"), .init(self, "veranstaltungen", "Veranstaltungen im Ortskern"),
            ]
        case .digitaleVerwaltung:
            [
                .init(self, "ozg", "Onlinezugang (OZG)"), .init(self, "e-akte", "E-Akte und Workflows"),
                .init(self, "it-sicherheit", "IT-Sicherheit"), .init(self, "daten", "Offene Daten und Datenplattformen"),
            ]
        case .gesundheitPflege:
            [
                .init(self, "aerzte", "Ärztliche Versorgung"), .init(self, "pflege", "Pflege"),
                .init(self, "telemedizin", "Telemedizin"), .init(self, "praevention", "Prävention"),
            ]
        case .kulturTourismus:
            [
                .init(self, "tourismus", "Tourismus"), .init(self, "kulturorte", "Kulturorte"),
                .init(self, "heimat", "Heimat und Geschichte"), .init(self, "freizeit", "Freizeit und Naherholung"),
            ]
        case .daseinsvorsorge:
            [
                .init(self, "breitband", "Breitband und Mobilfunk"), .init(self, "nahversorgung", "Nahversorgung"),
                .init(self, "wasser", "Wasser und Abwasser"), .init(self, "buergerdienste", "Mobile Bürgerdienste"),
            ]
        case .sicherheit:
            [
                .init(self, "feuerwehr", "Feuerwehr"), .init(self, "katastrophenschutz", "Katastrophenschutz"),
                .init(self, "warnung", "Warnung der Bevölkerung"), .init(self, "praevention", "Kriminalprävention"),
            ]
        }
    }
}
