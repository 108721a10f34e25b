import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Answers of Anbieter to published Bedarfe: given (at most `perDay` per organisation in 24 hours,
/// one per solution and Bedarf, not when the town switched answers off), marked "passt nicht" by
/// the town, talked about, and switched off or on per Bedarf. Everything that tells someone to act
/// is a notification in the same transaction.
struct NeedAnswerService {
    static let perDay = 20
    static let window: TimeInterval = 24 * 3600

    let database: any Database
    let baseURL: String
    let directory: TownDirectory

    init(database: any Database, baseURL: String, directory: TownDirectory) {
        self.database = database
        self.baseURL = baseURL
        self.directory = directory
    }

    init(_ request: Request) {
        self.init(database: request.db, baseURL: request.application.aufwindConfig.baseURL, directory: TownDirectory(catalog: request.register))
    }

    enum AnswerOutcome {
        case answered(NeedAnswerModel)
        /// The organisation answered this Bedarf with this solution before.
        case duplicate
        /// `perDay` answers of the organisation in the last 24 hours.
        case limitReached
        /// The town switched answers off for this Bedarf.
        case closed
    }

    /// Stores the answer and tells the town. The limit is checked in the inserting statement itself
    /// (SQLite runs one writing statement at a time); on PostgreSQL the organisation's row is locked
    /// first, so two answers at once cannot both see 19.
    func answer(
        _ item: CooperationItemModel, with solution: SolutionModel, of organisation: OrganisationModel, text: String, by user: UserModel,
        now: Date
    ) async throws -> AnswerOutcome {
        let itemID = try item.requireID()
        let organisationID = try organisation.requireID()
        let answer = NeedAnswerModel(itemID: itemID, organisationID: organisationID, solutionID: try solution.requireID(), body: text, author: user)
        answer.id = UUID()
        answer.createdAt = now
        do {
            return try await database.transaction { db in
                let sql = try db.sql()
                if let lock = sql.dialect.exclusiveSelectLockExpression {
                    try await sql.raw("SELECT id FROM \(ident: OrganisationModel.schema) WHERE id = \(bind: organisationID) \(lock)").run()
                }
                struct Row: Decodable { var id: UUID }
                let inserted = try await sql.raw(
                    """
                    INSERT INTO \(ident: NeedAnswerModel.schema) \
                    (id, item_id, organisation_id, solution_id, body, author_id, author_name, status, decline_reason, created_at) \
                    SELECT \(bind: answer.id), \(bind: itemID), \(bind: organisationID), \(bind: answer.solutionID), \(bind: text), \
                    \(bind: answer.authorID), \(bind: answer.authorName), \(bind: NeedAnswerModel.Status.offen.rawValue), '', \(bind: now) \
                    WHERE NOT EXISTS (SELECT 1 FROM \(ident: NeedAnswerClosureModel.schema) WHERE item_id = \(bind: itemID)) \
                    AND (SELECT COUNT(*) FROM \(ident: NeedAnswerModel.schema) \
                    WHERE organisation_id = \(bind: organisationID) AND created_at > \(bind: now.addingTimeInterval(-Self.window))) \
                    < \(literal: Self.perDay) \
                    RETURNING id
                    """
                ).all(decoding: Row.self)
                guard !inserted.isEmpty else {
                    return try await NeedAnswerClosureModel.query(on: db).filter(\.$itemID == itemID).first() != nil ? .closed : .limitReached
                }
                try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                    of: item.ownerKey, excluding: user.id,
                    NotificationMessage(
                        category: .anfragen, subject: "Neue Antwort auf Ihren Bedarf: \(organisation.name)",
                        text: "\(organisation.name) schlägt „\(solution.name)“ für „\(item.title)“ vor.", detail: text,
                        link: "/eintraege/\(itemID.uuidString.lowercased())#antworten", action: "Antworten ansehen"))
                return .answered(answer)
            }
        } catch let failure as any DatabaseError where failure.isConstraintFailure {
            return .duplicate
        }
    }

    /// How many answers the organisation gave in the 24 hours before `now`.
    func answersInWindow(of organisationID: UUID, now: Date) async throws -> Int {
        try await NeedAnswerModel.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$createdAt > now.addingTimeInterval(-Self.window)).count()
    }

    /// "Passt nicht": only an open answer; of two members deciding at once one wins. The Anbieter is told the reason.
    func decline(_ answer: NeedAnswerModel, item: CooperationItemModel, reason: String, by user: UserModel, now: Date) async throws -> Bool {
        let answerID = try answer.requireID()
        return try await database.transaction { db in
            struct Row: Decodable { var id: UUID }
            let changed = try await db.sql().update(NeedAnswerModel.schema)
                .set("status", to: NeedAnswerModel.Status.passtNicht.rawValue).set("decline_reason", to: reason)
                .set("declined_by", to: user.id).set("declined_at", to: now)
                .where("id", .equal, answerID).where("status", .equal, NeedAnswerModel.Status.offen.rawValue)
                .returning("id").all(decoding: Row.self)
            guard !changed.isEmpty else { return false }
            let town = directory.name(of: item.ownerKey) ?? item.ownerKey
            try await Notifier(database: db, baseURL: baseURL).notifyMembers(
                of: answer.organisationID.uuidString, kind: .anbieter, excluding: user.id,
                NotificationMessage(
                    category: .anfragen, subject: "Passt nicht: \(town)",
                    text: "\(town) hat Ihre Antwort auf „\(item.title)“ als „passt nicht“ markiert.", detail: reason,
                    link: answer.path, action: "Antwort ansehen"))
            return true
        }
    }

    enum PostOutcome {
        case posted
        /// The Anbieter writes only once the town started the conversation.
        case notStartedByTown
    }

    /// Adds a message for `side` and tells the other side.
    func post(
        _ body: String, about answer: NeedAnswerModel, side: NeedAnswerMessageModel.Side, item: CooperationItemModel,
        organisation: OrganisationModel, by user: UserModel
    ) async throws -> PostOutcome {
        let answerID = try answer.requireID()
        return try await database.transaction { db in
            if side == .anbieter {
                let started = try await NeedAnswerMessageModel.query(on: db).filter(\.$answerID == answerID)
                    .filter(\.$side == NeedAnswerMessageModel.Side.kommune.rawValue).first()
                guard started != nil else { return .notStartedByTown }
            }
            try await NeedAnswerMessageModel(answerID: answerID, side: side, author: user, body: body).create(on: db)
            let notifier = Notifier(database: db, baseURL: baseURL)
            let town = directory.name(of: item.ownerKey) ?? item.ownerKey
            switch side {
            case .kommune:
                try await notifier.notifyMembers(
                    of: organisation.requireID().uuidString, kind: .anbieter, excluding: user.id,
                    NotificationMessage(
                        category: .nachrichten, subject: "Neue Nachricht: \(town)",
                        text: "\(user.displayName) (\(town)) schreibt zu Ihrer Antwort auf „\(item.title)“:", detail: body, link: answer.path,
                        action: "Antworten"))
            case .anbieter:
                try await notifier.notifyMembers(
                    of: item.ownerKey, excluding: user.id,
                    NotificationMessage(
                        category: .nachrichten, subject: "Neue Nachricht: \(organisation.name)",
                        text: "\(user.displayName) (\(organisation.name)) schreibt zur Antwort auf „\(item.title)“:", detail: body,
                        link: answer.path, action: "Antworten"))
            }
            return .posted
        }
    }

    /// Whether Anbieter may answer the Bedarf (they may unless the town switched it off).
    func answersOpen(for itemID: UUID) async throws -> Bool {
        try await NeedAnswerClosureModel.query(on: database).filter(\.$itemID == itemID).first() == nil
    }

    /// Switches answers on or off for a Bedarf; switching twice changes nothing.
    func setAnswersOpen(_ open: Bool, for itemID: UUID, by user: UserModel) async throws {
        if open {
            try await NeedAnswerClosureModel.query(on: database).filter(\.$itemID == itemID).delete()
            return
        }
        do {
            try await NeedAnswerClosureModel(itemID: itemID, closedBy: user.id).create(on: database)
        } catch let failure as any DatabaseError where failure.isConstraintFailure {
            // Already off.
        }
    }
}
