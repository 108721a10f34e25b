import Foundation
import Plot

/// `/admin/warteschlange`: first members of towns (and requests to towns that lost their last
/// Verwalter), waiting for verification by the platform.
struct AdminQueuePage: PageView {
    struct Entry {
        var id: UUID
        var townName: String
        var key: String
        var kind: String
        var name: String
        var email: String
        var message: String
        /// The town has confirmed members but no Verwalter (the last one deleted the account).
        var withoutVerwalter = false
    }

    struct Organisation {
        var id: UUID
        var name: String
        var kind: String
        var description: String
    }

    /// A confirmation refused for want of the note on how the person was verified: shown at
    /// that request's field, with what was typed.
    struct FieldError {
        var membershipID: UUID
        var message: String
        var typed: String
    }

    var entries: [Entry]
    var organisations: [Organisation]
    var csrf: String
    var missingVerification: FieldError?
    var title: String { "Prüfungen" }

    /// "Wie geprüft?" (optional for declining), with its error after a confirmation without it.
    private func verificationField(_ entry: Entry) -> Node<HTML.FormContext> {
        let id = "pruefung-\(entry.id.uuidString)"
        let failed = missingVerification?.membershipID == entry.id ? missingVerification : nil
        return .div(
            .class("field"),
            .label(.safeFor(id), .text("Wie geprüft?")),
            .unwrap(failed) { .p(.class("field-error"), .safeID("\(id)-fehler"), .text($0.message)) },
            .input(
                .type(.text), .safeID(id), .safeName("pruefung"), .safeValue(failed?.typed ?? ""), .safeAttribute("maxlength", "500"),
                .safeAttribute("aria-describedby", failed == nil ? nil : "\(id)-fehler"), .safeAttribute("aria-invalid", failed == nil ? nil : "true")
            )
        )
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.href("/admin/moderation"), .text("Moderation: gemeldete Inhalte und Einsprüche"))),
            .p(
                .text(
                    "Erste Mitglieder einer Kommune: Bitte prüfen Sie über einen unabhängigen Weg (z. B. Rückruf über die "
                        + "offizielle Telefonnummer des Rathauses), dass die Person für die Kommune handelt, und halten Sie fest, wie.")),
            .h2(.text("Erste Mitglieder, Kommunen ohne Verwalter:innen und Regionalbehörden")),
            .if(entries.isEmpty, .p(.text("Keine offenen Prüfungen."))),
            .ul(
                .class("results"),
                .forEach(entries) { entry in
                    .li(
                        .div(.class("name"), .text("\(entry.name) (\(entry.email)) → \(entry.townName) [\(entry.key)]")),
                        .if(
                            entry.withoutVerwalter,
                            .p(
                                .text("\(entry.townName) hat Mitglieder, aber keine Verwalter:innen mehr. Wer hier bestätigt wird, verwaltet sie; "),
                                .text("Sie können stattdessen auch ein bisheriges Mitglied "),
                                .a(.safeHref("/kommunen/\(entry.key)/mitglieder"), .text("als Verwalter:in einsetzen")), .text("."))),
                        .if(!entry.message.isEmpty, .p(.text(entry.message))),
                        .form(
                            .class("stacked"), .safeAction("/mitgliedschaften/\(entry.id.uuidString)/entscheidung"), .method(.post),
                            .csrf(csrf),
                            verificationField(entry),
                            .button(
                                .type(.submit), .name("entscheidung"), .value("annehmen"),
                                .safeAttribute("aria-label", "\(entry.name) für \(entry.townName) bestätigen"), .text("Bestätigen")),
                            .text(" "),
                            .button(
                                .type(.submit), .name("entscheidung"), .value("ablehnen"), .class("secondary"),
                                .safeAttribute("aria-label", "\(entry.name) für \(entry.townName) ablehnen"), .text("Ablehnen"))
                        )
                    )
                }),
            .h2(.text("Neue Organisationen")),
            .if(organisations.isEmpty, .p(.text("Keine neuen Organisationen."))),
            .ul(
                .class("results"),
                .forEach(organisations) { organisation in
                    .li(
                        .div(
                            .class("name"), .a(.safeHref("/organisationen/\(organisation.id.uuidString)"), .text(organisation.name)),
                            .text(" (\(organisation.kind))")),
                        .if(!organisation.description.isEmpty, .p(.text(organisation.description))),
                        .form(
                            .safeAction("/organisationen/\(organisation.id.uuidString)/entscheidung"), .method(.post), .csrf(csrf),
                            .button(
                                .type(.submit), .name("entscheidung"), .value("annehmen"),
                                .safeAttribute("aria-label", "\(organisation.name) bestätigen"), .text("Bestätigen")),
                            .text(" "),
                            .button(
                                .type(.submit), .name("entscheidung"), .value("ablehnen"), .class("secondary"),
                                .safeAttribute("aria-label", "\(organisation.name) ablehnen"), .text("Ablehnen"))
                        )
                    )
                })
        )
    }
}
