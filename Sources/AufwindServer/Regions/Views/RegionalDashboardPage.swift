import AufwindCore
import Plot

/// `/regionen/{key}`: a Regionalbehörde's view of its region — who is active, who cooperates with
/// whom in which Verbund, what is in preparation for its programmes, and who is left alone.
struct RegionalDashboardPage: PageView {
    var dashboard: RegionalDashboard
    var map: Node<HTML.BodyContext>?
    var catalog: RegisterCatalog

    /// Isolated towns listed on the page (the CSV has all).
    static let isolatedShown = 100

    var title: String { "Regionale Übersicht – \(RegionNameResolver.spokenName(of: dashboard.region))" }

    private var towns: [RegionalDashboard.Town] { dashboard.kreise.flatMap(\.towns) }

    func content() -> Node<HTML.BodyContext> {
        let region = dashboard.region
        let all = towns
        let active = all.count { $0.activity.isActive }
        let isolated = all.filter(\.activity.isIsolated).sorted { $0.gemeinde.population > $1.gemeinde.population }
        let csv = "/regionen/\(region.key)/gemeinden.csv"
        return .group(
            .h1(.text(title)),
            .p(
                .class("lead"),
                .text(
                    "\(GermanFormat.integer(active)) von \(GermanFormat.count(all.count, "Gemeinde", "Gemeinden")) sind auf Aufwind aktiv; "
                        + "\(GermanFormat.integer(isolated.count)) haben noch keinen Eintrag, keine Kooperation und keinen Verbund.")),
            .p(
                .a(.safeHref(csv), .text("Alle Gemeinden als CSV für Excel")), .text(" · "),
                .a(.safeHref(publicPage(region)), .text("Öffentliche Seite von \(region.displayName)")), .text(" · "),
                .a(.safeHref("/atlas"), .text("Kooperationsatlas"))),
            .unwrap(map) { $0 },
            .if(region.kind != .kreis, preparation()),
            .h2(.text("Gemeinden nach Kreis")),
            .p(
                .text(
                    "Aktive Gemeinden zuerst. Einträge und Kooperationen zählen nur Öffentliches; Verbünde mit Programm, Stand und maschineller Prüfung."
                )),
            .forEach(dashboard.kreise) { kreis in
                .group(
                    .h3(
                        .text(
                            "\(kreis.kreis.kreisLabel) – \(kreis.activity.activeGemeinden) von \(kreis.activity.gemeinden) aktiv"
                        )),
                    activity(kreis.kreis),
                    townTable(kreis.towns, caption: "Gemeinden – \(kreis.kreis.kreisLabel)"))
            },
            .h2(.text("Isolierte Gemeinden")),
            .if(isolated.isEmpty, .p(.text("Jede Gemeinde der Region hat einen Eintrag, eine Kooperation oder einen Verbund."))),
            .if(
                !isolated.isEmpty,
                .group(
                    .p(
                        .text(
                            "Größte zuerst, mit Partnern für den Anfang: aus dem Profil der Gemeinde über die Partnersuche, sonst aktive Nachbarn bis 40 km."
                                + (isolated.count > Self.isolatedShown
                                    ? " Gezeigt sind die \(Self.isolatedShown) größten von \(GermanFormat.integer(isolated.count)); alle stehen in der CSV."
                                    : ""))),
                    .scrollBox(
                        "Isolierte Gemeinden",
                        cards: CardTable<RegionalDashboard.Town>(
                            caption: "Isolierte Gemeinden (ohne Eintrag, Kooperation und Verbund) mit Partnern für den Anfang",
                            columns: [
                                .init("Gemeinde", namesRow: true) { .gemeindeLink($0.gemeinde) },
                                .init("Kreis") { .text(catalog.unit(key: $0.gemeinde.kreisKey)?.displayName ?? "") },
                                .init("Einwohner", numeric: true) { .text(GermanFormat.integer($0.gemeinde.population)) },
                                .init("Mitglieder", numeric: true) { .text(GermanFormat.integer($0.members)) },
                                .init("Partner für den Anfang") { town in
                                    town.suggestions.isEmpty
                                        ? .text("keine aktive Gemeinde in der Nähe")
                                        : .ul(
                                            .class("plain"),
                                            .forEach(town.suggestions) { s in
                                                .li(s.path.map { Node.a(.safeHref($0), .text(s.name)) } ?? .text(s.name), .text(" – \(s.reason)"))
                                            })
                                },
                            ],
                            rows: Array(isolated.prefix(Self.isolatedShown))))))
        )
    }

    /// The Kreis's last twelve months as a sparkline (with its numbers in the description and as text).
    private func activity(_ kreis: Gebietseinheit) -> Node<HTML.BodyContext> {
        let months = dashboard.months[kreis.key]
        let empty = MonthlyActivity(dates: [], endingAt: dashboard.now)
        return .p(
            ActivitySparkline(
                id: "aktivitaet-\(kreis.key)", place: kreis.kreisLabel, items: months?.items ?? empty,
                cooperations: months?.cooperations ?? empty
            ).node())
    }

    private func publicPage(_ region: Gebietseinheit) -> String {
        switch region.kind {
        case .land: "/laender/\(region.key)"
        case .regierungsbezirk: "/regierungsbezirke/\(region.key)"
        default: "/kreise/\(region.key)"
        }
    }

    /// The Verbünde being prepared for programmes this authority approves.
    private func preparation() -> Node<HTML.BodyContext> {
        let verbuende = dashboard.inPreparation
        return .group(
            .h2(.text("Verbünde in Vorbereitung für Programme, die Sie bewilligen")),
            .p(
                .class("meta"),
                .text(
                    "Landesprogramme dieses Landes; bei Bezirksregierungen die, deren Bewilligung laut Förderkatalog bei den Bezirksregierungen liegt, für Verbünde mit federführender Kommune im Bezirk."
                )),
            .if(verbuende.isEmpty, .p(.text("Zurzeit bereitet kein Verbund der Region einen Antrag für ein solches Programm vor."))),
            .if(
                !verbuende.isEmpty,
                .scrollBox(
                    "Verbünde in Vorbereitung",
                    cards: CardTable<RegionalDashboard.Verbund>(
                        caption: "Verbünde in Vorbereitung",
                        columns: [
                            .init("Verbund", namesRow: true) { .text($0.name) },
                            .init("Programm") { verbund in
                                verbund.programme.map { .a(.safeHref("/foerderprogramme/\($0.id)"), .text($0.displayName)) } ?? .text("–")
                            },
                            .init("federführend") { .text(TownDirectory(catalog: catalog).name(of: $0.leadKey) ?? $0.leadKey) },
                            .init("Stand") { .text($0.status.label) },
                            .init("Prüfung") { verbund in verdict(verbund) },
                            .init("Kommunen", numeric: true) { .text(GermanFormat.integer($0.memberKeys.count)) },
                        ],
                        rows: verbuende)))
        )
    }

    private func verdict(_ verbund: RegionalDashboard.Verbund) -> Node<HTML.BodyContext> {
        guard let verdict = verbund.verdict else { return .text("kein Programm gewählt") }
        guard !verbund.missing.isEmpty else { return .text(verdict.label) }
        return .group(.text(verdict.label + " – es fehlt noch: "), .text(verbund.missing.joined(separator: " ")))
    }

    private func townTable(_ towns: [RegionalDashboard.Town], caption: String) -> Node<HTML.BodyContext> {
        .scrollBox(
            caption,
            cards: CardTable<RegionalDashboard.Town>(
                caption: caption, captionHidden: true,
                columns: [
                    .init("Gemeinde", namesRow: true) { .gemeindeLink($0.gemeinde) },
                    .init("Mitglieder", numeric: true) { .text(GermanFormat.integer($0.members)) },
                    .init("Einträge", numeric: true) { .text(GermanFormat.integer($0.activity.items)) },
                    .init("Kooperationen", numeric: true) { .text(GermanFormat.integer($0.activity.cooperations)) },
                    .init("Verbünde") { town in
                        town.verbuende.isEmpty
                            ? .text("–")
                            : .ul(
                                .class("plain"),
                                .forEach(town.verbuende) { v in
                                    .li(
                                        .text(v.summary))
                                })
                    },
                    .init("Veranstaltungen", numeric: true) { .text(GermanFormat.integer($0.events)) },
                ],
                rows: towns))
    }
}
