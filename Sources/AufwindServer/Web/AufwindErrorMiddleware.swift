import Vapor

/// Turns every error into a German answer: problem+json under `/api`, an HTML page elsewhere.
/// Never leaks internals of unexpected errors.
struct AufwindErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var problem = Self.problem(for: error, request: request)
            let allowed = problem.status == 404 ? Self.allowedMethods(for: request) : []
            if !allowed.isEmpty {
                problem = ProblemDetails(
                    title: "Methode nicht erlaubt", status: 405,
                    detail: "\(request.method.rawValue) ist hier nicht möglich. Erlaubt: \(allowed.joined(separator: ", ")).")
            }
            if request.url.path.hasPrefix("/api/") {
                let response = problem.response(for: request)
                if !allowed.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", ")) }
                return response
            }
            // After signing in, a page that was only closed to the signed-out opens where it was asked for.
            let returnPath = request.method == .GET ? request.url.string : nil
            return HTMLResponse.render(
                ErrorPage(problem: problem, returnPath: returnPath, signedIn: request.currentUser != nil),
                status: HTTPResponseStatus(statusCode: problem.status), request: request)
        }
    }

    /// The methods some route offers for this path, when the request used another one.
    static func allowedMethods(for request: Request) -> [String] {
        let parts = request.url.path.split(separator: "/").map(String.init)
        let methods = request.application.routes.all.filter { route in
            guard route.path.count == parts.count else { return false }
            return zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let value): value == part
                case .parameter: true
                case .anything, .catchall: true
                }
            }
        }.map(\.method.rawValue)
        guard !methods.contains(request.method.rawValue) else { return [] }
        return Array(Set(methods)).sorted()
    }

    static func problem(for error: any Error, request: Request) -> ProblemDetails {
        switch error {
        case let problem as ProblemDetails:
            return problem
        case let abort as any AbortError:
            let status = Int(abort.status.code)
            switch status {
            case 404: return .notFound("Diese Seite oder Ressource gibt es nicht.")
            case 400..<500: return ProblemDetails(title: "Anfrage abgelehnt", status: status, detail: abort.reason)
            default:
                request.logger.report(error: error)
                return ProblemDetails(title: "Interner Fehler", status: status, detail: "Ein interner Fehler ist aufgetreten.")
            }
        default:
            request.logger.report(error: error)
            return ProblemDetails(
                title: "Interner Fehler", status: 500,
                detail: "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.")
        }
    }
}
