import Plot

/// What a person sees when something went wrong.
struct ErrorPage: PageView {
    var problem: ProblemDetails

    var title: String { problem.title }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(problem.title)),
            .p(.text(problem.detail)),
            // Signed out (a session that ended, a reset elsewhere): the way back in comes first.
            problem.status == 401
                ? .p(.a(.href("/anmelden"), .text("Zur Anmeldung")), .text(" · "), .a(.href("/"), .text("Zur Startseite")))
                : .p(.a(.href("/"), .text("Zur Startseite")))
        )
    }
}
