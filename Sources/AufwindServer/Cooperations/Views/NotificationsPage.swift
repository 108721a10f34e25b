import AufwindCore
import Foundation
import Plot

/// `/benachrichtigungen`: what happened for the user's towns, newest first.
struct NotificationsPage: PageView {
    var entries: [(text: String, link: String, date: Date?, unread: Bool)]
    var csrf: String
    var title: String { "Benachrichtigungen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(entries.isEmpty, .p(.text("Keine Benachrichtigungen."))),
            .ul(
                .class("results"),
                .forEach(entries) { entry in
                    .li(
                        .div(
                            .class("name"), .if(entry.unread, .group(.span(.class("badge badge-warn"), .text("neu")), .text(" "))),
                            .a(.safeHref(entry.link), .text(entry.text))),
                        .div(.class("meta"), .text(entry.date.map(GermanFormat.dateTime) ?? "–"))
                    )
                }),
            .if(
                entries.contains { $0.unread },
                .form(
                    .action("/benachrichtigungen/gelesen"), .method(.post), .csrf(csrf),
                    .button(.type(.submit), .text("Alle als gelesen markieren"))
                ))
        )
    }
}
