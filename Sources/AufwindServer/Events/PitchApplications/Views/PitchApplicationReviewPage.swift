import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/pitch-bewerbungen`: the event's team decides on the applications —
/// accept into a pitch block, waitlist or decline with a reason — and sees the accepted ones with
/// their block, where it sets the order.
struct PitchApplicationReviewPage: PageView {
    /// What a decision form sent back, for the application it concerns.
    struct Sent {
        var applicationID: String
        var choice: String
        var blockID: String
        var reason: String
        var errors: [String]
    }

    var eventTitle: String
    var eventPath: String
    var applications: [PitchApplicationRow]
    var blocks: [(value: String, label: String)]
    var sent: Sent?
    var csrf: String
    var title: String { "Pitch-Bewerbungen: \(eventTitle)" }

    private var open: [PitchApplicationRow] { applications.filter { $0.status.isOpen } }
    private func with(_ status: PitchApplicationStatus) -> [PitchApplicationRow] { applications.filter { $0.status == status } }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text("Anbieter bewerben sich auf "), .a(.safeHref(eventPath + "/pitch-bewerbung"), .text("der Bewerbungsseite")),
                .text(
                    " mit einer Lösung. Angenommene kommen ans Ende des gewählten Pitch-Blocks; die Reihenfolge legen Sie auf der Moderationsseite des Blocks fest. Die Anbieter hören von jeder Entscheidung."
                )),
            // Errors about an application that is no longer open have no form to stand at.
            .unwrap(sent) { sent in
                .if(
                    !open.contains { $0.id == sent.applicationID },
                    .group(
                        .formErrors(sent.errors),
                        // The reason typed for a decision that could not be taken: kept to copy.
                        .if(
                            !sent.reason.isEmpty,
                            .div(
                                .class("field"), .label(.for("begruendung-ungesendet"), .text("Ihre Begründung (nicht gesendet, zum Kopieren)")),
                                .textarea(.id("begruendung-ungesendet"), .rows(3), .readonly(true), .text(sent.reason))))))
            },
            .if(
                blocks.isEmpty,
                .p(.text("Legen Sie zuerst auf der "), .a(.safeHref(eventPath + "/buehne"), .text("Pitch-Bühne")), .text(" einen Block an."))),
            .h2(.text("Zu entscheiden (\(open.count))")),
            .if(open.isEmpty, .p(.text("Keine offenen Bewerbungen."))),
            .forEach(open) { application in
                .article(.class("card"), .safeID("bewerbung-\(application.id)"), application.summary(heading: true), decisionForm(application))
            },
            section("Angenommen", with(.angenommen)),
            section("Abgelehnt", with(.abgelehnt)),
            section("Zurückgezogen", with(.zurueckgezogen))
        )
    }

    private func section(_ heading: String, _ rows: [PitchApplicationRow]) -> Node<HTML.BodyContext> {
        .if(
            !rows.isEmpty,
            .group(
                .h2(.text("\(heading) (\(rows.count))")),
                .forEach(rows) { application in
                    .article(.class("card"), .safeID("bewerbung-\(application.id)"), application.summary(heading: true))
                }))
    }

    private func decisionForm(_ application: PitchApplicationRow) -> Node<HTML.BodyContext> {
        let kept = sent?.applicationID == application.id ? sent : nil
        let id = application.id
        return .form(
            .class("stacked"), .safeAction("\(eventPath)/pitch-bewerbungen/\(id)/entscheidung"), .method(.post), .csrf(csrf),
            .input(.type(.hidden), .name("stand"), .safeValue(String(application.revision))),
            .formErrorsInForm(kept?.errors ?? []),
            .fieldset(
                .element(named: "legend", text: "Entscheidung über „\(application.solutionName)“ von \(application.organisationName)"),
                .forEach(application.status.decisions) { choice in
                    .radio(
                        name: "entscheidung", id: "entscheidung-\(choice.rawValue)-\(id)", value: choice.rawValue, label: choice.label,
                        checked: kept?.choice == choice.rawValue)
                }),
            .if(
                !blocks.isEmpty,
                .selectField(
                    "block", id: "block-\(id)", label: "Pitch-Block (beim Annehmen)", options: blocks, selected: kept?.blockID ?? blocks[0].value)),
            .textArea(
                "begruendung", id: "begruendung-\(id)", label: "Begründung (beim Ablehnen nötig; der Anbieter liest sie)", value: kept?.reason ?? "",
                maxLength: PitchApplicationDecision.reasonLength.upperBound, rows: 2),
            .button(.type(.submit), .safeAttribute("aria-label", "Über „\(application.solutionName)“ entscheiden"), .text("Entscheiden"))
        )
    }
}
