import AufwindCore
import Foundation
import Plot

/// "Antworten von Anbietern" on a Bedarf: for the town that published it, the answers ranked by fit
/// and confirmed users nearby (with the reasons), "passt nicht" and the conversation, and the switch
/// to stop answers; for members of an Anbieter, the form to answer with one of its solutions and
/// what became of their earlier answers.
struct NeedAnswersSection {
    struct Received {
        var path: String
        var solutionName: String
        var solutionPath: String
        var organisationName: String
        var organisationPath: String
        var text: String
        var answeredAt: Date?
        var status: NeedAnswerModel.Status
        var declineReason: String
        var reasons: [String]
        var messages: Int
    }

    struct Given {
        var path: String
        var solutionName: String
        var solutionPath: String
        var organisationName: String
        var text: String
        var answeredAt: Date?
        var status: NeedAnswerModel.Status
        var declineReason: String
    }

    /// What the Anbieter typed (kept when the answer was refused).
    struct Form {
        var solutionID = ""
        var text = ""
    }

    var itemPath: String
    var townName: String
    /// The viewer acts for the town that published the Bedarf.
    var isOwner: Bool
    var open: Bool
    var received: [Received] = []
    var given: [Given] = []
    /// The viewer's solutions to answer with ("Anbieter – Lösung").
    var solutions: [(value: String, label: String)] = []
    /// Per Anbieter of the viewer: answers still possible in the next 24 hours.
    var remaining: [(organisation: String, count: Int)] = []
    /// The viewer is in an Anbieter that has no solution yet.
    var providerWithoutSolutions = false
    var form = Form()
    var csrf: String

    var isEmpty: Bool { !isOwner && given.isEmpty && solutions.isEmpty && !providerWithoutSolutions }

    func node() -> Node<HTML.BodyContext> {
        guard !isEmpty else { return .empty }
        return .section(
            .id("antworten"),
            .h2(.text("Antworten von Anbietern")),
            .if(isOwner, ownerPart()),
            .if(!given.isEmpty || !solutions.isEmpty || providerWithoutSolutions, providerPart())
        )
    }

    // MARK: The town

    private func ownerPart() -> Node<HTML.BodyContext> {
        .group(
            .p(
                .text(
                    open
                        ? "Anbieter können auf diesen Bedarf mit einer ihrer Lösungen antworten. Geordnet nach Passung und nach Kommunen in Ihrer Nähe, die die Lösung bestätigt einsetzen."
                        : "Antworten von Anbietern sind für diesen Bedarf ausgeschaltet; bisherige Antworten bleiben hier.")),
            .form(
                .class("inline"), .safeAction("\(itemPath)/antworten/einstellung"), .method(.post), .csrf(csrf),
                .input(.type(.hidden), .name("antworten"), .safeValue(open ? "aus" : "an")),
                .button(.type(.submit), .class("secondary"), .text(open ? "Antworten ausschalten" : "Antworten wieder zulassen"))),
            .if(received.isEmpty, .p(.text("Noch keine Antworten."))),
            .if(!received.isEmpty, .ol(.class("results"), .forEach(received) { receivedItem($0) }))
        )
    }

    private func receivedItem(_ answer: Received) -> Node<HTML.ListContext> {
        .li(
            .div(
                .class("name"), .a(.safeHref(answer.solutionPath), .text(answer.solutionName)), .text(" von "),
                .a(.safeHref(answer.organisationPath), .text(answer.organisationName)),
                .if(answer.status == .passtNicht, .group(.text(" "), .span(.class("badge"), .text("passt nicht"))))),
            .div(.class("meta"), .text(answer.answeredAt.map { "Geantwortet am \(GermanFormat.date($0))" } ?? "")),
            .linkedText(answer.text),
            .if(!answer.reasons.isEmpty, .ul(.class("explanation"), .forEach(answer.reasons) { .li(.text($0)) })),
            .if(answer.status == .passtNicht, .p(.text("Ihre Begründung: \(answer.declineReason)"))),
            .p(
                .a(
                    .safeHref(answer.path),
                    .text(
                        answer.messages == 0
                            ? "Gespräch mit dem Anbieter beginnen" : "Gespräch (\(GermanFormat.count(answer.messages, "Nachricht", "Nachrichten")))")
                ),
                .text(" · "), .a(.safeHref("/meldungen/neu?art=antwort&id=\(answer.path.split(separator: "/").last ?? "")"), .text("Melden"))),
            .if(
                answer.status == .offen,
                .details(
                    .summary(.text("Passt nicht …")),
                    .form(
                        .class("stacked"), .safeAction("\(answer.path)/passt-nicht"), .method(.post), .csrf(csrf),
                        .textArea(
                            "begruendung", id: "begruendung-\(answer.path.split(separator: "/").last ?? "")",
                            label: "Warum passt es nicht? (der Anbieter sieht das)",
                            value: "", maxLength: NeedAnswerInput.reasonLength.upperBound, rows: 2, required: true),
                        .button(.type(.submit), .class("secondary"), .text("Als „passt nicht“ markieren")))))
        )
    }

    // MARK: The Anbieter

    private func providerPart() -> Node<HTML.BodyContext> {
        .group(
            .if(
                !given.isEmpty,
                .group(
                    .h3(.text("Ihre Antworten")),
                    .ul(
                        .class("results"),
                        .forEach(given) { answer in
                            .li(
                                .div(
                                    .class("name"), .a(.safeHref(answer.solutionPath), .text(answer.solutionName)),
                                    .text(" (\(answer.organisationName)) – \(answer.status.label)")),
                                .linkedText(answer.text),
                                .if(answer.status == .passtNicht, .p(.text("Begründung von \(townName): \(answer.declineReason)"))),
                                .p(.a(.safeHref(answer.path), .text("Zur Antwort und zum Gespräch"))))
                        }))),
            .if(!open && !isOwner, .p(.text("\(townName) nimmt zu diesem Bedarf keine Antworten von Anbietern mehr entgegen."))),
            .if(
                providerWithoutSolutions && solutions.isEmpty,
                .p(
                    .text("Um zu antworten, veröffentlichen Sie zuerst eine Lösung Ihres Anbieters: "),
                    .a(.href("/loesungen/neu"), .text("Lösung veröffentlichen")), .text("."))),
            .if(open && !solutions.isEmpty, answerForm()),
            .if(!open && !form.text.isEmpty, unsentText())
        )
    }

    /// What the Anbieter typed when answers were switched off meanwhile: kept to copy, not lost.
    private func unsentText() -> Node<HTML.BodyContext> {
        .div(
            .class("field"),
            .label(.for("antwort-text-ungesendet"), .text("Ihr Text (nicht gesendet, zum Kopieren)")),
            .textarea(.id("antwort-text-ungesendet"), .rows(5), .readonly(true), .text(form.text)))
    }

    private func answerForm() -> Node<HTML.BodyContext> {
        .group(
            .h3(.text("Mit einer Lösung antworten")),
            .p(
                .text(
                    "\(townName) sieht Ihre Antwort mit der Lösung und kann sie als „passt nicht“ markieren oder Ihnen schreiben. "
                        + remaining.map { "\($0.organisation): noch \(GermanFormat.count($0.count, "Antwort", "Antworten")) in 24 Stunden" }
                        .joined(separator: "; ") + ".")),
            .form(
                .class("stacked"), .safeAction("\(itemPath)/antworten"), .method(.post), .csrf(csrf),
                .selectField(
                    "loesung", id: "antwort-loesung", label: "Ihre Lösung", options: [("", "Bitte wählen …")] + solutions,
                    selected: form.solutionID),
                .textArea(
                    "text", id: "antwort-text", label: "Wie erfüllt Ihre Lösung diesen Bedarf?", value: form.text,
                    maxLength: NeedAnswerInput.textLength.upperBound, rows: 5, required: true),
                .button(.type(.submit), .text("Antwort senden")))
        )
    }
}
