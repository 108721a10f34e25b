import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Interest requests, their decision, cooperations and their messages.
struct ContactService {
    let database: any Database
    let baseURL: String
    let directory: TownDirectory

    static let maximumMessageLength = 2_000

    enum InterestResult {
        case sent(InterestRequestModel)
        /// The town asked before; the earlier request and its status stand.
        case duplicate(InterestRequestModel)
    }

    /// Checks a message text: trimmed, 1…2,000 characters, no control characters.
    static func message(_ raw: String?, required: Bool) -> Result<String, ValidationMessage> {
        let text = (raw ?? "").trimmingSpaces
        if text.isEmpty && required { return .failure("Bitte schreiben Sie eine Nachricht.") }
        if text.unicodeScalars.count > maximumMessageLength {
            return .failure("Die Nachricht darf höchstens \(GermanFormat.integer(maximumMessageLength)) Zeichen lang sein.")
        }
        if text.containsControlCharacters(allowingLineBreaks: true) {
            return .failure("Die Nachricht enthält unzulässige Steuerzeichen.")
        }
        return .success(text)
    }

    func expressInterest(in item: CooperationItemModel, from townKey: String, by user: UserModel, message: String) async throws -> InterestResult {
        let itemID = try item.requireID()
        if let earlier = try await existing(itemID: itemID, from: townKey) { return .duplicate(earlier) }
        let request = InterestRequestModel(
            itemID: itemID, fromKey: townKey, toKey: item.ownerKey, requestedBy: user.id, requesterName: user.displayName, message: message)
        do {
            try await database.transaction { db in
                try await request.create(on: db)
                let from = directory.name(of: townKey) ?? townKey
                try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                    of: item.ownerKey, excluding: user.id,
                    NotificationMessage(
                        category: .anfragen, subject: "Interesse an Ihrem Eintrag: \(from)",
                        text: "\(from) bekundet Interesse an „\(item.title)“.", detail: message.isEmpty ? nil : message, link: "/anfragen",
                        action: "Anfrage beantworten"))
            }
        } catch {
            // Two members of one town asked at the same moment: the first request stands.
            if let failure = error as? any DatabaseError, failure.isConstraintFailure,
                let earlier = try await existing(itemID: itemID, from: townKey)
            {
                return .duplicate(earlier)
            }
            throw error
        }
        return .sent(request)
    }

    private func existing(itemID: UUID, from townKey: String) async throws -> InterestRequestModel? {
        try await InterestRequestModel.query(on: database).filter(\.$itemID == itemID).filter(\.$fromKey == townKey).first()
    }

    enum DecisionResult {
        case decided(InterestRequestModel, cooperation: CooperationModel?)
        /// Someone else decided first.
        case alreadyDecided(InterestRequestModel)
    }

    /// Accepts or declines an open request. Of two members deciding at once exactly one wins.
    func decide(_ request: InterestRequestModel, accept: Bool, by user: UserModel, item: CooperationItemModel, now: Date) async throws
        -> DecisionResult
    {
        let requestID = try request.requireID()
        let status: InterestRequestModel.Status = accept ? .accepted : .declined
        return try await database.transaction { db in
            let sql = try db.sql()
            struct Row: Decodable { var id: UUID }
            let changed = try await sql.update(InterestRequestModel.schema)
                .set("status", to: status.rawValue).set("decided_by", to: user.id).set("decided_by_name", to: user.displayName).set(
                    "decided_at", to: now
                )
                .where("id", .equal, requestID).where("status", .equal, InterestRequestModel.Status.open.rawValue)
                .returning("id").all(decoding: Row.self)
            guard let fresh = try await InterestRequestModel.find(requestID, on: db) else {
                throw ProblemDetails.notFound("Diese Anfrage gibt es nicht.")
            }
            guard changed.count == 1 else { return .alreadyDecided(fresh) }
            var cooperation: CooperationModel?
            let ownerName = directory.name(of: request.toKey) ?? request.toKey
            let notifier = Notifier(database: db, baseURL: baseURL)
            if accept {
                let created = CooperationModel(itemID: request.itemID, requestID: requestID, ownerKey: request.toKey, partnerKey: request.fromKey)
                try await created.create(on: db)
                cooperation = created
                // The request's message opens the thread: written by the requester, when they asked.
                if !request.message.isEmpty {
                    try await sql.insert(into: CooperationMessageModel.schema)
                        .columns("id", "cooperation_id", "author_key", "author_id", "author_name", "body", "created_at")
                        .values(
                            SQLBind(UUID()), SQLBind(try created.requireID()), SQLBind(request.fromKey), SQLBind(request.requestedBy),
                            SQLBind(request.requesterName), SQLBind(request.message), SQLBind(request.createdAt ?? now)
                        ).run()
                }
                let link = "/kooperationen/\(try created.requireID().uuidString.lowercased())"
                try await notifier.notifyMembers(
                    of: request.fromKey, excluding: nil,
                    NotificationMessage(
                        category: .anfragen, subject: "Interesse angenommen: \(ownerName)",
                        text: "\(ownerName) hat Ihr Interesse an „\(item.title)“ angenommen – Sie kooperieren jetzt.", link: link,
                        action: "Zur Kooperation"))
            } else {
                try await notifier.notifyMembers(
                    of: request.fromKey, excluding: nil,
                    NotificationMessage(
                        category: .anfragen, subject: "Interesse abgelehnt: \(ownerName)",
                        text: "\(ownerName) hat Ihr Interesse an „\(item.title)“ abgelehnt.",
                        link: "/eintraege/\(request.itemID.uuidString.lowercased())", action: "Eintrag ansehen"))
            }
            return .decided(fresh, cooperation: cooperation)
        }
    }

    /// Adds a message to a cooperation's thread and tells the other town.
    func post(_ body: String, in cooperation: CooperationModel, for townKey: String, by user: UserModel, itemTitle: String) async throws {
        let id = try cooperation.requireID()
        try await database.transaction { db in
            try await CooperationMessageModel(cooperationID: id, authorKey: townKey, authorID: user.id, authorName: user.displayName, body: body)
                .create(on: db)
            let other = cooperation.ownerKey == townKey ? cooperation.partnerKey : cooperation.ownerKey
            let from = directory.name(of: townKey) ?? townKey
            try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                of: other, excluding: user.id,
                NotificationMessage(
                    category: .nachrichten, subject: "Neue Nachricht: \(from)",
                    text: "\(user.displayName) (\(from)) schreibt zu „\(itemTitle)“:", detail: body,
                    link: "/kooperationen/\(id.uuidString.lowercased())", action: "Antworten"))
        }
    }
}
