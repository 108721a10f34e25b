import AufwindCore
import Foundation
import Plot

/// `/atlas`: the Kooperationsatlas — Germany by Kreis, coloured by one indicator, in one Handlungsfeld
/// or all; the same figures as a table; the open data.
struct AtlasPage: PageView {
    var figures: AtlasFigures
    var indicator: AtlasIndicator
    var catalog: RegisterCatalog
    var shapes: KreisShapeStore.Shapes?
    var loadedAt: Date

    var title: String { "Kooperationsatlas" }

    private var field: Handlungsfeld? { figures.field }

    private func link(indicator: AtlasIndicator, field: Handlungsfeld?) -> String {
        "/atlas?kennzahl=\(indicator.rawValue)" + (field.map { "&handlungsfeld=\($0.rawValue)" } ?? "")
    }

    func content() -> Node<HTML.BodyContext> {
        let germany = figures.germany
        let scope = field.map { " im Handlungsfeld „\($0.label)“" } ?? ""
        let kreise = catalog.units(of: .kreis).map { (unit: $0, activity: figures.kreise[$0.key] ?? KreisActivity(key: $0.key)) }
            .sorted { (indicator.value($1.activity), $0.unit.displayName) < (indicator.value($0.activity), $1.unit.displayName) }
        return .group(
            .h1(.text("Kooperationsatlas")),
            .p(
                .class("lead"),
                .text(
                    "Wer kooperiert mit wem – und wer steht allein? Die Karte zeigt je Kreis, wie viele Gemeinden auf Aufwind aktiv sind, wie oft sie kooperieren, in wie vielen Verbünden sie sind und wie viele noch ganz allein stehen (isoliert: ohne Eintrag, Kooperation und Verbund)."
                )),
            .p(
                .class("meta"),
                .text(
                    "Gezählt wird nur Öffentliches: veröffentlichte öffentliche Einträge (ohne Beispieldaten), Kooperationen zu solchen Einträgen, Verbünde ab „Antrag in Vorbereitung“ (ohne abgelehnte) und Kommunen mit bestätigtem Mitglied. Stand: \(GermanFormat.dateTime(loadedAt))."
                )),
            .nav(
                .class("filter"), .attribute(named: "aria-label", value: "Kennzahl"),
                .ul(
                    .class("inline-list"), .li(.strong(.text("Kennzahl:"))),
                    .forEach(AtlasIndicator.allCases) { option in
                        .li(
                            .a(
                                .safeHref(link(indicator: option, field: field)), .safeAttribute("aria-current", option == indicator ? "page" : nil),
                                .text(option.label)))
                    })),
            .nav(
                .class("filter"), .attribute(named: "aria-label", value: "Handlungsfeld"),
                .ul(
                    .class("inline-list"), .li(.strong(.text("Handlungsfeld:"))),
                    .li(
                        .a(
                            .safeHref(link(indicator: indicator, field: nil)), .safeAttribute("aria-current", field == nil ? "page" : nil),
                            .text("alle"))),
                    .forEach(Handlungsfeld.allCases) { option in
                        .li(
                            .a(
                                .safeHref(link(indicator: indicator, field: option)), .safeAttribute("aria-current", option == field ? "page" : nil),
                                .text(option.label)))
                    })),
            .p(
                .strong(.text("Deutschland\(scope): ")),
                .text(
                    "\(GermanFormat.integer(germany.activeGemeinden)) von \(GermanFormat.integer(germany.gemeinden)) Gemeinden aktiv, "
                        + "\(GermanFormat.count(germany.cooperations, "Kooperation", "Kooperationen")), \(GermanFormat.count(germany.verbuende, "Verbund", "Verbünde")), "
                        + "\(GermanFormat.integer(germany.isolatedGemeinden)) Gemeinden ohne Eintrag, Kooperation oder Verbund (isoliert).")),
            .unwrap(shapes) { GermanyMap(shapes: $0, figures: figures, indicator: indicator, catalog: catalog, fieldLabel: field?.label).node() },
            .if(
                shapes == nil,
                .p(.class("notice"), .text("Die Kreisgrenzen (kreise.geojson) liegen diesem Server nicht vor: die Zahlen stehen in der Tabelle."))),
            .h2(.text("Alle Kreise")),
            .p(.text("Geordnet nach der Kennzahl „\(indicator.label)“\(scope), absteigend: \(indicator.explanation).")),
            .scrollBox("Kreise mit ihren Zahlen", figures: true, table(kreise, scope: scope)),
            .h2(.text("Offene Daten")),
            .p(.text("Die Zahlen aller Kreise und Gemeinden zum Weiterverwenden, unter denselben Bedingungen wie ihre Quellen:")),
            .ul(
                .li(
                    .a(.safeHref("/api/v1/atlas/kreise.geojson"), .text("Kreise als GeoJSON")),
                    .text(" (RFC 7946, WGS84, Grenzen vereinfacht; mit Gemeinden, aktiven und isolierten Gemeinden, Kooperationen und Verbünden)")),
                .li(
                    .a(.safeHref("/api/v1/atlas/gemeinden.csv"), .text("Gemeinden als CSV für Excel")),
                    .text(" (Semikolon, UTF-8; AGS als Text, damit die führende Null bleibt; "),
                    .a(.safeHref("/api/v1/atlas/gemeinden.csv?format=text"), .text("ohne Excel-Formel für Statistikprogramme")), .text(")"))
            ),
            .p(
                .class("meta"), .text("Quellen: \(AtlasOpenData.attribution). Lizenz: "), .a(.safeHref(AtlasOpenData.licence), .text("dl-de/by-2-0")),
                .text("."))
        )
    }

    /// A plain table (400 rows: no card labels, which would double its size); it scrolls on a phone.
    private func table(_ rows: [(unit: Gebietseinheit, activity: KreisActivity)], scope: String) -> Node<HTML.BodyContext> {
        func number(_ text: String) -> Node<HTML.TableRowContext> { .td(.class("num"), .text(text)) }
        let headings = ["Land", "Gemeinden", "aktiv", "isoliert", "Kooperationen", "je 100.000 Einw.", "Verbünde"]
        return .table(
            .class("atlas-table"),
            .caption(.text("Kreise nach der Kennzahl „\(indicator.label)“\(scope)")),
            .thead(
                .tr(
                    .th(.attribute(named: "scope", value: "col"), .text("Kreis")),
                    .forEach(headings) { .th(.if($0 != "Land", .class("num")), .attribute(named: "scope", value: "col"), .text($0)) })),
            .tbody(
                .forEach(rows) { row in
                    let a = row.activity
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"), .a(.safeHref("/kreise/\(row.unit.key)"), .text(row.unit.name))),
                        .td(.text(catalog.unit(key: String(row.unit.key.prefix(2)))?.name ?? "")),
                        number(GermanFormat.integer(a.gemeinden)), number("\(a.activeGemeinden) (\(AtlasIndicator.aktiv.text(a)))"),
                        number("\(a.isolatedGemeinden) (\(AtlasIndicator.isoliert.text(a)))"), number(GermanFormat.integer(a.cooperations)),
                        number(AtlasIndicator.kooperationen.text(a)), number(GermanFormat.integer(a.verbuende)))
                }))
    }
}
