import AufwindCore
import Foundation
import Plot

/// One pitch application as both sides see it: the solution, the Anbieter, the Bedarfe it
/// answers, the abstract and where it stands.
struct PitchApplicationRow {
    struct Need {
        var title: String
        var path: String
        var town: String
    }

    var id: String
    /// Raised by every change; a decision form carries it.
    var revision: Int
    var solutionName: String
    var solutionPath: String
    var organisationName: String
    var organisationPath: String
    var applicantName: String
    var submittedAt: Date?
    var status: PitchApplicationStatus
    var reason: String
    var needs: [Need]
    var abstract: String
    /// Towns that confirmed using the solution ("im Einsatz").
    var inUse: Int
    /// The pitch block an accepted application is in.
    var blockTitle: String?
    var blockPath: String?
    var blockLinkLabel = "Zur Bühnenansicht"

    /// How long the abstract takes to say.
    var spoken: SpokenLength { SpokenLength(abstract) }

    /// Name, Anbieter, status, the facts and the abstract.
    func summary(heading: Bool) -> Node<HTML.BodyContext> {
        .group(
            heading
                ? .h3(.a(.safeHref(solutionPath), .text(solutionName)), .text(" von "), .a(.safeHref(organisationPath), .text(organisationName)))
                : .p(
                    .class("name"), .a(.safeHref(solutionPath), .text(solutionName)), .text(" von "),
                    .a(.safeHref(organisationPath), .text(organisationName))),
            .p(
                .class("meta"), .span(.class("badge"), .text(status.label)),
                .text(
                    " · eingereicht von \(applicantName)" + (submittedAt.map { " am \(GermanFormat.date($0))" } ?? "") + " · "
                        + (inUse == 0
                            ? "noch keine bestätigte Referenz" : "im Einsatz in \(GermanFormat.count(inUse, "Kommune", "Kommunen")) (bestätigt)"))),
            .if(
                !needs.isEmpty,
                .group(
                    .p(.text("Antwortet auf:")),
                    .ul(.forEach(needs) { need in .li(.a(.safeHref(need.path), .text(need.title)), .text(" (\(need.town))")) }))),
            .if(needs.isEmpty, .p(.class("meta"), .text("Keine Bedarfe genannt."))),
            .if(
                !abstract.isEmpty,
                .group(
                    .p(.class("meta"), .text("Abstract, gesprochen etwa \(spoken.seconds) Sekunden (\(spoken.words) Wörter):")),
                    .div(.class("prose"), .forEach(abstract.components(separatedBy: "\n\n")) { .p(.text($0)) }))),
            .if(status == .abgelehnt, .p(.text("Begründung: \(reason)"))),
            .if(status == .warteliste && !reason.isEmpty, .p(.text("Hinweis des Teams: \(reason)"))),
            .unwrap(blockTitle) { title in
                .p(.text("Im Pitch-Block „\(title)“"), .unwrap(blockPath) { .group(.text(" · "), .a(.safeHref($0), .text(blockLinkLabel))) })
            }
        )
    }
}
