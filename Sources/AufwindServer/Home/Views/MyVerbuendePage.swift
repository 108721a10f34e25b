import AufwindCore
import Foundation
import Plot

/// `/verbuende`: the Verbünde of the person's towns and organisations, with status, programme,
/// verdict and the next date.
struct MyVerbuendePage: PageView {
    var verbuende: [VerbundRow]
    /// Open invitations of the person's towns (answered on the Verbund's page).
    var invitations: [HomeDashboard.Task] = []
    var hasTowns: Bool
    var title: String { "Meine Verbünde" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(
                !invitations.isEmpty,
                .group(
                    .h2(.text("Offene Einladungen")),
                    .ul(.class("results"), .forEach(invitations) { invitation in .li(.a(.safeHref(invitation.path), .text(invitation.text))) }))),
            .if(!invitations.isEmpty, .h2(.text("Verbünde Ihrer Kommunen"))),
            verbuende.isEmpty
                ? .p(
                    .text(
                        hasTowns
                            ? "Ihre Kommunen sind noch in keinem Verbund. Einen Verbund gründen Sie auf der Seite eines Eintrags oder bei der Prüfung eines Förderprogramms."
                            : "Sie sind noch bei keiner Kommune oder Organisation Mitglied. "),
                    .unwrap(hasTowns ? nil : "/konto/organisationen") { .a(.safeHref($0), .text("Mitgliedschaft beantragen")) },
                    .unwrap(hasTowns ? "/eintraege" : nil) { .group(.text(" "), .a(.safeHref($0), .text("Einträge ansehen"))) })
                : Self.list(verbuende)
        )
    }

    /// The list, also on the home base.
    static func list(_ verbuende: [VerbundRow]) -> Node<HTML.BodyContext> {
        .ul(
            .class("results"),
            .forEach(verbuende) { row in
                .li(
                    .div(.class("name"), .a(.safeHref(row.path), .text(row.name)), .text(" "), .span(.class("badge"), .text(row.status))),
                    .div(
                        .class("meta"),
                        .text("\(row.role) · \(row.members) \(row.members == 1 ? "Mitglied" : "Mitglieder")"),
                        .text(row.programme.map { " · Programm: \($0)" } ?? " · noch kein Förderprogramm gewählt"),
                        .unwrap(row.verdict) { verdict in .group(.text(" · "), .strong(.text(verdict.label))) }),
                    .unwrap(row.nextDate) { .p(.class("meta"), .text("Als Nächstes: \($0)")) }
                )
            })
    }
}
