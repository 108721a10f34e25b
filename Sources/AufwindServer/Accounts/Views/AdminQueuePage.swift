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

    var entries: [Entry]
    var organisations: [Organisation]
    var csrf: String
    var title: String { "Prüfungen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Erste Mitglieder einer Kommune: Bitte prüfen Sie über einen unabhängigen Weg (z. B. Rückruf über die "
                        + "offizielle Telefonnummer des Rathauses), dass die Person für die Kommune handelt, und halten Sie fest, wie.")),
            .h2(.text("Erste Mitglieder, Kommunen ohne Verwalter und Regionalbehörden")),
            .if(entries.isEmpty, .p(.text("Keine offenen Prüfungen."))),
            .ul(
                .class("results"),
                .forEach(entries) { entry in
                    .li(
                        .div(.class("name"), .text("\(entry.name) (\(entry.email)) → \(entry.townName) [\(entry.key)]")),
                        .if(
                            entry.withoutVerwalter,
                            .p(
                                .text("\(entry.townName) hat Mitglieder, aber keinen Verwalter mehr. Wer hier bestätigt wird, wird Verwalter; "),
                                .text("Sie können stattdessen auch ein bisheriges Mitglied "),
                                .a(.safeHref("/kommunen/\(entry.key)/mitglieder"), .text("zum Verwalter ernennen")), .text("."))),
                        .if(!entry.message.isEmpty, .p(.text(entry.message))),
                        .form(
                            .class("stacked"), .safeAction("/mitgliedschaften/\(entry.id.uuidString)/entscheidung"), .method(.post),
                            .csrf(csrf),
                            .optionalField("pruefung", id: "pruefung-\(entry.id.uuidString)", label: "Wie geprüft?", value: "", maxLength: 500),
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
