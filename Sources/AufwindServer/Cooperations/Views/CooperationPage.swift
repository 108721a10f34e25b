import AufwindCore
import Foundation
import Plot

/// `/kooperationen/{id}`: two towns working on an item, with their message thread.
struct CooperationPage: PageView {
    var id: String
    var itemTitle: String
    var itemPath: String
    var towns: [(name: String, path: String)]
    var since: Date?
    /// The thread; a message hidden by a moderation decision shows as such.
    var messages: [(id: String, town: String, author: String, body: String, date: Date?, hidden: Bool)]
    /// The towns the viewer may write for.
    var writeTowns: [(key: String, name: String)]
    var csrf: String
    var errors: [String] = []
    var typed = ""
    /// Who works on it: the members of both towns.
    var contacts: [CooperationContacts.Card] = []
    var title: String { "Kooperation: \(itemTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .forEach(towns.indices) { index in
                    .group(.if(index > 0, .text(" und ")), .a(.safeHref(towns[index].path), .text(towns[index].name)))
                },
                .text(" kooperieren seit \(since.map(GermanFormat.dateTime) ?? "–") zu "), .a(.safeHref(itemPath), .text(itemTitle)), .text(".")
            ),
            .h2(.text("Ansprechpersonen")),
            .ul(
                .class("contact-cards"),
                .forEach(contacts) { card in
                    .li(
                        .class("contact-card"),
                        .strong(.text(card.name)),
                        .div(.class("meta"), .text("\(card.town) · \(card.role)")),
                        .unwrap(card.email) { .div(.a(.safeHref("mailto:\($0)"), .text($0))) }
                    )
                }),
            .h2(.text("Nachrichten")),
            .if(messages.isEmpty, .p(.text("Noch keine Nachrichten."))),
            .ol(
                .class("thread"),
                .forEach(messages) { message in
                    .li(
                        .div(.class("meta"), .text("\(message.author) (\(message.town)), \(message.date.map(GermanFormat.dateTime) ?? "–")")),
                        .if(message.hidden, .p(.class("meta"), .text("Diese Nachricht ist von der Moderation verborgen."))),
                        .if(
                            !message.hidden,
                            .group(
                                .linkedText(message.body),
                                .p(.class("meta"), .a(.safeHref("/meldungen/neu?art=nachricht&id=\(message.id)"), .text("Nachricht melden")))))
                    )
                }),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction("/kooperationen/\(id)/nachrichten"), .method(.post),
                .csrf(csrf),
                .if(writeTowns.count == 1, .input(.type(.hidden), .name("kommune"), .safeValue(writeTowns.first?.key ?? ""))),
                .if(
                    writeTowns.count > 1,
                    .div(
                        .class("field"),
                        .label(.for("kommune"), .text("Schreiben für")),
                        .select(
                            .id("kommune"), .attribute(named: "name", value: "kommune"),
                            .forEach(writeTowns) { .choice(value: $0.key, label: $0.name, selected: false) })
                    )),
                .div(
                    .class("field"),
                    .label(.for("nachricht"), .text("Neue Nachricht")),
                    .textarea(
                        .id("nachricht"), .name("nachricht"), .rows(4), .required(true),
                        .safeAttribute("maxlength", String(ContactService.maximumMessageLength)), .text(typed))
                ),
                .button(.type(.submit), .text("Senden"))
            )
        )
    }
}
