import Vapor

extension Request {
    /// The signed-in user (session or API token); a German 401 for everybody else. Handlers
    /// that act for a person ask this instead of unwrapping `currentUser`.
    @discardableResult
    func requireUser() throws -> UserModel {
        guard let user = currentUser else {
            throw ProblemDetails(title: "Anmeldung erforderlich", status: 401, detail: "Bitte melden Sie sich an.")
        }
        return user
    }
}
