import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// What `/mein-aufwind` shows a signed-in person: what waits for them, their towns and
/// organisations, their items, cooperations, Verbünde and events — each with the link that leads
/// on. Loaded with one query per kind of thing, whatever the number of towns.
struct HomeDashboard {
    /// Something that waits for this person's decision or answer.
    struct Task {
        var text: String
        var path: String
        var date: Date?
    }

    struct Place {
        var name: String
        var path: String
        var role: String
        var links: [(path: String, label: String)]
    }

    struct ItemRow {
        var title: String
        var path: String
        var kind: String
        var town: String
        var published: Bool
    }

    struct NewMatch {
        var title: String
        /// The item's partner list.
        var path: String
        var count: Int
    }

    struct EventRow {
        var title: String
        var path: String
        var when: String
        var why: String
    }

    var tasks: [Task] = []
    /// Answers the person's towns wait for (interest they showed).
    var sent: [Task] = []
    var places: [Place] = []
    var pendingMemberships: [String] = []
    var items: [ItemRow] = []
    /// When the person's previous visit began (nil on the first), and our items that found new
    /// partners since then.
    var previousVisit: Date?
    var newMatches: [NewMatch] = []
    var cooperations: [CooperationSummary] = []
    var verbuende: [VerbundRow] = []
    var events: [EventRow] = []
    var nextSteps: NextSteps
    var unreadNotifications = 0

    /// How many items, cooperations and Verbünde the page lists before it links to the full list.
    static let listLimit = 10

    static func load(_ request: Request, user: UserModel) async throws -> HomeDashboard {
        let userID = try user.requireID()
        let actor = request.actor
        let db = request.db
        let now = request.now
        let directory = TownDirectory(catalog: request.register)
        let townKeys = actor.townRoles.keys.sorted()
        let organisationIDs = actor.organisationRoles.keys.compactMap { UUID(uuidString: $0) }

        let pending = request.ownMemberships.filter { $0.status == MembershipModel.Status.pending.rawValue }
        let organisations = organisationIDs.isEmpty ? [] : try await OrganisationModel.query(on: db).filter(\.$id ~~ organisationIDs).all()
        // The newest few for the list, and whether any is published (the next steps): two indexed
        // reads, not every item of the towns.
        let items =
            townKeys.isEmpty
            ? []
            : try await CooperationItemModel.query(on: db).filter(\.$ownerKey ~~ townKeys).sort(\.$updatedAt, .descending)
                .limit(listLimit).all()
        var hasPublished = items.contains { $0.published }
        if !hasPublished, items.count == listLimit {
            hasPublished = try await CooperationItemModel.query(on: db).filter(\.$ownerKey ~~ townKeys).filter(\.$published == true).first() != nil
        }

        let previousVisit = try await HomeVisits(database: db).record(userID: userID, now: now)
        var newMatches: [NewPartnerMatches.Row] = []
        if let previousVisit { newMatches = try await NewPartnerMatches(database: db).since(previousVisit, towns: townKeys) }

        var tasks: [Task] = []
        var sent: [Task] = []
        if !townKeys.isEmpty {
            // Open requests to and from the towns, in one read.
            let open = try await InterestRequestModel.query(on: db).filter(\.$status == InterestRequestModel.Status.open.rawValue)
                .group(.or) { $0.filter(\.$toKey ~~ townKeys).filter(\.$fromKey ~~ townKeys) }.sort(\.$createdAt, .descending).all()
            let own = Set(townKeys)
            let incoming = open.filter { own.contains($0.toKey) }
            for interest in incoming {
                let from = directory.name(of: interest.fromKey) ?? interest.fromKey
                tasks.append(Task(text: "Anfrage von \(from) beantworten", path: "/anfragen", date: interest.createdAt))
            }
            tasks += try await Self.invitations(of: townKeys, request: request)
            tasks += try await Self.referenceTasks(of: townKeys, directory: directory, now: now, on: db)
            tasks += try await Self.answerTasks(of: townKeys, now: now, on: db)
            let outgoing = open.filter { own.contains($0.fromKey) }
            let asked =
                outgoing.isEmpty ? [] : try await CooperationItemModel.query(on: db).filter(\.$id ~~ outgoing.map(\.itemID)).all()
            sent = outgoing.map { interest in
                let title = asked.first { $0.id == interest.itemID }?.title ?? "–"
                let to = directory.name(of: interest.toKey) ?? interest.toKey
                return Task(
                    text: "Interesse an „\(title)“ (\(to))", path: "/eintraege/\(interest.itemID.uuidString.lowercased())", date: interest.createdAt)
            }
            let managed = townKeys.filter { actor.townRoles[$0] == .verwalter }
            if !managed.isEmpty {
                let requests = try await MembershipModel.query(on: db).filter(\.$kind == MembershipModel.Kind.kommune.rawValue)
                    .filter(\.$orgKey ~~ managed).filter(\.$status == MembershipModel.Status.pending.rawValue).with(\.$user)
                    .sort(\.$createdAt).all()
                for membership in requests {
                    let town = directory.name(of: membership.orgKey) ?? membership.orgKey
                    tasks.append(
                        Task(
                            text: "Beitrittsanfrage von \(membership.user.displayName) für \(town) entscheiden",
                            path: "/kommunen/\(membership.orgKey)/mitglieder",
                            date: membership.createdAt))
                }
            }
        }
        let meetings = try await MeetingModel.query(on: db).filter(\.$inviteeID == userID)
            .filter(\.$status == MeetingModel.Status.angefragt.rawValue).filter(\.$expiresAt > now).all()
        for meeting in meetings {
            tasks.append(
                Task(
                    text: "Gesprächsanfrage von \(meeting.requesterName) beantworten",
                    path: "/veranstaltungen/\(meeting.eventID.uuidString.lowercased())/treffen", date: meeting.createdAt))
        }
        tasks += try await Self.pitchApplicationTasks(
            organiserKeys: townKeys + actor.organisationRoles.keys.sorted(), today: ISODay.today(now), on: db)
        sent += try await Self.pitchApplicationsSent(organisations: organisationIDs, on: db)
        if user.isAdmin {
            let waiting = try await MembershipModel.query(on: db).filter(\.$status == MembershipModel.Status.pending.rawValue).count()
            if waiting > 0 {
                tasks.append(
                    Task(
                        text: "\(waiting) \(waiting == 1 ? "Anfrage" : "Anfragen") in der Warteschlange der Plattform", path: "/admin/warteschlange",
                        date: nil))
            }
            tasks += try await Self.moderationTasks(for: userID, on: db)
        }

        let cooperations = try await CooperationSummary.load(for: townKeys, request: request)
        let verbuende = try await VerbundRow.load(for: townKeys, organisations: organisationIDs, request: request)
        let events = try await Self.events(of: userID, towns: townKeys, organisations: actor.organisationRoles.keys.sorted(), on: db)
        // Counted once per request by `NotificationBadgeMiddleware` (for the navigation).
        let unread = request.unreadNotifications ?? 0

        var places: [Place] = townKeys.map { key in
            let path = directory.path(of: key)
            var links: [(String, String)] = [(path, "Öffentliche Seite"), ("/kommunen/\(key)/passt-zu-uns", "Passende Kommunen")]
            if actor.townRoles[key] == .verwalter {
                links += [("/kommunen/\(key)/profil", "Profil bearbeiten"), ("/kommunen/\(key)/mitglieder", "Mitglieder")]
            }
            return Place(name: directory.name(of: key) ?? key, path: path, role: actor.townRoles[key]?.label ?? "", links: links)
        }
        places += organisations.sorted { $0.name < $1.name }.map { organisation in
            let id = organisation.id?.uuidString.lowercased() ?? ""
            let role = organisation.id.flatMap { actor.organisationRoles[$0.uuidString]?.label } ?? ""
            return Place(
                name: organisation.name, path: "/organisationen/\(id)", role: role,
                links: [("/organisationen/\(id)", "Seite"), ("/organisationen/\(id)/mitglieder", "Mitglieder")])
        }

        return HomeDashboard(
            tasks: tasks.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) },
            sent: sent,
            places: places,
            pendingMemberships: pending.map { membership in
                membership.kind == MembershipModel.Kind.kommune.rawValue
                    ? (directory.name(of: membership.orgKey) ?? membership.orgKey) : membership.orgKey
            },
            items: items.map { item in
                ItemRow(
                    title: item.title, path: "/eintraege/\(item.id?.uuidString.lowercased() ?? "")",
                    kind: (ItemKind(rawValue: item.kind) ?? .vorhaben).label, town: directory.name(of: item.ownerKey) ?? item.ownerKey,
                    published: item.published)
            },
            previousVisit: previousVisit,
            newMatches: newMatches.map { row in
                NewMatch(title: row.title, path: "/eintraege/\(row.id.uuidString.lowercased())/partner", count: row.count)
            },
            cooperations: cooperations, verbuende: verbuende, events: events,
            nextSteps: NextSteps(
                isMember: !townKeys.isEmpty, hasRequestedMembership: !pending.isEmpty, hasPublishedItem: hasPublished,
                hasCooperation: !cooperations.isEmpty || !verbuende.isEmpty),
            unreadNotifications: unread)
    }

    /// Events the person registered for, hosts (for a town or organisation) or pitches at; upcoming
    /// first. Why each event is listed comes from one read; the events from a second.
    static func events(of userID: UUID, towns: [String], organisations: [String], on db: any Database) async throws -> [EventRow] {
        struct Reason: Decodable {
            var event_id: UUID
            var reason: String
        }
        let organiserKeys = towns + organisations
        let hosting: SQLQueryString =
            organiserKeys.isEmpty
            ? ""
            : "UNION ALL SELECT id AS event_id, 'veranstaltet' AS reason FROM \(ident: EventModel.schema) WHERE organiser_key IN (\(binds: organiserKeys)) "
        let reasons = try await db.sql().raw(
            """
            SELECT event_id, status AS reason FROM \(ident: EventRegistrationModel.schema) WHERE user_id = \(bind: userID) \
            \(hosting)\
            UNION ALL SELECT b.event_id AS event_id, 'pitcht' AS reason FROM \(ident: PitchModel.schema) p \
            JOIN \(ident: PitchBlockModel.schema) b ON b.id = p.block_id WHERE p.user_id = \(bind: userID)
            """
        ).all(decoding: Reason.self)
        // Hosting outweighs a registration; pitching outweighs a confirmed registration.
        var why: [UUID: String] = [:]
        for row in reasons where row.reason != "veranstaltet" && row.reason != "pitcht" {
            why[row.event_id] = row.reason == EventRegistrationModel.Status.bestaetigt.rawValue ? "angemeldet" : "auf der Warteliste"
        }
        for row in reasons where row.reason == "veranstaltet" { why[row.event_id] = "Sie veranstalten" }
        for row in reasons where row.reason == "pitcht" && (why[row.event_id] == nil || why[row.event_id] == "angemeldet") {
            why[row.event_id] = "Sie pitchen"
        }
        guard !why.isEmpty else { return [] }
        let events = try await EventModel.query(on: db).filter(\.$id ~~ Array(why.keys)).sort(\.$firstDay).all()
        return events.compactMap { event in
            guard let id = event.id, let reason = why[id] else { return nil }
            return EventRow(title: event.title, path: event.path, when: EventsController.when(event), why: reason)
        }
    }

    /// Open invitations of the towns into Verbünde: the invited town answers on the Verbund's page.
    static func invitations(of townKeys: [String], request: Request) async throws -> [Task] {
        try await OpenVerbundInvitation.waiting(for: townKeys, request: request).map { Task(text: $0.taskText, path: $0.path, date: $0.invitedAt) }
    }

    /// References waiting for the towns: an Anbieter's proposal to confirm or decline, and a
    /// reference to confirm again after 12 months (one task for all of those).
    static func referenceTasks(of townKeys: [String], directory: TownDirectory, now: Date, on db: any Database) async throws -> [Task] {
        let references = try await SolutionReferenceModel.query(on: db).filter(\.$townKey ~~ townKeys)
            .filter(\.$state != ReferenceState.abgelehnt.rawValue).limit(500).all()
        let proposals = references.filter { $0.stateValue == .vorgeschlagen }
        let due = references.filter { reference in
            reference.stateValue == .bestaetigt
                && reference.confirmedAt.map { ReferenceFreshness.of(confirmedAt: $0, now: now).showsDate } == true
        }
        let names =
            proposals.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await SolutionModel.query(on: db).filter(\.$id ~~ proposals.map(\.solutionID)).filter(\.$hidden == nil)
                    .all().compactMap { solution in solution.id.map { ($0, solution.name) } })
        // Proposals of solutions hidden by a moderation decision wait unseen.
        var tasks = proposals.filter { names[$0.solutionID] != nil }.map { proposal in
            Task(
                text: "Bestätigen: Nutzt \(directory.name(of: proposal.townKey) ?? proposal.townKey) „\(names[proposal.solutionID] ?? "–")“?",
                path: "/loesungen/referenzen", date: proposal.createdAt)
        }
        if !due.isEmpty {
            tasks.append(
                Task(
                    text: "\(GermanFormat.count(due.count, "Referenz", "Referenzen")) Ihrer Kommunen erneut bestätigen",
                    path: "/loesungen/referenzen", date: due.compactMap(\.confirmedAt).min()))
        }
        return tasks
    }
}
