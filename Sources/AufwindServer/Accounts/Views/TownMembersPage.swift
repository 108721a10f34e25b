import AufwindCore
import Foundation
import Plot

/// `/kommunen/{key}/mitglieder`: members and open requests; Verwalter decide and set roles.
struct TownMembersPage: PageView {
    struct Member {
        var id: UUID
        var name: String
        var email: String
        var role: MemberRole
        var status: MembershipModel.Status
        var message: String
        /// The member is the one looking at the page.
        var isViewer = false
    }

    var townName: String
    var townPath: String
    /// Where the profile of the town or organisation is edited, when the viewer may.
    var editPath: String?
    var members: [Member]
    var canDecide: Bool
    /// Confirmed Verwalter: the last one can neither be demoted nor leave.
    var verwalterCount: Int
    /// A town (an organisation's members use the same page).
    var isTown = true
    var csrf: String
    var title: String { "Mitglieder – \(townName)" }

    func content() -> Node<HTML.BodyContext> {
        let pending = members.filter { $0.status == .pending }
        let confirmed = members.filter { $0.status == .confirmed }
        return .group(
            .h1(.text(title)),
            .p(
                .a(.safeHref(townPath), .text("Zur Seite von \(townName)")),
                .unwrap(editPath) { .group(.text(" · "), .a(.safeHref($0), .text("Profil bearbeiten"))) }),
            .if(
                isTown && verwalterCount == 0,
                .p(
                    .class("notice"),
                    .text(
                        "\(townName) hat keine Verwalter:innen mehr. Über offene Anfragen entscheidet jetzt die Plattform-Administration; "
                            + "sie kann auch ein Mitglied als Verwalter:in einsetzen."))),
            .h2(.text("Offene Anfragen")),
            .if(pending.isEmpty, .p(.text("Keine offenen Anfragen."))),
            .ul(
                .class("results"),
                .forEach(pending) { member in
                    .li(
                        .div(.class("name"), .text("\(member.name) (\(member.email))")),
                        .if(!member.message.isEmpty, .p(.text(member.message))),
                        .if(
                            canDecide,
                            .form(
                                .safeAction("/mitgliedschaften/\(member.id.uuidString)/entscheidung"), .method(.post),
                                .csrf(csrf),
                                .button(
                                    .type(.submit), .name("entscheidung"), .value("annehmen"),
                                    .safeAttribute("aria-label", "\(member.name) bestätigen"), .text("Bestätigen")),
                                .text(" "),
                                .button(
                                    .type(.submit), .name("entscheidung"), .value("ablehnen"), .class("secondary"),
                                    .safeAttribute("aria-label", "\(member.name) ablehnen"), .text("Ablehnen"))
                            ))
                    )
                }),
            .h2(.text("Mitglieder")),
            .ul(
                .class("results"),
                .forEach(confirmed) { member in
                    .li(
                        .div(.class("name"), .text("\(member.name) – \(member.role.label)")),
                        .div(.class("meta"), .text(member.email)),
                        .if(
                            canDecide && (member.role == .mitglied || verwalterCount > 1),
                            .form(
                                .safeAction("/mitgliedschaften/\(member.id.uuidString)/rolle"), .method(.post),
                                .csrf(csrf),
                                .input(.type(.hidden), .name("rolle"), .safeValue(member.role == .verwalter ? "mitglied" : "verwalter")),
                                .button(.type(.submit), .text(member.role == .verwalter ? "Zum Mitglied machen" : "Als Verwalter:in einsetzen"))
                            )),
                        .if(
                            member.role == .verwalter && verwalterCount == 1,
                            .div(
                                .class("meta"),
                                .text(
                                    "Einzige:r Verwalter:in: Die Rolle abgeben oder austreten geht erst, wenn ein anderes Mitglied Verwalter:in ist.")
                            )),
                        .if(
                            member.isViewer && (member.role == .mitglied || verwalterCount > 1),
                            .form(
                                .safeAction("/mitgliedschaften/\(member.id.uuidString)/beenden"), .method(.post),
                                .csrf(csrf),
                                .button(.type(.submit), .class("danger"), .text("Mitgliedschaft beenden"))
                            ))
                    )
                })
        )
    }
}
