import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/pitch-bewerbung`: an Anbieter applies for a pitch with one of its
/// solutions, the Bedarfe it answers and an abstract that fits the pitch's seconds; and sees what
/// became of its applications.
struct PitchApplicationPage: PageView {
    /// What the form sent back (kept when the application was refused).
    struct Form {
        var solutionID = ""
        var chosenNeeds: [String] = []
        var pastedNeeds = ""
        var abstract = ""
    }

    var eventTitle: String
    var eventPath: String
    var when: String
    var seconds: Int
    var blocks: [String]
    /// Why nobody can apply now (no pitch block, the event is over); nil: applications are open.
    var closedReason: String?
    var isProvider: Bool
    var applications: [PitchApplicationRow]
    /// The viewer's solutions ("Lösung (Anbieter)").
    var solutions: [(value: String, label: String)]
    /// Bedarfe to tick: answered by the viewer's Anbieter, or published by towns at the event.
    var candidateNeeds: [(id: String, label: String)]
    var form = Form()
    var csrf: String
    var errors: [String] = []
    var title: String { "Für einen Pitch bewerben: \(eventTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .class("meta"),
                .text("\(when) · \(seconds) Sekunden je Pitch" + (blocks.isEmpty ? "" : " · Pitch-Blöcke: \(blocks.joined(separator: ", "))"))),
            .p(
                .text(
                    "Anbieter stellen hier eine ihrer Lösungen vor: in \(seconds) Sekunden, vor den Kommunen der Veranstaltung. Das Team entscheidet über jede Bewerbung; Sie hören davon."
                )),
            .p(.a(.safeHref(eventPath), .text("Zur Veranstaltung")), .text(" · "), .a(.safeHref(eventPath + "/buehne"), .text("Zur Pitch-Bühne"))),
            // The form first, with the errors above it; then what became of earlier applications.
            .formErrors(errors),
            formPart(),
            .if(!applications.isEmpty, ownApplications())
        )
    }

    private func ownApplications() -> Node<HTML.BodyContext> {
        .section(
            .id("ihre-bewerbungen"),
            .h2(.text("Ihre Bewerbungen")),
            .forEach(applications) { application in
                .article(
                    .class("card"), .safeID("bewerbung-\(application.id)"),
                    application.summary(heading: true),
                    .if(
                        application.status.mayWithdraw,
                        .form(
                            .class("inline"), .safeAction("\(eventPath)/pitch-bewerbung/\(application.id)/zurueckziehen"), .method(.post),
                            .csrf(csrf),
                            .button(
                                .type(.submit), .class("secondary"),
                                .safeAttribute("aria-label", "Bewerbung mit „\(application.solutionName)“ zurückziehen"),
                                .text(application.status == .angenommen ? "Pitch absagen" : "Bewerbung zurückziehen")))),
                    .if(
                        application.status == .angenommen,
                        .p(.class("meta"), .text("Absagen geht, solange Ihr Pitch noch nicht auf der Bühne war; das Team wird benachrichtigt.")))
                )
            }
        )
    }

    private func formPart() -> Node<HTML.BodyContext> {
        if let closedReason {
            return .group(
                .p(.attribute(named: "role", value: "status"), .text(closedReason)),
                // What the Anbieter typed before it closed: kept to copy, not lost.
                .if(
                    !form.abstract.isEmpty,
                    .div(
                        .class("field"), .label(.for("abstract-ungesendet"), .text("Ihr Abstract (nicht gesendet, zum Kopieren)")),
                        .textarea(.id("abstract-ungesendet"), .rows(6), .readonly(true), .text(form.abstract)))),
                .if(
                    !form.pastedNeeds.isEmpty,
                    .div(
                        .class("field"), .label(.for("bedarfe-ungesendet"), .text("Ihre Bedarfe (nicht gesendet, zum Kopieren)")),
                        .textarea(.id("bedarfe-ungesendet"), .rows(3), .readonly(true), .text(form.pastedNeeds)))))
        }
        guard isProvider else {
            return .p(
                .text(
                    "Für einen Pitch bewerben sich Anbieter mit einer ihrer Lösungen. Dazu müssen Sie Mitglied eines Anbieters sein, den die Plattform bestätigt hat: "
                ),
                .a(.href("/organisationen/neu"), .text("Anbieter gründen")), .text(" oder "),
                .a(.href("/konto/organisationen"), .text("Mitgliedschaft beantragen")),
                .text(". Wartet Ihr Anbieter noch auf die Bestätigung, ist die Bewerbung danach möglich."))
        }
        guard !solutions.isEmpty else {
            return .p(
                .text("Um sich zu bewerben, veröffentlichen Sie zuerst eine Lösung Ihres Anbieters: "),
                .a(.href("/loesungen/neu"), .text("Lösung veröffentlichen")), .text("."))
        }
        return .section(
            .id("bewerben"),
            .h2(.text("Bewerben")),
            .form(
                .class("stacked"), .safeAction(eventPath + "/pitch-bewerbung"), .method(.post), .csrf(csrf),
                .selectField(
                    "loesung", id: "bewerbung-loesung", label: "Welche Lösung stellen Sie vor?", options: [("", "Bitte wählen …")] + solutions,
                    selected: form.solutionID),
                .if(
                    !candidateNeeds.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Auf welche Bedarfe antwortet sie? (höchstens \(PitchApplicationInput.maximumNeeds))"),
                        .forEach(candidateNeeds.enumerated()) { index, need in
                            .checkbox(
                                name: "bedarfe[]", id: "bedarf-\(index)", value: need.id, label: need.label,
                                checked: form.chosenNeeds.contains(need.id))
                        })),
                .textArea(
                    "weitereBedarfe", id: "bewerbung-weitere",
                    label: candidateNeeds.isEmpty
                        ? "Auf welche Bedarfe antwortet sie? Links zu veröffentlichten Bedarfen, einer je Zeile (höchstens \(PitchApplicationInput.maximumNeeds))"
                        : "Weitere Bedarfe: Links, einer je Zeile",
                    value: form.pastedNeeds, maxLength: 2_000, rows: 3),
                .textArea(
                    "abstract", id: "bewerbung-abstract",
                    label:
                        "Abstract: was Sie in \(seconds) Sekunden sagen (höchstens \(SpokenLength.words(in: seconds)) Wörter, \(PitchApplicationInput.abstractLength.upperBound) Zeichen)",
                    value: form.abstract, maxLength: PitchApplicationInput.abstractLength.upperBound, rows: 8, required: true),
                .button(.type(.submit), .text("Bewerbung einreichen")))
        )
    }
}
