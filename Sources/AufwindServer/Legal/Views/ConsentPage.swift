import AufwindCore
import Plot

/// `/nutzungsbedingungen/zustimmen`: what changed in the Nutzungsbedingungen since the person
/// last agreed, and "Zustimmen". Who does not agree can download their data, delete the account
/// or sign out from here.
struct ConsentPage: PageView {
    var terms: TermsOfUse
    /// The newest version the person accepted; nil: never.
    var accepted: Int?
    var returnPath: String?
    var csrf: String
    var errors: [String] = []

    var title: String { accepted == nil ? "Bitte stimmen Sie den Nutzungsbedingungen zu" : "Die Nutzungsbedingungen haben sich geändert" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title.replacingOccurrences(of: "Nutzungsbedingungen", with: TermsOfUsePage.headingWord))),
            .p(
                .text(
                    accepted.map { "Sie haben zuletzt der Fassung \($0) zugestimmt. Jetzt gilt die " + terms.current.label + ". " }
                        ?? "Es gilt die \(terms.current.label). "),
                .text("Bevor Sie weitermachen, bitten wir Sie um Ihre Zustimmung. Das Wichtigste in Kürze:")),
            .formErrors(errors),
            .forEach(terms.changes(since: accepted)) { version in
                .section(.h2(.text(version.label)), .ul(.forEach(version.changes) { .li(.text($0)) }))
            },
            .p(.a(.href("/nutzungsbedingungen"), .text("Die Nutzungsbedingungen vollständig lesen"))),
            .form(
                .class("stacked"), .safeAction(ConsentGate.consentPath), .method(.post), .csrf(csrf),
                .input(.type(.hidden), .name("fassung"), .safeValue(String(terms.currentVersion))),
                .unwrap(returnPath) { .input(.type(.hidden), .safeName("zurueck"), .safeValue($0)) },
                .button(.type(.submit), .text("Zustimmen"))
            ),
            .h2(.text("Nicht einverstanden?")),
            .p(
                .text(
                    "Ohne Ihre Zustimmung können Sie Aufwind mit Ihrem Konto nicht weiter nutzen. Sie können Ihre Daten herunterladen "
                        + "und Ihr Konto löschen oder sich abmelden; Ihre Zustimmung können Sie bei der nächsten Anmeldung nachholen.")),
            .p(.a(.href("/konto/daten.json"), .text("Alle über mich gespeicherten Daten herunterladen (JSON)"))),
            .form(
                .class("stacked"), .action("/konto/loeschen"), .method(.post), .csrf(csrf),
                .field(
                    "passwort", id: "loeschen-passwort", label: "Konto löschen – zur Bestätigung: Ihr Passwort", type: .password,
                    autocomplete: "current-password", maxLength: 128),
                .button(.type(.submit), .text("Konto endgültig löschen"))
            ),
            .form(.action("/abmelden"), .method(.post), .csrf(csrf), .button(.type(.submit), .text("Abmelden")))
        )
    }
}
