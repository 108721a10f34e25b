import AufwindCore
import Fluent
import Foundation

extension Notifier {
    /// The confirmed Verwalter of a town (or organisation), except `excluding`. Returns how many
    /// were told: none means nobody there decides (the platform does).
    @discardableResult
    func notifyVerwalter(
        of key: String, kind: MembershipModel.Kind = .kommune, excluding: UUID? = nil, _ message: NotificationMessage
    ) async throws -> Int {
        let memberships = try await MembershipModel.query(on: database)
            .filter(\.$kind == kind.rawValue).filter(\.$orgKey == key).filter(\.$role == MemberRole.verwalter.rawValue)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).with(\.$user).all()
        let verwalter = memberships.map(\.user).filter { $0.id != excluding }
        try await notify(verwalter, message)
        return verwalter.count
    }

    /// Each user of `userIDs` once (e.g. the registered participants of an event), except `excluding`.
    func notify(users userIDs: [UUID], excluding: UUID? = nil, _ message: NotificationMessage) async throws {
        let ids = Array(Set(userIDs.filter { $0 != excluding }))
        guard !ids.isEmpty else { return }
        try await notify(try await UserModel.query(on: database).filter(\.$id ~~ ids).all(), message)
    }
}
