import AufwindCore
import Plot

/// The answer to an invitation whose town name fits several towns: which one is meant? Each with
/// its Kreis and Land, as radio buttons in a form that works without JavaScript; the typed text
/// stays in its field, so it can be corrected instead.
struct VerbundInviteChoicePage: PageView {
    var verbundID: String
    var verbundName: String
    var typed: String
    var role: VerbundRole
    var choices: [TownChoice]
    /// The register has more towns for this name than are listed.
    var more: Bool
    /// The AGS chosen before, if it is still among the choices.
    var chosen: String?
    /// The address typed for a town with nobody on Aufwind, carried on.
    var email = ""
    var csrf: String
    var title: String { "Welche Kommune meinen Sie?" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text("„\(typed)“ passt zu \(GermanFormat.count(choices.count, "Kommune", "Kommunen"))\(more ? " und weiteren" : ""). "),
                .text("Wählen Sie aus, wen der Verbund „\(verbundName)“ einladen soll, oder ändern Sie die Eingabe.")),
            .form(
                .class("stacked"), .safeAction("/verbuende/\(verbundID)/einladungen"), .method(.post), .csrf(csrf),
                .fieldset(
                    .class("choices"),
                    .element(named: "legend", text: "Kommunen zu „\(typed)“"),
                    .forEach(choices) { .townChoice($0, chosen: chosen) }
                ),
                .p(
                    .class("hint"),
                    .text(
                        (more ? "Es gibt weitere Treffer. " : "")
                            + "Nicht dabei? Geben Sie den Namen genauer ein oder den Gemeindeschlüssel (AGS, 8 Ziffern).")),
                .field(
                    "mitglied", label: "Eingabe (Name, Gemeinde- oder Kreisschlüssel; ändern Sie sie, wenn keine der Kommunen gemeint ist)",
                    value: typed,
                    maxLength: 200),
                .div(
                    .class("field"), .label(.for("rolle"), .text("Rolle")),
                    .select(
                        .id("rolle"), .attribute(named: "name", value: "rolle"),
                        .choice(value: VerbundRole.partner.rawValue, label: "Partner", selected: role == .partner),
                        .choice(value: VerbundRole.assoziiert.rawValue, label: "assoziiert", selected: role == .assoziiert))),
                .optionalField(
                    "email", label: "E-Mail-Adresse der Kommune (nur wenn dort noch niemand auf Aufwind ist)", type: .email, value: email),
                .button(.type(.submit), .text("Einladen"))
            ),
            .p(.a(.safeHref("/verbuende/\(verbundID)"), .text("Zurück zum Verbund, ohne einzuladen")))
        )
    }
}
