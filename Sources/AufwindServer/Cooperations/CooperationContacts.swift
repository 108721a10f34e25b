import AufwindCore
import Fluent
import Foundation

/// The contact cards inside a cooperation: every confirmed member of both towns with name, town
/// and role; the e-mail address only of those who allow it (`UserModel.showsEmailToPartners`).
enum CooperationContacts {
    struct Card: Equatable {
        var name: String
        var town: String
        var role: String
        var email: String?
    }

    static func cards(of cooperation: CooperationModel, directory: TownDirectory, on db: any Database) async throws -> [Card] {
        let memberships = try await MembershipModel.query(on: db).filter(\.$kind == MembershipModel.Kind.kommune.rawValue)
            .filter(\.$orgKey ~~ cooperation.townKeys).filter(\.$status == MembershipModel.Status.confirmed.rawValue).with(\.$user).all()
        return cooperation.townKeys.flatMap { town in
            memberships.filter { $0.orgKey == town }
                .sorted {
                    ($0.role == MemberRole.verwalter.rawValue ? 0 : 1, $0.user.displayName) < (
                        $1.role == MemberRole.verwalter.rawValue ? 0 : 1, $1.user.displayName
                    )
                }
                .map { membership in
                    Card(
                        name: membership.user.displayName, town: directory.name(of: town) ?? town,
                        role: MemberRole(rawValue: membership.role)?.label ?? membership.role,
                        email: membership.user.showsEmailToPartners ? membership.user.email : nil)
                }
        }
    }
}
