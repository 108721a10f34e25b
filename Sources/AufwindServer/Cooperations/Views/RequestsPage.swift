import AufwindCore
import Foundation
import Plot

/// `/anfragen`: interest requests to and from the user's towns, with accept/decline.
struct RequestsPage: PageView {
    struct Row {
        var id: String
        var itemTitle: String
        var itemPath: String
        var otherTown: String
        var otherPath: String
        var requester: String
        var message: String
        var status: String
        var isOpen: Bool
        var date: Date?
        var cooperationPath: String?
    }

    var incoming: [Row]
    var outgoing: [Row]
    /// Open invitations of the user's towns into Verbünde.
    var invitations: [OpenVerbundInvitation] = []
    var csrf: String
    var title: String { "Anfragen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(
                !invitations.isEmpty,
                .group(
                    .h2(.text("Einladungen in Verbünde")),
                    .ul(
                        .forEach(invitations) { invitation in
                            .li(
                                .a(.safeHref(invitation.path), .text(invitation.verbundName)),
                                .text(
                                    " – von \(invitation.leadTown) für \(invitation.invitedTown) als \(invitation.role); annehmen oder ablehnen auf der Seite des Verbunds"
                                ))
                        })
                )),
            .h2(.text("An Ihre Kommunen")),
            .if(incoming.isEmpty, .p(.text("Keine Anfragen."))),
            .ul(
                .class("results"),
                .forEach(incoming) { row in
                    .li(
                        .div(
                            .class("name"), .a(.safeHref(row.otherPath), .text(row.otherTown)), .text(" zu "),
                            .a(.safeHref(row.itemPath), .text(row.itemTitle))),
                        .div(.class("meta"), .text("von \(row.requester), \(row.date.map(GermanFormat.dateTime) ?? "–") · Status: \(row.status)")),
                        .blockquote(.linkedText(row.message)),
                        .unwrap(row.cooperationPath) { .p(.a(.safeHref($0), .text("Zur Kooperation"))) },
                        .if(
                            row.isOpen,
                            .form(
                                .class("inline"), .safeAction("/anfragen/\(row.id)/entscheidung"), .method(.post),
                                .csrf(csrf),
                                .button(
                                    .type(.submit), .name("entscheidung"), .value("annehmen"),
                                    .safeAttribute("aria-label", "Anfrage von \(row.otherTown) zu „\(row.itemTitle)“ annehmen"), .text("Annehmen")),
                                .text(" "),
                                .button(
                                    .type(.submit), .name("entscheidung"), .value("ablehnen"), .class("secondary"),
                                    .safeAttribute("aria-label", "Anfrage von \(row.otherTown) zu „\(row.itemTitle)“ ablehnen"), .text("Ablehnen"))
                            ))
                    )
                }),
            .h2(.text("Von Ihren Kommunen")),
            .if(outgoing.isEmpty, .p(.text("Keine Anfragen."))),
            .ul(
                .class("results"),
                .forEach(outgoing) { row in
                    .li(
                        .div(
                            .class("name"), .a(.safeHref(row.itemPath), .text(row.itemTitle)), .text(" von "),
                            .a(.safeHref(row.otherPath), .text(row.otherTown))),
                        .div(
                            .class("meta"),
                            .text("gesendet von \(row.requester), \(row.date.map(GermanFormat.dateTime) ?? "–") · Status: \(row.status)")),
                        .unwrap(row.cooperationPath) { .p(.a(.safeHref($0), .text("Zur Kooperation"))) }
                    )
                })
        )
    }
}
