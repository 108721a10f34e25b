import AufwindCore
import Fluent
import Foundation

/// The secret calendar links: one per Verbund, one per town for all its Verbünde. Only the
/// SHA-256 of a secret is stored; a new secret replaces the old one.
struct VerbundCalendarService {
    let database: any Database

    /// The secret in a calendar address (`…/{secret}.ics`), nil when it cannot be one.
    static func secret(inPath raw: String) -> String? {
        let token = raw.hasSuffix(".ics") ? String(raw.dropLast(4)) : raw
        return token.isEmpty || token.count > 200 ? nil : token
    }

    /// A new secret for the Verbund's calendar.
    func renewLink(of verbund: VerbundModel) async throws -> String {
        let token = SecureToken.make()
        verbund.calendarTokenHash = SecureToken.hash(token)
        try await verbund.save(on: database)
        return token
    }

    func verbund(withSecret token: String) async throws -> VerbundModel? {
        try await VerbundModel.query(on: database).filter(\.$calendarTokenHash == SecureToken.hash(token)).first()
    }

    /// A new secret for the town's calendar.
    func renewLink(ofTown key: String) async throws -> String {
        let token = SecureToken.make()
        if let existing = try await TownCalendarModel.find(key, on: database) {
            existing.tokenHash = SecureToken.hash(token)
            try await existing.update(on: database)
        } else {
            try await TownCalendarModel(townKey: key, tokenHash: SecureToken.hash(token)).create(on: database)
        }
        return token
    }

    /// The town whose calendar has this secret.
    func town(withSecret token: String) async throws -> String? {
        try await TownCalendarModel.query(on: database).filter(\.$tokenHash == SecureToken.hash(token)).first()?.id
    }

    /// The dates of every Verbund the town is in (by due day), with the Verbünde's names by id.
    func dates(ofTown key: String) async throws -> (dates: [VerbundDate], names: [String: String]) {
        let memberships = try await VerbundMemberModel.query(on: database).filter(\.$memberKey == key)
            .filter(\.$status == VerbundMemberModel.Status.accepted.rawValue).all()
        guard !memberships.isEmpty else { return ([], [:]) }
        let verbuende = try await VerbundModel.query(on: database).filter(\.$id ~~ memberships.map(\.verbundID)).all()
        guard !verbuende.isEmpty else { return ([], [:]) }
        let ids = try verbuende.map { try $0.requireID() }
        let dates = try await VerbundDateModel.query(on: database).filter(\.$verbundID ~~ ids).sort(\.$due).all()
        let names = try Dictionary(uniqueKeysWithValues: verbuende.map { (try $0.requireID().uuidString.lowercased(), $0.name) })
        return (dates.map(\.value), names)
    }
}
