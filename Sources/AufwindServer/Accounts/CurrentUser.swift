import AufwindCore
import Fluent
import Vapor

/// Loads the signed-in user from the session for every HTML request.
struct CurrentUserMiddleware: AsyncMiddleware {
    static let sessionKey = "userID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Touch the session only when the browser sent one: reading `request.session` would
        // create (and store) an empty session for every anonymous page view.
        if request.cookies[SessionCookie.name] != nil,
            let raw = request.session.data[Self.sessionKey], let id = UUID(uuidString: raw),
            let user = try await UserModel.find(id, on: request.db)
        {
            request.storage[UserKey.self] = user
            request.storage[ActorKey.self] = try await MembershipService.actor(for: user, on: request.db)
        }
        return try await next.respond(to: request)
    }
}

private struct UserKey: StorageKey { typealias Value = UserModel }
private struct ActorKey: StorageKey { typealias Value = Actor }

extension Request {
    var currentUser: UserModel? { storage[UserKey.self] }

    /// The actor the policy decides about.
    var actor: Actor { storage[ActorKey.self] ?? .anonymous }

    /// Whether the policy allows it: for showing or hiding links and buttons.
    func may(_ action: Action, _ resource: Resource = .platform) -> Bool {
        Policy.decide(actor, action, resource).isAllowed
    }

    /// Asks the policy; refuses with its German reason.
    func authorize(_ action: Action, _ resource: Resource = .platform) throws {
        let decision = Policy.decide(actor, action, resource)
        guard decision.isAllowed else {
            throw ProblemDetails(title: "Nicht erlaubt", status: actor.isAuthenticated ? 403 : 401, detail: decision.reason)
        }
    }

    /// Sets the acting user of an API request authenticated by token.
    func authenticateForAPI(_ user: UserModel, actor: Actor) {
        storage[UserKey.self] = user
        storage[ActorKey.self] = actor
    }

    func signIn(_ user: UserModel) {
        session.data[CurrentUserMiddleware.sessionKey] = user.id?.uuidString
    }
}

enum SessionCookie {
    static let name = "aufwind-session"
}
