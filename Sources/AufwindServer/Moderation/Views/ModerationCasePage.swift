import AufwindCore
import Foundation
import Plot

/// `/admin/moderation/{id}`: the reported content as it was reported, the reports, and the decision
/// with the statement of reasons (the fields of the DSA transparency database); then the objection
/// and the decision on it by another administrator.
struct ModerationCasePage: PageView {
    struct Report {
        var category: ReportCategory
        var text: String
        var reporter: String
        var at: Date?
    }

    /// What the administrator typed (kept when the form was refused).
    struct Form {
        var outcome = ""
        var ground = ""
        var groundReference = ""
        var explanation = ""
        var facts = ""
        var objectionReasons = ""
    }

    var path: String
    var kind: ModeratedKind?
    var contentTitle: String
    var contentText: String
    var contentPath: String
    var contentCreatedAt: Date?
    var author: String
    /// Towns the author is a confirmed member of.
    var authorTowns: [String]
    var status: ModerationCaseModel.Status
    var reports: [Report]
    var statement: StatementOfReasons?
    var decidedBy: String
    var decidedAt: Date?
    var objectionText: String
    var objectionAt: Date?
    var objectionOutcome: ObjectionOutcome?
    var objectionReasons: String
    var objectionDecidedBy: String
    var viewerDecided: Bool
    var form: Form
    var csrf: String
    var errors: [String] = []
    var title: String { "Meldung: \(contentTitle)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.href("/admin/moderation"), .text("Zur Moderation"))),
            .formErrors(errors),
            .section(
                .h2(.text("Der Inhalt, wie er gemeldet wurde")),
                .p(
                    .class("meta"),
                    .text(
                        [
                            kind?.label ?? "", author.isEmpty ? "Verfasser:in: unbekannt oder Konto gelöscht" : "Verfasser:in: \(author)",
                            authorTowns.isEmpty ? "" : "bestätigtes Mitglied von \(authorTowns.joined(separator: ", "))",
                            contentCreatedAt.map { "verfasst am \(GermanFormat.date($0))" } ?? "",
                        ].filter { !$0.isEmpty }.joined(separator: " · ")),
                    .text(" · "), .a(.safeHref(contentPath), .text("Ansehen"))),
                .blockquote(.linkedText(contentText))),
            .section(
                .h2(.text("Meldungen (\(reports.count))")),
                .ul(
                    .class("results"),
                    .forEach(reports) { report in
                        .li(
                            .div(
                                .class("meta"),
                                .text(
                                    "„\(report.category.label)“ von \(report.reporter.isEmpty ? "gelöschtem Konto" : report.reporter)"
                                        + (report.at.map { ", \(GermanFormat.dateTime($0))" } ?? ""))),
                            .linkedText(report.text))
                    })),
            .if(status == .offen, decisionForm()),
            .unwrap(statement) { statementPart($0) },
            .if(!objectionText.isEmpty, objectionPart())
        )
    }

    private func decisionForm() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Entscheidung")),
            .p(
                .text(
                    "Verbergen und Löschen brauchen eine Begründung nach Art. 17 DSA: die Grundlage (rechtswidrig oder gegen die Nutzungsbedingungen), das Gesetz oder die Regel, die Begründung und die Tatsachen. Die verfassende Person wird benachrichtigt und kann einmal Einspruch einlegen."
                )),
            .form(
                .class("stacked"), .safeAction("\(path)/entscheidung"), .method(.post), .csrf(csrf),
                .selectField(
                    "entscheidung", label: "Entscheidung",
                    options: [("", "Bitte wählen …")] + ModerationOutcome.allCases.map { ($0.rawValue, $0.label) }, selected: form.outcome),
                .selectField(
                    "grundlage", label: "Grundlage (bei verbergen oder löschen)",
                    options: [("", "–")] + DecisionGround.allCases.map { ($0.rawValue, $0.label) }, selected: form.ground),
                .field(
                    "rechtsgrundlage", label: "Gesetz oder Regel der Nutzungsbedingungen (bei verbergen oder löschen)", value: form.groundReference,
                    maxLength: StatementOfReasons.groundLength.upperBound, required: false),
                .textArea(
                    "begruendung", label: "Begründung", value: form.explanation, maxLength: StatementOfReasons.textLength.upperBound, rows: 4,
                    required: true),
                .textArea(
                    "tatsachen", label: "Tatsachen und Umstände (bei verbergen oder löschen)", value: form.facts,
                    maxLength: StatementOfReasons.textLength.upperBound, rows: 3),
                .p(.text("Automatisiert erkannt oder entschieden: nein.")),
                .button(.type(.submit), .text("Entscheiden"))))
    }

    private func statementPart(_ statement: StatementOfReasons) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Entscheidung: \(statement.outcome.label)")),
            .dl(
                .class("facts"),
                .dt(.text("Entschieden von")),
                .dd(.text(decidedBy.isEmpty ? "–" : decidedBy + (decidedAt.map { ", \(GermanFormat.dateTime($0))" } ?? ""))),
                .unwrap(statement.ground) { ground in
                    .group(.dt(.text("Grundlage")), .dd(.text(ground.label)), .dt(.text("Gesetz oder Regel")), .dd(.text(statement.groundReference)))
                },
                .dt(.text("Begründung")), .dd(.text(statement.explanation)),
                .if(!statement.facts.isEmpty, .group(.dt(.text("Tatsachen und Umstände")), .dd(.text(statement.facts)))),
                .dt(.text("Automatisiert")), .dd(.text("nein"))),
            .if(statement.outcome.restricts, .p(.a(.safeHref("\(path)/dsa.json"), .text("Begründung im Format der DSA-Transparenzdatenbank (JSON)"))))
        )
    }

    private func objectionPart() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Einspruch")),
            .p(.class("meta"), .text(objectionAt.map { "Eingelegt am \(GermanFormat.dateTime($0))" } ?? "")),
            .blockquote(.linkedText(objectionText)),
            .unwrap(objectionOutcome) { outcome in
                .p(.strong(.text("\(outcome.label) ")), .text("(\(objectionDecidedBy)): \(objectionReasons)"))
            },
            .if(
                status == .einspruch && viewerDecided,
                .p(
                    .text(
                        "Sie haben entschieden, den Einspruch eingelegt oder den Inhalt verfasst; über den Einspruch entscheidet eine andere Person der Plattform-Administration."
                    ))),
            .if(
                status == .einspruch && !viewerDecided,
                .form(
                    .class("stacked"), .safeAction("\(path)/einspruch"), .method(.post), .csrf(csrf),
                    .selectField(
                        "entscheidung", id: "einspruch-entscheidung", label: "Entscheidung über den Einspruch",
                        options: [("", "Bitte wählen …")] + ObjectionOutcome.allCases.map { ($0.rawValue, $0.label) }, selected: ""),
                    .textArea(
                        "begruendung", id: "einspruch-begruendung", label: "Begründung", value: form.objectionReasons,
                        maxLength: StatementOfReasons.textLength.upperBound, rows: 4, required: true),
                    .button(.type(.submit), .text("Über den Einspruch entscheiden")))))
    }
}
