import AufwindCore

/// The dashboard's Gemeinden for German Excel: one row per Gemeinde of the region.
enum RegionalDashboardCSV {
    static let header = [
        "AGS", "Gemeinde", "Kreisschlüssel", "Kreis", "Einwohner", "Mitglieder", "aktiv", "öffentliche Einträge", "Kooperationen", "Verbünde",
        "Veranstaltungen", "isoliert", "Partner für den Anfang",
    ]

    static func document(_ dashboard: RegionalDashboard) -> String {
        let rows = dashboard.kreise.flatMap { kreis in
            kreis.towns.map { town -> [String] in
                [
                    town.gemeinde.ags, town.gemeinde.name, kreis.kreis.key, kreis.kreis.displayName, String(town.gemeinde.population),
                    String(town.members),
                    town.activity.isActive ? "ja" : "nein", String(town.activity.items), String(town.activity.cooperations),
                    town.verbuende.map(\.summary).joined(separator: "; "),
                    String(town.events), town.activity.isIsolated ? "ja" : "nein", town.suggestions.map(\.name).joined(separator: ", "),
                ]
            }
        }
        return GermanCSV.document(header: header, rows: rows, codeColumns: [0, 2])
    }
}
