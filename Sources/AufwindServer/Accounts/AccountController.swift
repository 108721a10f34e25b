import AufwindCore
import Fluent
import Vapor

/// Registration, e-mail confirmation, login, logout, password reset, the account page.
struct AccountController: RouteCollection {
    static let tokenLifetime: TimeInterval = 24 * 3600
    static let maxFailuresPerAccount = 5
    static let maxFailuresPerAddress = 20
    static let failureWindow: TimeInterval = 15 * 60

    func boot(routes: any RoutesBuilder) throws {
        routes.get("registrieren") { req in HTMLResponse.render(RegisterPage(csrf: CSRF.token(for: req)), request: req) }
        routes.post("registrieren", use: register)
        routes.get("bestaetigen", use: confirm)
        routes.get("anmelden") { req in HTMLResponse.render(LoginPage(csrf: CSRF.token(for: req)), request: req) }
        routes.post("anmelden", use: login)
        routes.post("abmelden", use: logout)
        routes.get("passwort-vergessen") { req in HTMLResponse.render(ForgotPasswordPage(csrf: CSRF.token(for: req)), request: req) }
        routes.post("passwort-vergessen", use: forgotPassword)
        routes.get("passwort-neu", use: resetForm)
        routes.post("passwort-neu", use: resetPassword)
        routes.get("konto", use: account)
    }

    struct RegisterForm: Content { var name: String?; var email: String?; var password: String? }
    struct LoginForm: Content { var email: String?; var password: String? }
    struct EmailForm: Content { var email: String? }
    struct ResetForm: Content { var token: String?; var password: String? }

    @Sendable func register(request: Request) async throws -> Response {
        let form = try request.content.decode(RegisterForm.self)
        var errors: [String] = []
        let name = AccountValidation.displayName(form.name ?? "")
        let email = AccountValidation.email(form.email ?? "")
        if case .failure(let m) = name { errors.append(m.text) }
        if case .failure(let m) = email { errors.append(m.text) }
        if let m = AccountValidation.password(form.password ?? "") { errors.append(m.text) }
        guard errors.isEmpty, case .success(let validName) = name, case .success(let validEmail) = email else {
            let page = RegisterPage(csrf: CSRF.token(for: request), name: form.name ?? "", email: form.email ?? "", errors: errors)
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        }
        let hash = try await request.password.async.hash(form.password ?? "")
        let base = request.application.aufwindConfig.baseURL
        try await request.db.transaction { db in
            if try await UserModel.query(on: db).filter(\.$email == validEmail).first() != nil {
                // Same answer as for a new address: the page must not reveal who is registered.
                try await Outbox.send(
                    to: validEmail, subject: "Registrierung bei Aufwind",
                    body: "Jemand wollte mit dieser Adresse ein Konto anlegen. Sie haben bereits eines: \(base)/anmelden – Passwort vergessen? \(base)/passwort-vergessen",
                    on: db)
                return
            }
            let user = UserModel(email: validEmail, displayName: validName, passwordHash: hash)
            try await user.create(on: db)
            let token = try await Self.issueToken(for: user, purpose: .confirmEmail, on: db)
            try await Outbox.send(
                to: validEmail, subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
                body: "Guten Tag \(validName),\n\nbitte bestätigen Sie Ihre Adresse: \(base)/bestaetigen?token=\(token)\n\nDer Link gilt 24 Stunden.",
                on: db)
        }
        return HTMLResponse.render(
            MessagePage(title: "Fast geschafft", message: "Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie darin Ihre Adresse."),
            request: request)
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        guard let user = try await Self.redeem(try? request.query.get(String.self, at: "token"), purpose: .confirmEmail, on: request.db) else {
            throw ProblemDetails(title: "Link ungültig", status: 400, detail: "Dieser Bestätigungslink ist ungültig, abgelaufen oder wurde schon benutzt.")
        }
        user.emailConfirmedAt = Date()
        try await user.save(on: request.db)
        return HTMLResponse.render(
            MessagePage(title: "E-Mail-Adresse bestätigt", message: "Danke! Sie können sich jetzt anmelden.", link: ("/anmelden", "Zur Anmeldung")),
            request: request)
    }

    @Sendable func login(request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let email = (try? AccountValidation.email(form.email ?? "").get()) ?? ""
        let address = "ip:" + (request.remoteAddress?.ipAddress ?? "unbekannt")
        let since = Date().addingTimeInterval(-Self.failureWindow)
        let accountFailures = try await LoginAttemptModel.query(on: request.db)
            .filter(\.$subject == "account:" + email).filter(\.$attemptedAt > since).count()
        let addressFailures = try await LoginAttemptModel.query(on: request.db)
            .filter(\.$subject == address).filter(\.$attemptedAt > since).count()
        func refuse(_ message: String) -> Response {
            HTMLResponse.render(
                LoginPage(csrf: CSRF.token(for: request), email: form.email ?? "", errors: [message]), status: .unauthorized, request: request)
        }
        if accountFailures >= Self.maxFailuresPerAccount || addressFailures >= Self.maxFailuresPerAddress {
            return refuse("Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.")
        }
        let user = try await UserModel.query(on: request.db).filter(\.$email == email).first()
        // Verify against a hash even for unknown addresses, so timing does not tell them apart.
        let hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuSwAJbSbH6oZ3YmtnZ.kZz0zXtqbaJVW"
        let matches = (try? await request.password.async.verify(form.password ?? "", created: hash)) ?? false
        guard let user, matches else {
            try await LoginAttemptModel(subject: "account:" + email, at: Date()).create(on: request.db)
            try await LoginAttemptModel(subject: address, at: Date()).create(on: request.db)
            return refuse("E-Mail-Adresse oder Passwort sind falsch.")
        }
        guard user.emailConfirmedAt != nil else {
            return refuse("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail.")
        }
        request.signIn(user)
        return request.redirect(to: "/konto", redirectType: .normal)
    }

    @Sendable func logout(request: Request) async throws -> Response {
        request.session.destroy()
        return request.redirect(to: "/", redirectType: .normal)
    }

    @Sendable func forgotPassword(request: Request) async throws -> Response {
        let form = try request.content.decode(EmailForm.self)
        if let email = try? AccountValidation.email(form.email ?? "").get(),
            let user = try await UserModel.query(on: request.db).filter(\.$email == email).first()
        {
            let token = try await Self.issueToken(for: user, purpose: .resetPassword, on: request.db)
            try await Outbox.send(
                to: email, subject: "Passwort zurücksetzen",
                body: "Mit diesem Link setzen Sie Ihr Passwort neu: \(request.application.aufwindConfig.baseURL)/passwort-neu?token=\(token)\n\nDer Link gilt 24 Stunden. Haben Sie das nicht angefordert, ignorieren Sie diese E-Mail.",
                on: request.db)
        }
        return HTMLResponse.render(
            MessagePage(title: "Bitte prüfen Sie Ihr Postfach", message: "Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen geschickt."),
            request: request)
    }

    @Sendable func resetForm(request: Request) async throws -> Response {
        let token = (try? request.query.get(String.self, at: "token")) ?? ""
        return HTMLResponse.render(ResetPasswordPage(csrf: CSRF.token(for: request), token: token), request: request)
    }

    @Sendable func resetPassword(request: Request) async throws -> Response {
        let form = try request.content.decode(ResetForm.self)
        if let message = AccountValidation.password(form.password ?? "") {
            let page = ResetPasswordPage(csrf: CSRF.token(for: request), token: form.token ?? "", errors: [message.text])
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        }
        guard let user = try await Self.redeem(form.token, purpose: .resetPassword, on: request.db) else {
            throw ProblemDetails(title: "Link ungültig", status: 400, detail: "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.")
        }
        user.passwordHash = try await request.password.async.hash(form.password ?? "")
        try await user.save(on: request.db)
        return HTMLResponse.render(
            MessagePage(title: "Passwort geändert", message: "Ihr neues Passwort gilt ab sofort.", link: ("/anmelden", "Zur Anmeldung")),
            request: request)
    }

    @Sendable func account(request: Request) async throws -> Response {
        try request.authorize(.manageOwnAccount)
        let user = request.currentUser!
        return HTMLResponse.render(
            AccountPage(
                name: user.displayName, email: user.email, confirmed: user.emailConfirmedAt != nil, isAdmin: user.isAdmin,
                csrf: CSRF.token(for: request)),
            request: request)
    }

    static func issueToken(
        for user: UserModel, purpose: OneTimeTokenModel.Purpose, on db: any Database, newEmail: String? = nil
    ) async throws -> String {
        let token = SecureToken.make()
        let record = OneTimeTokenModel(
            userID: try user.requireID(), purpose: purpose, tokenHash: SecureToken.hash(token),
            expiresAt: Date().addingTimeInterval(tokenLifetime))
        record.newEmail = newEmail
        try await record.create(on: db)
        return token
    }

    /// The user of a valid, unused, unexpired token; marks it used.
    static func redeem(_ token: String?, purpose: OneTimeTokenModel.Purpose, on db: any Database) async throws -> UserModel? {
        try await redeemRecord(token, purpose: purpose, on: db)?.user
    }

    /// The user and the token record of a valid, unused, unexpired token; marks it used.
    static func redeemRecord(
        _ token: String?, purpose: OneTimeTokenModel.Purpose, on db: any Database
    ) async throws -> (user: UserModel, record: OneTimeTokenModel)? {
        guard let token, !token.isEmpty, token.count <= 100 else { return nil }
        let hash = SecureToken.hash(token)
        guard let record = try await OneTimeTokenModel.query(on: db)
            .filter(\.$tokenHash == hash).filter(\.$purpose == purpose.rawValue).first(),
            record.usedAt == nil, record.expiresAt > Date()
        else { return nil }
        record.usedAt = Date()
        try await record.save(on: db)
        guard let user = try await UserModel.find(record.$user.id, on: db) else { return nil }
        return (user, record)
    }
}
