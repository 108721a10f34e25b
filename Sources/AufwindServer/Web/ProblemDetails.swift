import Vapor

/// An error as `application/problem+json` (RFC 9457), with a German `detail`.
struct ProblemDetails: Content, Error {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var instance: String?

    static func badRequest(_ detail: String) -> ProblemDetails {
        ProblemDetails(title: "Ungültige Anfrage", status: 400, detail: detail)
    }

    static func notFound(_ detail: String) -> ProblemDetails {
        ProblemDetails(title: "Nicht gefunden", status: 404, detail: detail)
    }

    func response(for request: Request) -> Response {
        var body = self
        body.instance = request.url.path
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        try? response.content.encode(body, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }
}
