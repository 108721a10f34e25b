import AufwindCore
import Fluent
import Foundation
import Vapor

/// An invitation of one of the person's towns into a Verbund that waits for the town's answer
/// (given on the Verbund's page). Listed on `/mein-aufwind`, `/verbuende` and `/anfragen`.
struct OpenVerbundInvitation {
    var verbundName: String
    var path: String
    var leadTown: String
    var invitedTown: String
    var role: String
    var invitedAt: Date?

    /// The line in the lists of things that wait for the person.
    var taskText: String { "Einladung von \(leadTown) für \(invitedTown) in den Verbund „\(verbundName)“ beantworten" }

    /// The open (not expired) invitations of these towns, newest first; two queries.
    static func waiting(for townKeys: [String], request: Request) async throws -> [OpenVerbundInvitation] {
        guard !townKeys.isEmpty else { return [] }
        let invitations = try await VerbundMemberModel.query(on: request.db).filter(\.$memberKey ~~ townKeys)
            .filter(\.$status == VerbundMemberModel.Status.invited.rawValue).filter(\.$expiresAt > request.now).sort(\.$createdAt, .descending)
            .all()
        guard !invitations.isEmpty else { return [] }
        let inviting = try await VerbundModel.query(on: request.db).filter(\.$id ~~ invitations.map(\.verbundID)).all()
        let verbundByID = Dictionary(inviting.compactMap { verbund in verbund.id.map { ($0, verbund) } }, uniquingKeysWith: { first, _ in first })
        let directory = TownDirectory(catalog: request.register)
        return invitations.compactMap { invitation in
            guard let verbund = verbundByID[invitation.verbundID] else { return nil }
            return OpenVerbundInvitation(
                verbundName: verbund.name, path: verbund.path, leadTown: directory.name(of: verbund.leadKey) ?? verbund.leadKey,
                invitedTown: directory.name(of: invitation.memberKey) ?? invitation.memberKey,
                role: (VerbundRole(rawValue: invitation.role) ?? .partner).label, invitedAt: invitation.createdAt)
        }
    }
}
