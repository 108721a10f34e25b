import AufwindCore
import Foundation
import Plot

/// `/benachrichtigungen`: what happened for the user, newest first, by category, 25 per page.
struct NotificationCentrePage: PageView {
    struct Entry {
        var id: String
        var text: String
        var link: String
        var category: NotificationCategory
        var date: Date?
        var unread: Bool
    }

    var entries: [Entry]
    var category: NotificationCategory?
    var page: Int
    var hasNext: Bool
    var unread: Int
    var csrf: String
    var title: String { "Benachrichtigungen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(unread == 0 ? "Keine ungelesenen Benachrichtigungen. " : "\(unread) ungelesen. "),
                .a(.href("/konto/benachrichtigungen"), .text("Welche E-Mails Sie erhalten, stellen Sie hier ein."))),
            .nav(
                .ariaLabel("Nach Art filtern"), .class("filter"),
                .ul(
                    .class("inline-list"),
                    .li(filterLink(nil, "Alle")),
                    .forEach(NotificationCategory.allCases) { .li(filterLink($0, $0.title)) }
                )),
            .if(entries.isEmpty, .p(.text(category == nil ? "Keine Benachrichtigungen." : "Keine Benachrichtigungen dieser Art."))),
            .ul(
                .class("results"),
                .forEach(entries) { entry in
                    .li(
                        .div(
                            .class("name"), .if(entry.unread, .group(.span(.class("badge badge-warn"), .text("neu")), .text(" "))),
                            .a(.safeHref(entry.link), .text(entry.text))),
                        .div(.class("meta"), .text("\(entry.category.title) · \(entry.date.map(GermanFormat.dateTime) ?? "–")")),
                        .if(
                            entry.unread,
                            .form(
                                .safeAction("/benachrichtigungen/\(entry.id)/gelesen"), .method(.post), .class("inline"), .csrf(csrf),
                                .unwrap(category) { .input(.type(.hidden), .name("kategorie"), .safeValue($0.rawValue)) },
                                .input(.type(.hidden), .name("seite"), .safeValue(String(page))),
                                .button(
                                    .type(.submit), .class("secondary"), .safeAttribute("aria-label", "„\(entry.text)“ als gelesen markieren"),
                                    .text("Als gelesen markieren"))
                            ))
                    )
                }),
            .if(
                page > 1 || hasNext,
                .nav(
                    .ariaLabel("Seiten"), .class("pagination"),
                    .if(page > 1, .a(.safeHref(NotificationsController.path(category: category, page: page - 1)), .text("← Zurück"))),
                    .text(" Seite \(page) "),
                    .if(hasNext, .a(.safeHref(NotificationsController.path(category: category, page: page + 1)), .text("Weiter →")))
                )),
            .if(
                unread > 0,
                .form(
                    .action("/benachrichtigungen/gelesen"), .method(.post), .csrf(csrf),
                    .unwrap(category) { .input(.type(.hidden), .name("kategorie"), .safeValue($0.rawValue)) },
                    .button(.type(.submit), .text(category == nil ? "Alle als gelesen markieren" : "Alle dieser Art als gelesen markieren"))
                ))
        )
    }

    private func filterLink(_ option: NotificationCategory?, _ label: String) -> Node<HTML.BodyContext> {
        .a(
            .safeHref(NotificationsController.path(category: option)), .text(label),
            .if(option == category, .attribute(named: "aria-current", value: "page")))
    }
}
