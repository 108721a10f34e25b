import AufwindCore
import Foundation
import Plot

/// `/moderation/{id}`: for the author (or the town or Anbieter) — what was decided about the
/// content, why, and the one objection.
struct ModerationDecisionPage: PageView {
    var path: String
    var contentTitle: String
    var contentText: String
    var status: ModerationCaseModel.Status
    var statement: StatementOfReasons?
    var decidedAt: Date?
    var objectionText: String
    var objectionOutcome: ObjectionOutcome?
    var objectionReasons: String
    var mayObject: Bool
    var keptText: String
    var csrf: String
    var errors: [String] = []
    var title: String { "Entscheidung der Moderation" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text(contentTitle)),
            .formErrors(errors),
            .unwrap(statement) { statement in
                .section(
                    .h2(.text("Entscheidung: \(statement.outcome.label)")),
                    .dl(
                        .class("facts"),
                        .unwrap(decidedAt) { .group(.dt(.text("Entschieden am")), .dd(.text(GermanFormat.dateTime($0)))) },
                        .unwrap(statement.ground) { ground in
                            .group(
                                .dt(.text("Grundlage")), .dd(.text(ground.label)), .dt(.text("Gesetz oder Regel")),
                                .dd(.text(statement.groundReference)))
                        },
                        .dt(.text("Begründung")), .dd(.text(statement.explanation)),
                        .if(!statement.facts.isEmpty, .group(.dt(.text("Tatsachen und Umstände")), .dd(.text(statement.facts)))),
                        .dt(.text("Automatisiert entschieden")), .dd(.text("nein – eine Person der Plattform-Administration hat entschieden")))
                )
            },
            .if(statement == nil, .p(.text("Über die Meldung ist noch nicht entschieden."))),
            .section(.h2(.text("Der Inhalt, wie er gemeldet wurde")), .blockquote(.linkedText(contentText))),
            .if(
                !objectionText.isEmpty,
                .section(
                    .h2(.text("Ihr Einspruch")), .blockquote(.linkedText(objectionText)),
                    .unwrap(objectionOutcome) { .p(.strong(.text("\($0.label): ")), .text(objectionReasons)) },
                    .if(objectionOutcome == nil, .p(.text("Eine andere Person der Plattform-Administration entscheidet; Sie werden benachrichtigt.")))
                )),
            .if(
                mayObject,
                .form(
                    .class("stacked"), .safeAction("\(path)/einspruch"), .method(.post), .csrf(csrf),
                    .textArea(
                        "einspruch", label: "Einspruch (einmal möglich; eine andere Person entscheidet)", value: keptText,
                        maxLength: StatementOfReasons.textLength.upperBound, rows: 5, required: true),
                    .button(.type(.submit), .text("Einspruch einlegen"))))
        )
    }
}
