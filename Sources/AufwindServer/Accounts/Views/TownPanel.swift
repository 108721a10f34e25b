import AufwindCore
import Fluent
import Plot
import Vapor

/// What a town says about itself, and the links its members may use; on the town's page.
struct TownPanel {
    var key: String
    var profile: TownProfileInput?
    var memberCount: Int
    var canViewMembers: Bool
    var canEdit: Bool
    var canJoin: Bool
    /// A visitor is offered signing in or registering, on the way to the join form with this town chosen.
    var signedIn = true
    /// The town's items (drafts only for its members) and its cooperations.
    var items: [ItemListEntry] = []
    var cooperations: [(partner: String, partnerPath: String, itemTitle: String, itemPath: String)] = []
    var canCreateItems = false
    /// "Das nutzen wir": the solutions the town confirmed using.
    var uses: [(solution: String, path: String, status: String)] = []

    /// The join form with this town already chosen.
    var joinPath: String { "/konto/organisationen?kommune=\(key)" }

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
                        .if(
                            !profile.contactEmail.isEmpty,
                            .group(
                                .dt(.text("E-Mail")), .dd(.a(.safeHref("mailto:" + profile.contactEmail), .text(profile.contactEmail))))),
                        .if(
                            !profile.website.isEmpty,
                            .group(
                                .dt(.text("Website")),
                                .dd(
                                    .a(
                                        .safeExternalHref(profile.website), .attribute(named: "rel", value: "nofollow noopener"),
                                        .text(profile.website))))),
                        .if(
                            !profile.handlungsfelder.isEmpty,
                            .group(
                                .dt(.text("Handlungsfelder")), .dd(.text(profile.handlungsfelder.map(\.label).joined(separator: ", ")))))
                    )
                )
            },
            .h3(.text("Einträge")),
            .if(items.isEmpty, .p(.text("Noch keine veröffentlichten Einträge."))),
            .ul(.class("results"), .forEach(items) { .li($0.node()) }),
            .p(
                .a(.safeHref("/kommunen/\(key)/passt-zu-uns"), .text("Passt zu uns: Partnervorschläge")),
                .if(
                    canCreateItems,
                    .group(
                        .text(" · "), .a(.safeHref("/eintraege/neu?kommune=\(key)"), .text("Neuer Eintrag")),
                        .text(" · "), .a(.safeHref("/kommunen/\(key)/kalender"), .text("Kalender der Verbund-Termine"))))
            ),
            .h3(.text("Das nutzen wir")),
            .if(
                uses.isEmpty,
                .p(
                    .text("Noch keine bestätigten Lösungen."),
                    .if(canCreateItems, .group(.text(" "), .a(.href("/loesungen"), .text("Lösungen durchsuchen und die eigene Nutzung eintragen")))))),
            .if(!uses.isEmpty, .ul(.forEach(uses) { use in .li(.a(.safeHref(use.path), .text(use.solution)), .text(" – \(use.status)")) })),
            .h3(.text("Kooperationen")),
            .if(cooperations.isEmpty, .p(.text("Noch keine Kooperationen auf Aufwind."))),
            .ul(
                .forEach(cooperations) { cooperation in
                    .li(
                        .text("mit "), .a(.safeHref(cooperation.partnerPath), .text(cooperation.partner)), .text(" zu "),
                        .a(.safeHref(cooperation.itemPath), .text(cooperation.itemTitle)))
                }),
            .p(
                .text(
                    memberCount == 0
                        ? "Noch niemand handelt hier für diese Kommune."
                        : "\(GermanFormat.count(memberCount, "bestätigtes Mitglied", "bestätigte Mitglieder")) auf Aufwind.")),
            .if(
                canViewMembers || canEdit || (canJoin && signedIn),
                .p(
                    .if(canViewMembers, .a(.safeHref("/kommunen/\(key)/mitglieder"), .text("Mitglieder verwalten"))),
                    .if(canViewMembers && canEdit, .text(" · ")),
                    .if(canEdit, .a(.safeHref("/kommunen/\(key)/profil"), .text("Profil bearbeiten"))),
                    .if(canJoin && signedIn, .a(.safeHref(joinPath), .text("Für diese Kommune handeln? Mitgliedschaft anfragen")))
                )),
            .if(
                canJoin && !signedIn,
                .p(
                    .text("Für diese Kommune handeln? "),
                    .a(.safeHref(ReturnPath.link("/anmelden", returningTo: joinPath)), .text("Anmelden")), .text(" oder "),
                    .a(.safeHref(ReturnPath.link("/registrieren", returningTo: joinPath)), .text("Registrieren")),
                    .text(" und die Mitgliedschaft anfragen")))
        )
    }
}

extension Request {
    /// The town panel of a Gemeinde or Kreis page.
    func townPanel(key: String) async throws -> TownPanel {
        let profile = try await TownProfileModel.find(key, on: db)
        let members = try await MembershipModel.query(on: db)
            .filter(\.$kind == "kommune").filter(\.$orgKey == key).filter(\.$status == MembershipModel.Status.confirmed.rawValue).count()
        let isMember = may(.actForTown, .town(key))
        let items = try await CooperationItemModel.query(on: db).filter(\.$ownerKey == key).visible(to: itemAudience).sort(\.$updatedAt, .descending)
            .limit(50).all()
        let directory = TownDirectory(catalog: register)
        let cooperations = try await CooperationModel.query(on: db).group(.or) { $0.filter(\.$ownerKey == key).filter(\.$partnerKey == key) }
            .sort(\.$createdAt, .descending).all()
        let cooperationItems =
            cooperations.isEmpty ? [] : try await CooperationItemModel.query(on: db).filter(\.$id ~~ cooperations.map(\.itemID)).all()
        let titles = Dictionary(uniqueKeysWithValues: cooperationItems.map { ($0.id!, $0.title) })
        let references = try await SolutionReferenceModel.query(on: db).filter(\.$townKey == key)
            .filter(\.$state == ReferenceState.bestaetigt.rawValue).limit(100).all()
        let solutions =
            references.isEmpty
            ? []
            : try await SolutionModel.query(on: db).filter(\.$id ~~ references.map(\.solutionID)).filter(\.$hidden == nil).sort(\.$name).all()
        return TownPanel(
            key: key, profile: profile?.input, memberCount: members,
            canViewMembers: may(.viewTownMembers, .town(key)), canEdit: may(.editTownProfile, .town(key)),
            canJoin: currentUser == nil || may(.requestTownMembership, .town(key)), signedIn: currentUser != nil,
            items: items.compactMap { model in model.item.map { ItemListEntry(item: $0, directory: directory, draft: !model.published) } },
            cooperations: cooperations.map { cooperation in
                let partner = cooperation.ownerKey == key ? cooperation.partnerKey : cooperation.ownerKey
                return (
                    directory.name(of: partner) ?? partner, directory.path(of: partner), titles[cooperation.itemID] ?? "–",
                    "/eintraege/\(cooperation.itemID.uuidString.lowercased())"
                )
            },
            canCreateItems: isMember,
            uses: solutions.map { solution in
                (solution.name, solution.path, references.first { $0.solutionID == solution.id }?.statusValue.label ?? "")
            })
    }
}
