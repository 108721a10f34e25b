import Fluent
import Plot
import Vapor

/// `/dev/mails`: the outbox, for platform admins (or anyone when `AUFWIND_DEV_MAILS=1`, in development).
struct DevMailsController: RouteCollection {
    var openToAll: Bool

    func boot(routes: any RoutesBuilder) throws {
        routes.get("dev", "mails", use: list)
        routes.get("dev", "mails.json", use: json)
    }

    struct MailDTO: Content { var recipient: String; var subject: String; var body: String; var sent: Bool }

    /// The outbox as JSON, for development tools and browser tests.
    @Sendable func json(request: Request) async throws -> [MailDTO] {
        if !openToAll { try request.authorize(.viewOutbox) }
        return try await MailModel.query(on: request.db).sort(\.$createdAt, .descending).limit(100).all()
            .map { MailDTO(recipient: $0.recipient, subject: $0.subject, body: $0.body, sent: $0.sentAt != nil) }
    }

    @Sendable func list(request: Request) async throws -> Response {
        if !openToAll { try request.authorize(.viewOutbox) }
        let mails = try await MailModel.query(on: request.db).sort(\.$createdAt, .descending).limit(100).all()
        return HTMLResponse.render(OutboxPage(mails: mails.map { ($0.recipient, $0.subject, $0.body) }), request: request)
    }
}

struct OutboxPage: PageView {
    var mails: [(recipient: String, subject: String, body: String)]
    var title: String { "Postausgang" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(mails.isEmpty, .p(.text("Keine E-Mails."))),
            .forEach(mails) { mail in
                .article(
                    .class("mail"),
                    .h2(.text(mail.subject)),
                    .p(.class("meta"), .text("An: \(mail.recipient)")),
                    .pre(.text(mail.body))
                )
            }
        )
    }
}
