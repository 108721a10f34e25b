import Plot

/// `/foerderprogramme/{id}/bearbeiten` and `/foerderprogramme/neu` (platform admins): the facts
/// and the rules as the reviewed JSON text, checked strictly before anything is saved.
struct FundingEditPage: PageView {
    var id: String?
    var facts: String
    var rules: String
    var version: Int
    var csrf: String
    var errors: [String] = []
    var title: String { id.map { "Förderprogramm bearbeiten – \($0)" } ?? "Förderprogramm anlegen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text("Angaben im Format des Förderkatalogs; Regeln im Format der Regeldatei (siehe docs/foerderregeln.md). "),
                .text(
                    "Jede Regel nennt eine Quelle des Programms. Fehler werden mit Programm, Regel und Feld genannt; gespeichert wird nur Fehlerfreies."
                )),
            .formErrors(errors),
            .form(
                .class("stacked wide"), .safeAction(id.map { "/foerderprogramme/\($0)/bearbeiten" } ?? "/foerderprogramme/neu"), .method(.post),
                .csrf(csrf),
                .input(.type(.hidden), .name("version"), .safeValue(String(version))),
                .div(
                    .class("field"), .label(.for("angaben"), .text("Angaben (JSON)")),
                    .textarea(
                        .id("angaben"), .name("angaben"), .rows(24), .required(true), .attribute(named: "spellcheck", value: "false"), .text(facts))),
                .div(
                    .class("field"), .label(.for("regeln"), .text("Regeln (JSON)")),
                    .textarea(
                        .id("regeln"), .name("regeln"), .rows(24), .required(true), .attribute(named: "spellcheck", value: "false"), .text(rules))),
                .button(.type(.submit), .text("Speichern"))
            )
        )
    }
}
