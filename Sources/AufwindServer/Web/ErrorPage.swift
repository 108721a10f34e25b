import Plot

/// What a person sees when something went wrong.
struct ErrorPage: PageView {
    var problem: ProblemDetails

    var title: String { problem.title }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(problem.title)),
            .p(.text(problem.detail)),
            .p(.a(.href("/"), .text("Zur Startseite")))
        )
    }
}
