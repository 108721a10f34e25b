import AufwindCore
import Foundation
import Plot

/// What a person sees when something went wrong.
struct ErrorPage: PageView {
    var problem: ProblemDetails
    /// For a signed-out person: the page to come back to after signing in.
    var returnPath: String?

    var title: String { problem.title }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(problem.title)),
            .p(.text(problem.detail)),
            // Signed out (a session that ended, a reset elsewhere): the way back in comes first.
            problem.status == 401
                ? .p(
                    .a(.safeHref(Self.loginPath(returningTo: returnPath)), .text("Zur Anmeldung")), .text(" · "),
                    .a(.href("/"), .text("Zur Startseite")))
                : .p(.a(.href("/"), .text("Zur Startseite")))
        )
    }

    /// `/anmelden`, with the way back when there is a safe one.
    static func loginPath(returningTo path: String?) -> String {
        guard let path = ReturnPath.sanitized(path) else { return "/anmelden" }
        var components = URLComponents()
        components.path = "/anmelden"
        components.queryItems = [URLQueryItem(name: "zurueck", value: path)]
        return components.string ?? "/anmelden"
    }
}
