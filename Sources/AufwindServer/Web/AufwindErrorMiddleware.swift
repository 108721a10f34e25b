import Vapor

/// Turns every error into a German answer: problem+json under `/api`, an HTML page elsewhere.
/// Never leaks internals of unexpected errors.
struct AufwindErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Self.problem(for: error, request: request)
            if request.url.path.hasPrefix("/api/") {
                return problem.response(for: request)
            }
            return HTMLResponse.render(ErrorPage(problem: problem), status: HTTPResponseStatus(statusCode: problem.status), request: request)
        }
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
