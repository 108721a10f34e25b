import AufwindCore
import Plot

/// `/kontakt`: a message to the operator. Keeps what was typed when it is refused; errors stand
/// at their fields and, all together, above the form.
struct ContactFormPage: PageView {
    var csrf: String
    var details: OperatorDetails
    var name = "", email = "", subject = "", message = ""
    var errors = ContactMessageErrors([:])
    /// A refusal that belongs to no field (too many messages).
    var formError: String?
    var title: String { "Kontakt" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .testOperationNotice(details),
            .p(
                .text(
                    "Fragen zu Aufwind, ein Fehler, eine Barriere, ein Hinweis auf einen falschen Eintrag oder ein Anliegen zum "
                        + "Datenschutz: Schreiben Sie uns. Wir antworten an die E-Mail-Adresse, die Sie angeben.")),
            .if(
                details[.email] == nil,
                .p(
                    .text(
                        "Im Testbetrieb ist keine E-Mail-Adresse des Betreibers eingetragen: Ihre Nachricht wird gespeichert, "
                            + "aber an niemanden weitergeleitet."))),
            .p(
                .text("Was mit Ihrer Nachricht geschieht und wann sie gelöscht wird, steht in der "),
                .a(.href("/datenschutz"), .text("Datenschutzerklärung")), .text(".")),
            .formErrors((formError.map { [$0] } ?? []) + errors.all),
            .form(
                .class("stacked"), .action("/kontakt"), .method(.post),
                .csrf(csrf),
                .field(
                    "name", label: "Ihr Name", value: name, autocomplete: "name", error: errors[.name],
                    maxLength: ContactMessageInput.maximumNameLength),
                .field("email", label: "Ihre E-Mail-Adresse", type: .email, value: email, autocomplete: "email", error: errors[.email]),
                .field(
                    "betreff", label: "Betreff (freiwillig)", value: subject, error: errors[.subject],
                    maxLength: ContactMessageInput.maximumSubjectLength, required: false),
                .textArea(
                    "nachricht", label: "Ihre Nachricht", value: message, maxLength: ContactMessageInput.maximumMessageLength, rows: 8,
                    required: true, error: errors[.message]),
                .button(.type(.submit), .text("Nachricht senden"))
            )
        )
    }
}
