import AufwindCore
import Plot

/// `/abmelden/…`: asks before it changes anything (so that a mail scanner following the link
/// unsubscribes nobody), and says so once it is done.
struct UnsubscribePage: PageView {
    var categories: [NotificationCategory]
    var done: Bool
    var action: String
    var csrf: String
    var title: String { done ? "E-Mails abbestellt" : "E-Mails abbestellen" }

    private var names: String { NotificationMails.quoted(categories) }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            done
                ? .group(
                    .div(
                        .class("success"), .attribute(named: "role", value: "status"),
                        .p(.text("Sie erhalten keine E-Mails mehr zu \(names)."))),
                    .p(.text("In der App sehen Sie diese Benachrichtigungen weiterhin.")))
                : .group(
                    .p(.text("Möchten Sie keine E-Mails mehr zu \(names) erhalten? In der App sehen Sie diese Benachrichtigungen weiterhin.")),
                    .form(
                        .safeAction(action), .method(.post), .csrf(csrf),
                        .input(.type(.hidden), .name("List-Unsubscribe"), .value("One-Click")),
                        .button(.type(.submit), .text("E-Mails abbestellen"))
                    )),
            .p(
                .text("Sie können das jederzeit ändern: "),
                .a(.href("/konto/benachrichtigungen"), .text("Einstellungen für Benachrichtigungen")),
                .text(" (nach der Anmeldung)."))
        )
    }
}
