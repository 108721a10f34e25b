import AufwindCore
import Foundation
import Plot

/// `/antworten/{id}`: one answer of an Anbieter to a Bedarf, its status and the conversation
/// between the town and the Anbieter. The town starts it; the Anbieter replies.
struct NeedAnswerConversationPage: PageView {
    struct Message {
        var id: String
        var side: NeedAnswerMessageModel.Side
        var sideName: String
        var author: String
        var body: String
        var at: Date?
        var hidden: Bool
    }

    var id: String
    /// Hidden by a moderation decision (only the Anbieter still sees it).
    var hidden: Bool
    var path: String
    var itemTitle: String
    var itemPath: String
    var townName: String
    var organisationName: String
    var organisationPath: String
    var solutionName: String
    var solutionPath: String
    var text: String
    var answeredAt: Date?
    var authorName: String
    var status: NeedAnswerModel.Status
    var declineReason: String
    var messages: [Message]
    /// The viewer acts for the town (else for the Anbieter).
    var isTown: Bool
    var mayWrite: Bool
    var keptMessage: String
    var keptReason: String
    var csrf: String
    var errors: [String] = []
    var title: String { "Antwort von \(organisationName) auf „\(itemTitle)“" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .p(
                .text("Bedarf von \(townName): "), .a(.safeHref(itemPath), .text(itemTitle)), .text(" · Lösung: "),
                .a(.safeHref(solutionPath), .text(solutionName)), .text(" von "), .a(.safeHref(organisationPath), .text(organisationName))),
            .section(
                .h2(.text("Die Antwort")),
                .p(
                    .class("meta"),
                    .text(
                        "\(authorName.isEmpty ? organisationName : authorName)"
                            + (answeredAt.map { ", \(GermanFormat.dateTime($0))" } ?? "") + " · Stand: \(status.label)")),
                .if(hidden, .p(.class("notice"), .text("Von der Moderation verborgen: Die Kommune sieht diese Antwort nicht mehr."))),
                .linkedText(text),
                .p(.class("meta"), .a(.safeHref("/meldungen/neu?art=antwort&id=\(id)"), .text("Antwort melden"))),
                .if(status == .passtNicht, .p(.strong(.text("Passt nicht – Begründung von \(townName): ")), .text(declineReason))),
                .if(
                    isTown && status == .offen,
                    .details(
                        .summary(.text("Passt nicht …")),
                        .form(
                            .class("stacked"), .safeAction("\(path)/passt-nicht"), .method(.post), .csrf(csrf),
                            .textArea(
                                "begruendung", label: "Warum passt es nicht? (der Anbieter sieht das)", value: keptReason,
                                maxLength: NeedAnswerInput.reasonLength.upperBound, rows: 2, required: true),
                            .button(.type(.submit), .class("secondary"), .text("Als „passt nicht“ markieren")))))
            ),
            .section(
                .h2(.text("Gespräch")),
                .if(
                    messages.isEmpty,
                    .p(
                        .text(
                            isTown
                                ? "Noch keine Nachrichten. Schreiben Sie dem Anbieter, wenn Sie mehr wissen wollen."
                                : "Noch keine Nachrichten. Das Gespräch beginnt \(townName); Sie werden benachrichtigt, sobald die Kommune schreibt.")
                    )),
                .ol(
                    .class("messages"),
                    .forEach(messages) { message in
                        .li(
                            .p(
                                .class("meta"),
                                .text("\(message.author) (\(message.sideName))" + (message.at.map { ", \(GermanFormat.dateTime($0))" } ?? ""))),
                            .if(message.hidden, .p(.class("meta"), .text("Diese Nachricht ist von der Moderation verborgen."))),
                            .if(
                                !message.hidden,
                                .group(
                                    .linkedText(message.body),
                                    .p(
                                        .class("meta"),
                                        .a(.safeHref("/meldungen/neu?art=antwort-nachricht&id=\(message.id)"), .text("Nachricht melden"))))))
                    }),
                .if(
                    mayWrite,
                    .form(
                        .class("stacked"), .safeAction("\(path)/nachrichten"), .method(.post), .csrf(csrf),
                        .textArea(
                            "nachricht", label: isTown ? "Ihre Nachricht an \(organisationName)" : "Ihre Nachricht an \(townName)",
                            value: keptMessage, maxLength: ContactService.maximumMessageLength, rows: 4, required: true),
                        .button(.type(.submit), .text("Senden"))))
            ),
            .p(.a(.href("/antworten"), .text("Alle Antworten")))
        )
    }
}
