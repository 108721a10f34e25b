import AufwindCore
import Fluent
import Vapor

/// Loads the signed-in user from the session for every HTML request.
struct CurrentUserMiddleware: AsyncMiddleware {
    static let sessionKey = "userID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.session.data[Self.sessionKey], let id = UUID(uuidString: raw),
            let user = try await UserModel.find(id, on: request.db)
        {
            request.storage[UserKey.self] = user
        }
        return try await next.respond(to: request)
    }
}

private struct UserKey: StorageKey { typealias Value = UserModel }

extension Request {
    var currentUser: UserModel? { storage[UserKey.self] }

    /// The actor the policy decides about.
    var actor: Actor {
        guard let user = currentUser, let id = user.id else { return .anonymous }
        return Actor(userID: id.uuidString, isPlatformAdmin: user.isAdmin, emailConfirmed: user.emailConfirmedAt != nil)
    }

    /// Asks the policy; refuses with its German reason.
    func authorize(_ action: Action, _ resource: Resource = .platform) throws {
        let decision = Policy.decide(actor, action, resource)
        guard decision.isAllowed else {
            throw ProblemDetails(title: "Nicht erlaubt", status: actor.isAuthenticated ? 403 : 401, detail: decision.reason)
        }
    }

    func signIn(_ user: UserModel) {
        session.data[CurrentUserMiddleware.sessionKey] = user.id?.uuidString
    }
}
