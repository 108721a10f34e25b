import Vapor

extension Request {
    /// Reads the whole body before a middleware looks at it (a browser sends a long form in
    /// several chunks). Bodies over the site's limit are refused with 413, before anything is saved.
    func collectBody() async throws {
        let limit = application.routes.defaultMaxBodySize.value
        do {
            _ = try await body.collect(max: limit).get()
        } catch let abort as Abort where abort.status == .payloadTooLarge {
            throw ProblemDetails(
                title: "Eingabe zu groß", status: 413,
                detail:
                    "Die gesendeten Daten sind größer als \(limit / 1024) KB und wurden nicht angenommen. Es wurde nichts gespeichert. Bitte kürzen Sie den Text."
            )
        }
    }
}
