import AufwindCore
import Foundation
import Plot

/// `/konto/organisationen`: the user's memberships and the request to join a town.
struct MyOrganisationsPage: PageView {
    struct Row {
        var id: UUID
        var name: String
        var kind: String
        var path: String?
        var role: String
        var status: MembershipModel.Status
        /// Members page or regional overview, when the user may open it.
        var managePath: String?
    }

    var rows: [Row]
    var csrf: String
    var errors: [String]
    var typed: String
    var message: String
    var emailConfirmed: Bool
    /// The towns the typed name may mean (several bear it, or it only begins or resembles one):
    /// the user chooses one; the typed name stays in its field to be corrected instead.
    var choices: [TownChoice] = []
    /// The register has more towns for the name than are listed.
    var moreChoices = false
    /// The AGS chosen before, if any.
    var chosen: String?
    /// The request for a region's overviews, as typed (kept when it needs a choice or a correction).
    var region = RegionDraft()
    /// Every region's name as people say it ("Bezirksregierung Münster"), offered while typing.
    var regionNames: [String] = []
    var title: String { "Meine Organisationen" }

    struct RegionDraft {
        var typed = ""
        var message = ""
        var errors: [String] = []
        /// The regions the typed name may mean, or those it resembles.
        var choices: [Gebietseinheit] = []
    }

    /// Radio buttons for the regions a typed name may mean.
    private func regionChoices() -> Node<HTML.FormContext> {
        guard !region.choices.isEmpty else { return .empty }
        return .fieldset(
            .class("choices"), .id("region-auswahl"),
            .element(named: "legend", text: region.errors.isEmpty ? "Welche Region meinen Sie?" : "Meinten Sie eine dieser Regionen?"),
            .forEach(region.choices) { unit in
                .div(
                    .class("choice"),
                    .input(.type(.radio), .safeID("region-auswahl-\(unit.key)"), .safeName("auswahl"), .safeValue(unit.key)),
                    .label(
                        .safeFor("region-auswahl-\(unit.key)"), .strong(.text(RegionNameResolver.spokenName(of: unit))),
                        .span(.class("meta"), .text(" – \(unit.kind.germanName), Schlüssel \(unit.key)"))))
            },
            .p(
                .class("hint"),
                .text("Nicht dabei? Ändern Sie die Eingabe unten, z. B. „Bezirksregierung Münster“, „Kreis Warendorf“ oder „Nordrhein-Westfalen“."))
        )
    }

    /// Radio buttons for the towns a typed name may mean, each with its Kreis, Land and AGS.
    private func townChoices() -> Node<HTML.FormContext> {
        guard !choices.isEmpty else { return .empty }
        // One town already chosen (a link named it by its AGS, e.g. in an invitation mail): no question.
        let confirming = choices.count == 1 && chosen == choices.first?.key
        return .fieldset(
            .class("choices"), .id("kommune-auswahl"),
            .element(named: "legend", text: confirming ? "Diese Kommune" : "Welche Kommune meinen Sie?"),
            .p(
                .text(
                    confirming
                        ? "Vorausgewählt über den Link, mit dem Sie gekommen sind. Wenn Sie eine andere Kommune meinen, ändern Sie die Eingabe unten."
                        : "„\(typed)“ passt zu \(GermanFormat.count(choices.count, "Kommune", "Kommunen"))\(moreChoices ? " und weiteren" : ""). "
                            + "Wählen Sie eine aus, oder ändern Sie die Eingabe unten.")),
            .forEach(choices) { .townChoice($0, chosen: chosen) },
            .p(.class("hint"), .text("Nicht dabei? Geben Sie den Namen genauer ein oder den Gemeindeschlüssel (AGS, 8 Ziffern)."))
        )
    }

    /// A Regionalbehörde asks for a region's overviews, by name or key; its errors and choices stay with it.
    private func regionForm() -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Regionalbehörde")),
            .p(
                .text(
                    "Kreise, Bezirksregierungen und Landesbehörden erhalten nach Prüfung durch die Plattform-Administration "
                        + "Zugang zu regionalen Übersichten.")),
            .form(
                .class("stacked"), .action("/konto/regionen#regionalbehoerde"), .method(.post), .id("regionalbehoerde"),
                .csrf(csrf),
                .formErrorsInForm(region.errors),
                regionChoices(),
                .div(
                    .class("field"),
                    .label(.for("region"), .text("Kreis, Regierungsbezirk oder Land (Name oder Schlüssel)")),
                    .input(
                        .type(.text), .id("region"), .name("region"), .safeValue(region.typed), .required(true),
                        .attribute(named: "maxlength", value: "100"), .attribute(named: "list", value: "regionen-namen"),
                        .attribute(named: "autocomplete", value: "off")),
                    .element(
                        named: "datalist",
                        nodes: [.id("regionen-namen"), .forEach(regionNames) { .element(named: "option", nodes: [.safeAttribute("value", $0)]) }])
                ),
                .div(
                    .class("field"),
                    .label(.for("region-nachricht"), .text("Ihre Behörde und Funktion")),
                    .textarea(
                        .id("region-nachricht"), .name("nachricht"), .rows(2), .attribute(named: "maxlength", value: "1000"), .text(region.message))
                ),
                .button(.type(.submit), .text("Zugang anfragen"))
            )
        )
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(rows.isEmpty, .p(.text("Sie gehören noch keiner Kommune und keiner Organisation an."))),
            .if(
                !rows.isEmpty,
                .scrollBox(
                    "Ihre Mitgliedschaften",
                    .table(
                        .caption(.class("visually-hidden"), .text("Ihre Mitgliedschaften")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Name")),
                                .th(.attribute(named: "scope", value: "col"), .text("Art")),
                                .th(.attribute(named: "scope", value: "col"), .text("Rolle")),
                                .th(.attribute(named: "scope", value: "col"), .text("Status")),
                                .th(.attribute(named: "scope", value: "col"), .text("Verwaltung")),
                                .th(.attribute(named: "scope", value: "col"), .text("Beenden"))
                            )),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(row.path.map { Node.a(.safeHref($0), .text(row.name)) } ?? .text(row.name)),
                                    .td(.text(row.kind)), .td(.text(row.role)), .td(.text(row.status.label)),
                                    .td(
                                        row.managePath.map { Node.a(.safeHref($0), .text(row.kind == "Region" ? "Übersicht" : "Mitglieder")) }
                                            ?? .text("–")),
                                    .td(
                                        row.status == .declined
                                            ? .text("–")
                                            : .form(
                                                .class("inline"), .safeAction("/mitgliedschaften/\(row.id.uuidString)/beenden"), .method(.post),
                                                .csrf(csrf),
                                                .button(
                                                    .type(.submit), .class("danger"),
                                                    .safeAttribute(
                                                        "aria-label",
                                                        (row.status == .pending ? "Anfrage bei " : "Mitgliedschaft bei ") + row.name
                                                            + (row.status == .pending ? " zurückziehen" : " beenden")),
                                                    .text(row.status == .pending ? "Anfrage zurückziehen" : "Mitgliedschaft beenden"))
                                            ))
                                )
                            })
                    ))),
            .h2(.text("Einer Kommune beitreten")),
            .if(!emailConfirmed, .p(.class("notice"), .text("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))),
            .p(
                .text(
                    "Das erste Mitglied einer Kommune prüft die Plattform-Administration (z. B. durch einen Rückruf im Rathaus); "
                        + "weitere Mitglieder bestätigen die Verwalter:innen der Kommune. Wer eine Kommune als Einzige:r verwaltet, kann erst austreten, "
                        + "wenn ein anderes Mitglied als Verwalter:in eingesetzt ist.")),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/konto/organisationen"), .method(.post),
                .csrf(csrf),
                townChoices(),
                .field("kommune", label: "Gemeinde oder Kreis (Name oder Schlüssel)", value: typed, maxLength: 100),
                .div(
                    .class("field"),
                    .label(.for("nachricht"), .text("Ihre Funktion und eine kurze Nachricht (optional)")),
                    .textarea(.id("nachricht"), .name("nachricht"), .rows(3), .attribute(named: "maxlength", value: "1000"), .text(message))
                ),
                .button(.type(.submit), .text("Mitgliedschaft anfragen"))
            ),
            .h2(.text("Anbieter oder Veranstalter")),
            .p(
                .a(.href("/organisationen/neu"), .text("Eine Organisation anlegen")), .text(" oder einer bestehenden auf ihrer Seite beitreten: "),
                .a(.href("/organisationen"), .text("alle Anbieter und Veranstalter"))),
            regionForm()
        )
    }
}
