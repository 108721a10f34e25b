import AufwindCore
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

    struct MailDTO: Content {
        var recipient: String
        var subject: String
        var body: String
        var sent: Bool
        /// `gesendet`, `wartend` or `unzustellbar`.
        var state: String
        var attempts: Int
        var lastError: String?
        var nextAttemptAt: Date?
    }

    /// The outbox as JSON, for development tools and browser tests.
    @Sendable func json(request: Request) async throws -> [MailDTO] {
        if !openToAll { try request.authorize(.viewOutbox) }
        return try await MailModel.query(on: request.db).sort(\.$createdAt, .descending).limit(100).all().map {
            MailDTO(
                recipient: $0.recipient, subject: $0.subject, body: $0.body, sent: $0.sentAt != nil,
                state: MailDeliveryState($0).key, attempts: $0.attempts, lastError: $0.lastError, nextAttemptAt: $0.nextAttemptAt)
        }
    }

    @Sendable func list(request: Request) async throws -> Response {
        if !openToAll { try request.authorize(.viewOutbox) }
        let mails = try await MailModel.query(on: request.db).sort(\.$createdAt, .descending).limit(100).all()
        let undeliverable = try await MailModel.query(on: request.db).filter(\.$failedAt != nil).count()
        let waiting = try await MailModel.query(on: request.db).filter(\.$sentAt == nil).filter(\.$failedAt == nil).count()
        return HTMLResponse.render(
            OutboxPage(
                mails: mails.map {
                    .init(recipient: $0.recipient, subject: $0.subject, body: $0.body, state: MailDeliveryState($0), lastError: $0.lastError)
                },
                waiting: waiting, undeliverable: undeliverable),
            request: request)
    }
}

/// Where a mail of the outbox stands, as admins read it.
enum MailDeliveryState: Equatable {
    case sent(Date)
    /// Not tried yet, or tried and due again at `next`.
    case waiting(failedAttempts: Int, next: Date?)
    case undeliverable(since: Date, attempts: Int)

    init(_ mail: MailModel) {
        if let sent = mail.sentAt {
            self = .sent(sent)
        } else if let failed = mail.failedAt {
            self = .undeliverable(since: failed, attempts: mail.attempts)
        } else {
            self = .waiting(failedAttempts: mail.attempts, next: mail.nextAttemptAt)
        }
    }

    var key: String {
        switch self {
        case .sent: "gesendet"
        case .waiting: "wartend"
        case .undeliverable: "unzustellbar"
        }
    }

    var badge: String {
        switch self {
        case .sent: "Gesendet"
        case .waiting(let attempts, _): attempts == 0 ? "Wartet" : "Wird wiederholt"
        case .undeliverable: "Unzustellbar"
        }
    }

    var explanation: String {
        switch self {
        case .sent(let date):
            return "Gesendet am \(GermanFormat.dateTime(date))."
        case .waiting(0, _):
            return "Wartet auf den Versand."
        case .waiting(let attempts, let next):
            let tried = attempts == 1 ? "1 Versuch ist" : "\(attempts) Versuche sind"
            let when = next.map { "nächster Versuch am \(GermanFormat.dateTime($0))" } ?? "nächster Versuch bald"
            return "\(tried) fehlgeschlagen; \(when)."
        case .undeliverable(let since, let attempts):
            let tried = attempts == 1 ? "1 Versuch" : "\(attempts) Versuchen"
            return "Unzustellbar seit \(GermanFormat.dateTime(since)), nach \(tried); wird nicht mehr versucht."
        }
    }
}

struct OutboxPage: PageView {
    struct Mail {
        var recipient: String
        var subject: String
        var body: String
        var state: MailDeliveryState
        var lastError: String?
    }

    var mails: [Mail]
    var waiting: Int
    var undeliverable: Int
    var title: String { "Postausgang" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.class("meta"), .text("\(waiting) noch nicht gesendet, \(undeliverable) unzustellbar. Gezeigt werden die neuesten 100 E-Mails.")),
            .if(mails.isEmpty, .p(.text("Keine E-Mails."))),
            .forEach(mails) { mail in
                .article(
                    .class("mail"),
                    .h2(.text(mail.subject)),
                    .p(.class("meta"), .text("An: \(mail.recipient)")),
                    .p(
                        .span(.safeClass(mail.state.key == "unzustellbar" ? "badge badge-warn" : "badge"), .text(mail.state.badge)),
                        .text(" " + mail.state.explanation)
                    ),
                    .unwrap(mail.lastError.flatMap { mail.state.key == "gesendet" ? nil : $0 }) { .p(.text("Letzter Fehler: \($0)")) },
                    .pre(.text(mail.body))
                )
            }
        )
    }
}
