import AufwindCore
import Plot

/// `/verbuende/{id}/kosten`: a shared cost split between the members, with the funding
/// deducted; as a table (print-friendly) and as CSV for German Excel.
struct CostSharingPage: PageView {
    var id: String
    var name: String
    var members: [VerbundMember]
    var form: CostSharingInput
    var shares: [CostShare] = []
    var methodLabel = ""
    var errors: [String] = []
    var title: String { "Kosten teilen – \(name)" }

    private static func money(_ cents: Int) -> String { EuroAmount(cents: cents).description }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref("/verbuende/\(id)"), .text("Zurück zum Verbund"))),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction("/verbuende/\(id)/kosten"), .method(.get),
                .field("betrag", label: "Gemeinsame Kosten (Euro, z. B. 80.000 für eine geteilte Stelle im Jahr)", value: form.amount, maxLength: 20),
                .optionalField("foerderung", label: "Erwartete Förderung (Euro, wird anteilig abgezogen)", value: form.funding, maxLength: 20),
                .div(
                    .class("field"), .label(.for("methode"), .text("Aufteilung")),
                    .select(
                        .id("methode"), .attribute(named: "name", value: "methode"),
                        .forEach(CostSharingInput.methods) { .choice(value: $0.id, label: $0.label, selected: $0.id == form.method) })),
                .optionalField("sockel", label: "Sockelbetrag je Mitglied (nur bei „Sockelbetrag plus pro Kopf“)", value: form.base, maxLength: 20),
                .fieldset(
                    .element(named: "legend", text: "Erwartete Nutzung (nur bei „nach erwarteter Nutzung“)"),
                    .forEach(members) { member in
                        .optionalField(
                            "nutzung[\(member.key)]", id: "nutzung-\(member.key)", label: member.name, value: form.usage[member.key] ?? "",
                            maxLength: 20)
                    }
                ),
                .button(.type(.submit), .text("Aufteilen"))
            ),
            .if(
                !shares.isEmpty,
                .group(
                    .h2(.text("Aufteilung \(methodLabel)")),
                    chart(),
                    .scrollBox(
                        "Anteile je Mitglied",
                        .table(
                            .caption(.text("Anteile je Mitglied")),
                            .thead(
                                .tr(
                                    .th(.attribute(named: "scope", value: "col"), .text("Mitglied")),
                                    .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Einwohner")),
                                    .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Anteil")),
                                    .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Förderung")),
                                    .th(.class("num"), .attribute(named: "scope", value: "col"), .text("Eigenanteil")))),
                            .tbody(
                                .forEach(shares) { share in
                                    .tr(
                                        .td(.text(share.name)), .td(.class("num"), .text(GermanFormat.integer(share.population))),
                                        .td(.class("num"), .text(Self.money(share.grossCents))),
                                        .td(.class("num"), .text(Self.money(share.fundingCents))),
                                        .td(.class("num"), .text(Self.money(share.netCents))))
                                }),
                            .tfoot(
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text("Summe")),
                                    .td(.class("num"), .text(GermanFormat.integer(shares.reduce(0) { $0 + $1.population }))),
                                    .td(.class("num"), .text(Self.money(shares.reduce(0) { $0 + $1.grossCents }))),
                                    .td(.class("num"), .text(Self.money(shares.reduce(0) { $0 + $1.fundingCents }))),
                                    .td(.class("num"), .text(Self.money(shares.reduce(0) { $0 + $1.netCents })))))
                        )),
                    .p(
                        .a(.safeHref(csvLink()), .text("Als CSV für Excel herunterladen")),
                        .text(" · Zum Drucken die Druckfunktion des Browsers nutzen (die Seite ist dafür gestaltet)."))
                ))
        )
    }

    /// Each member's share as a bar: its own part dark, the funding deducted from it light.
    private func chart() -> Node<HTML.BodyContext> {
        BarChart(
            id: "kosten-diagramm", title: "Anteile je Mitglied \(methodLabel)",
            description: shares.map {
                "\($0.name): \(Self.money($0.grossCents)), davon Eigenanteil \(Self.money($0.netCents)), Förderung \(Self.money($0.fundingCents))"
            }
            .joined(separator: "; ") + ". Die Tabelle darunter nennt dieselben Zahlen.",
            bars: shares.map {
                BarChart.Bar(
                    label: $0.name, parts: [(Double($0.netCents), "bar-own"), (Double($0.fundingCents), "bar-funding")],
                    valueText: Self.money($0.grossCents))
            },
            legend: shares.contains { $0.fundingCents > 0 } ? [("bar-own", "Eigenanteil"), ("bar-funding", "Förderung")] : []
        ).node()
    }

    private func csvLink() -> String {
        var parts = [("betrag", form.amount), ("foerderung", form.funding), ("methode", form.method), ("sockel", form.base), ("format", "csv")]
        parts += form.usage.sorted { $0.key < $1.key }.map { ("nutzung[\($0.key)]", $0.value) }
        return "/verbuende/\(id)/kosten?"
            + parts.filter { !$0.1.isEmpty }
            .map {
                "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            .joined(separator: "&")
    }
}
