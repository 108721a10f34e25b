import AufwindCore
import Fluent
import Foundation
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

        let memberships = try await MembershipModel.query(on: db).filter(\.$user.$id == userID).all()
        let pending = memberships.filter { $0.status == MembershipModel.Status.pending.rawValue }
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

        var tasks: [Task] = []
        var sent: [Task] = []
        if !townKeys.isEmpty {
            let incoming = try await InterestRequestModel.query(on: db).filter(\.$toKey ~~ townKeys)
                .filter(\.$status == InterestRequestModel.Status.open.rawValue).sort(\.$createdAt, .descending).all()
            for interest in incoming {
                let from = directory.name(of: interest.fromKey) ?? interest.fromKey
                tasks.append(Task(text: "Anfrage von \(from) beantworten", path: "/anfragen", date: interest.createdAt))
            }
            tasks += try await Self.invitations(of: townKeys, request: request)
            let outgoing = try await InterestRequestModel.query(on: db).filter(\.$fromKey ~~ townKeys)
                .filter(\.$status == InterestRequestModel.Status.open.rawValue).sort(\.$createdAt, .descending).all()
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
        if user.isAdmin {
            let waiting = try await MembershipModel.query(on: db).filter(\.$status == MembershipModel.Status.pending.rawValue).count()
            if waiting > 0 {
                tasks.append(
                    Task(
                        text: "\(waiting) \(waiting == 1 ? "Anfrage" : "Anfragen") in der Warteschlange der Plattform", path: "/admin/warteschlange",
                        date: nil))
            }
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
            let role = actor.organisationRoles[id]?.label ?? ""
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
            cooperations: cooperations, verbuende: verbuende, events: events,
            nextSteps: NextSteps(
                isMember: !townKeys.isEmpty, hasRequestedMembership: !pending.isEmpty, hasPublishedItem: hasPublished,
                hasCooperation: !cooperations.isEmpty || !verbuende.isEmpty),
            unreadNotifications: unread)
    }

    /// Events the person registered for, hosts (for a town or organisation) or pitches at; upcoming first.
    static func events(of userID: UUID, towns: [String], organisations: [String], on db: any Database) async throws -> [EventRow] {
        var why: [UUID: String] = [:]
        for registration in try await EventRegistrationModel.query(on: db).filter(\.$userID == userID).all() {
            why[registration.eventID] = registration.statusValue == .bestaetigt ? "angemeldet" : "auf der Warteliste"
        }
        let organiserKeys = towns + organisations
        if !organiserKeys.isEmpty {
            for event in try await EventModel.query(on: db).filter(\.$organiserKey ~~ organiserKeys).all() {
                if let id = event.id { why[id] = "Sie veranstalten" }
            }
        }
        let pitches = try await PitchModel.query(on: db).filter(\.$userID == userID).all()
        if !pitches.isEmpty {
            let blocks = try await PitchBlockModel.query(on: db).filter(\.$id ~~ pitches.map(\.blockID)).all()
            for block in blocks where why[block.eventID] == nil || why[block.eventID] == "angemeldet" { why[block.eventID] = "Sie pitchen" }
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
}
