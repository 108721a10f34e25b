import AufwindCore
import Fluent
import Vapor

/// Loads the signed-in user of the HTML site from the session cookie. A cookie that names no
/// live session is ignored (and removed in the browser), never stored; a page view writes
/// nothing but, every few minutes, the session's "last seen", and while the change feed runs reads
/// nothing either (`SessionCache`).
struct SessionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let secret = request.cookies[request.cookieName(.session)]?.string {
            if let signedIn = try await request.webSessions.signedIn(secret: secret, now: request.now, cache: request.application.sessionCache) {
                request.storage[SessionKey.self] = signedIn.session
                request.storage[EventRegistrationsKey.self] = signedIn.eventRegistrations
                try request.setUser(signedIn.user, memberships: signedIn.memberships)
            } else {
                request.clearCookie(.session)
            }
        }
        let response = try await next.respond(to: request)
        request.applyPendingCookies(to: response)
        return response
    }
}

private struct SessionKey: StorageKey { typealias Value = WebSessionModel }
private struct UserKey: StorageKey { typealias Value = UserModel }
private struct ActorKey: StorageKey { typealias Value = Actor }
private struct MembershipsKey: StorageKey { typealias Value = [MembershipModel] }
private struct EventRegistrationsKey: StorageKey { typealias Value = [UUID: String] }

extension Request {
    var webSessions: WebSessions { WebSessions(database: db, lifetime: application.aufwindConfig.sessionLifetime) }

    /// The signed-in session of the HTML site, if any.
    var webSession: WebSessionModel? { storage[SessionKey.self] }

    var currentUser: UserModel? { storage[UserKey.self] }

    /// The status of each event registration of the person signed in by session cookie (event id →
    /// `EventParticipation`), kept with the session while the change feed runs; nil for API tokens,
    /// visitors and while nothing is kept.
    var sessionEventRegistrations: [UUID: String]? { storage[EventRegistrationsKey.self] }

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
            if decision.concealsExistence { throw ProblemDetails.notFound(decision.reason) }
            throw ProblemDetails(title: "Nicht erlaubt", status: actor.isAuthenticated ? 403 : 401, detail: decision.reason)
        }
    }

    /// Sets the acting user of an API request authenticated by token.
    func authenticateForAPI(_ user: UserModel, actor: Actor) {
        storage[UserKey.self] = user
        storage[ActorKey.self] = actor
    }

    /// All memberships of the signed-in person, whatever their status (read once with the actor;
    /// empty when nobody is signed in or for an API token).
    var ownMemberships: [MembershipModel] { storage[MembershipsKey.self] ?? [] }

    private func setUser(_ user: UserModel) async throws {
        try setUser(user, memberships: try await MembershipService.memberships(of: user, on: db))
    }

    fileprivate func setUser(_ user: UserModel, memberships: [MembershipModel]) throws {
        storage[UserKey.self] = user
        storage[MembershipsKey.self] = memberships
        storage[ActorKey.self] = try MembershipService.actor(for: user, memberships: memberships)
    }

    /// Signs `user` in with a new session (a new cookie secret and a new CSRF token: whatever
    /// the browser had before, including a planted cookie, is worth nothing afterwards).
    func signIn(_ user: UserModel) async throws {
        if let current = webSession { try await webSessions.end(current) }
        let (secret, session) = try await webSessions.start(userID: user.requireID(), now: now)
        storage[SessionKey.self] = session
        try await setUser(user)
        setCookie(.session, secret, maxAge: application.aufwindConfig.sessionLifetime.absolute)
        clearCookie(.csrf)
    }

    /// Ends this browser's session.
    func signOut() async throws {
        if let current = webSession { try await webSessions.end(current) }
        // At once on this instance (the change log tells the others).
        if let id = currentUser?.id { application.sessionCache.forget(userID: id) }
        storage[SessionKey.self] = nil
        storage[UserKey.self] = nil
        storage[ActorKey.self] = nil
        storage[MembershipsKey.self] = nil
        clearCookie(.session)
    }

    /// After a password or e-mail change: every session of the user ends, this browser gets a new one.
    func renewSessionEndingOthers(_ user: UserModel) async throws {
        try await webSessions.endAll(userID: user.requireID())
        application.sessionCache.forget(userID: try user.requireID())
        storage[SessionKey.self] = nil
        try await signIn(user)
    }
}
