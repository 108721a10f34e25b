import Fluent
import Vapor
import AufwindCore
import Plot

/// What a town says about itself, and the links its members may use; on the town's page.
struct TownPanel {
    var key: String
    var profile: TownProfileInput?
    var memberCount: Int
    var canViewMembers: Bool
    var canEdit: Bool
    var canJoin: Bool

    func node() -> Node<HTML.BodyContext> {
        .section(
            .class("town-panel"),
            .h2(.text("Auf Aufwind")),
            .unwrap(profile) { profile in
                .group(
                    .if(!profile.description.isEmpty, .p(.text(profile.description))),
                    .dl(
                        .class("facts"),
                        .if(!profile.contactPerson.isEmpty, .group(.dt(.text("Ansprechperson")), .dd(.text(profile.contactPerson)))),
                        .if(!profile.contactEmail.isEmpty, .group(
                            .dt(.text("E-Mail")), .dd(.a(.safeHref("mailto:" + profile.contactEmail), .text(profile.contactEmail))))),
                        .if(!profile.website.isEmpty, .group(
                            .dt(.text("Website")), .dd(.a(.safeHref(profile.website), .attribute(named: "rel", value: "nofollow noopener"), .text(profile.website))))),
                        .if(!profile.handlungsfelder.isEmpty, .group(
                            .dt(.text("Handlungsfelder")), .dd(.text(profile.handlungsfelder.map(\.label).joined(separator: ", ")))))
                    )
                )
            },
            .p(.text(memberCount == 0 ? "Noch niemand handelt hier für diese Kommune." : "\(Fmt.count(memberCount, "bestätigtes Mitglied", "bestätigte Mitglieder")) auf Aufwind.")),
            .p(
                .if(canViewMembers, .a(.href("/kommunen/\(key)/mitglieder"), .text("Mitglieder verwalten"))),
                .if(canViewMembers && canEdit, .text(" · ")),
                .if(canEdit, .a(.href("/kommunen/\(key)/profil"), .text("Profil bearbeiten"))),
                .if(canJoin, .a(.href("/konto/organisationen"), .text("Für diese Kommune handeln? Mitgliedschaft anfragen")))
            )
        )
    }
}

extension Request {
    /// The town panel of a Gemeinde or Kreis page.
    func townPanel(key: String) async throws -> TownPanel {
        let profile = try await TownProfileModel.find(key, on: db)
        let members = try await MembershipModel.query(on: db)
            .filter(\.$kind == "kommune").filter(\.$orgKey == key).filter(\.$status == MembershipModel.Status.confirmed.rawValue).count()
        return TownPanel(
            key: key, profile: profile?.input, memberCount: members,
            canViewMembers: may(.viewTownMembers, .town(key)), canEdit: may(.editTownProfile, .town(key)),
            canJoin: currentUser == nil || may(.requestTownMembership, .town(key)))
    }
}
