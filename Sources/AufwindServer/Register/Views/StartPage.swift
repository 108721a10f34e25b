import AufwindCore
import Plot

/// `/`: what Aufwind is, and the search for a Gemeinde, Kreis or Gemeindeverband.
struct StartPage: PageView {
    var catalog: RegisterCatalog
    var title: String { "Kommunen finden" }

    func content() -> Node<HTML.BodyContext> {
        let totals = catalog.totals(of: "")
        return .group(
            .h1(.text("Aufwind – Kommunen finden, Partner finden")),
            .p(
                .class("lead"),
                .text(
                    "Das Verzeichnis aller Gemeinden und Kreise Deutschlands aus dem amtlichen Gemeindeverzeichnis. "
                        + "Finden Sie Ihre Gemeinde, Ihre Nachbarn und Kommunen gleicher Größe – als Grundlage für Kooperation.")),
            .form(
                .class("search"), .action("/gemeinden"), .method(.get), .attribute(named: "role", value: "search"),
                .div(
                    .class("field"),
                    .label(.for("q"), .text("Gemeinde, Kreis, Amt, PLZ oder AGS")),
                    .input(
                        .type(.search), .id("q"), .name("q"), .placeholder("z. B. Ahlen, Kreis Warendorf"), .autocomplete(false))
                ),
                .button(.type(.submit), .text("Suchen"))
            ),
            .ul(
                .class("stats"),
                .li(.strong(.text(GermanFormat.integer(totals.gemeinden))), .text("Gemeinden")),
                .li(.strong(.text(GermanFormat.integer(catalog.units(of: .kreis).count))), .text("Kreise und kreisfreie Städte")),
                .li(.strong(.text(GermanFormat.integer(totals.population))), .text("Einwohner"))
            ),
            .h2(.text("Nach Größe")),
            .ul(
                .forEach(Groessenklasse.allCases) { klasse in
                    .li(.a(.safeHref("/gemeinden?groesse=\(klasse.rawValue)&sort=-einwohner"), .text(klasse.label)))
                }),
            .h2(.text("Nach Land")),
            .ul(
                .class("columns"),
                .forEach(catalog.units(of: .land)) { land in
                    .li(
                        .a(.safeHref("/laender/\(land.key)"), .text(land.name)),
                        .text(" (\(GermanFormat.count(catalog.totals(of: land.key).gemeinden, "Gemeinde", "Gemeinden")))"))
                })
        )
    }
}
