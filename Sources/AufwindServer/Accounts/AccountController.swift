import AufwindCore
import Fluent
import Vapor

/// Registration, e-mail confirmation, login, logout, password reset and change, the account page.
struct AccountController: RouteCollection {
    /// A bcrypt hash of a random password: verified against for unknown addresses, so that a
    /// login takes as long whether the address is registered or not.
    static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuSwAJbSbH6oZ3YmtnZ.kZz0zXtqbaJVW"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("registrieren") { req in HTMLResponse.render(Self.registerPage(req, returnPath: req.query["zurueck"]), request: req) }
        routes.post("registrieren", use: register)
        routes.get("registrieren", "fast-geschafft") { req in
            HTMLResponse.render(AlmostDonePage(csrf: CSRF.token(for: req), email: req.registeredAddress), request: req)
        }
        routes.get("bestaetigen", use: confirm)
        routes.get("bestaetigung-erneut") { req in HTMLResponse.render(ResendConfirmationPage(csrf: CSRF.token(for: req)), request: req) }
        routes.post("bestaetigung-erneut", use: resendConfirmation)
        routes.get("anmelden") { req in
            let returnPath: String? = req.query["zurueck"]
            // Signed in already: on to where the person wanted to go, not a second login.
            if req.currentUser != nil { return req.redirect(to: ReturnPath.target(returnPath), redirectType: .normal) }
            return HTMLResponse.render(LoginPage(csrf: CSRF.token(for: req), returnPath: ReturnPath.sanitized(returnPath)), request: req)
        }
        routes.post("anmelden", use: login)
        routes.post("abmelden", use: logout)
        routes.get("passwort-vergessen") { req in HTMLResponse.render(ForgotPasswordPage(csrf: CSRF.token(for: req)), request: req) }
        routes.post("passwort-vergessen", use: forgotPassword)
        routes.get("passwort-neu", use: resetForm)
        routes.post("passwort-neu", use: resetPassword)
        routes.get("konto", use: account)
        routes.post("konto", "passwort", use: changePassword)
        routes.post("konto", "kontaktkarte", use: saveContactCard)
    }

    struct RegisterForm: Content {
        var name: String?
        var email: String?
        var password: String?
        /// The checkbox accepting the Nutzungsbedingungen: "ja" when ticked.
        var nutzungsbedingungen: String?
        /// The page the person wanted before registering (`ReturnPath` decides whether it is followed).
        var zurueck: String?
    }

    static let consentRequired = "Bitte stimmen Sie den Nutzungsbedingungen zu. Ohne Ihre Zustimmung können wir kein Konto anlegen."

    static func registerPage(
        _ request: Request, returnPath: String?, name: String = "", email: String = "", errors: [String] = [], consentError: String? = nil
    ) -> RegisterPage {
        RegisterPage(
            csrf: CSRF.token(for: request), operatorName: request.application.aufwindConfig.operatorDetails[.name],
            terms: request.termsOfUse.current, returnPath: ReturnPath.sanitized(returnPath), name: name, email: email, errors: errors,
            consentError: consentError)
    }
    struct LoginForm: Content {
        var email: String?
        var password: String?
        /// The page the person came from (`ReturnPath` decides whether it is followed).
        var zurueck: String?
    }
    struct EmailForm: Content { var email: String? }
    struct ResetForm: Content {
        var token: String?
        var password: String?
    }
    struct ChangePasswordForm: Content {
        var passwort: String?
        var neu: String?
    }

    @Sendable func register(request: Request) async throws -> Response {
        let form = try request.content.decode(RegisterForm.self)
        var errors: [String] = []
        let name = AccountValidation.displayName(form.name ?? "")
        let email = AccountValidation.email(form.email ?? "")
        if case .failure(let m) = name { errors.append(m.text) }
        if case .failure(let m) = email { errors.append(m.text) }
        if let m = AccountValidation.password(form.password ?? "") { errors.append(m.text) }
        let consents = form.nutzungsbedingungen == "ja"
        if !consents { errors.append(Self.consentRequired) }
        guard errors.isEmpty, case .success(let validName) = name, case .success(let validEmail) = email else {
            let page = Self.registerPage(
                request, returnPath: form.zurueck, name: form.name ?? "", email: form.email ?? "", errors: errors,
                consentError: consents ? nil : Self.consentRequired)
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        }
        let hash = try await request.password.async.hash(form.password ?? "")
        let base = request.application.aufwindConfig.baseURL
        let back = ReturnPath.queryValue(form.zurueck).map { "&zurueck=" + $0 } ?? ""
        let terms = request.termsOfUse.currentVersion
        try await request.db.transaction { db in
            if let existing = try await UserModel.query(on: db).filter(\.$email == validEmail).first() {
                // Same answer as for a new address: the page must not reveal who is registered.
                if existing.emailConfirmedAt != nil {
                    try await Outbox.send(
                        to: validEmail, subject: "Registrierung bei Aufwind",
                        body:
                            "Jemand wollte mit dieser Adresse ein Konto anlegen. Sie haben bereits eines: \(base)\(ReturnPath.link("/anmelden", returningTo: form.zurueck)) – Passwort vergessen? \(base)/passwort-vergessen",
                        userID: existing.id, on: db)
                } else {
                    // Never confirmed (perhaps registered by someone else): a fresh link to the
                    // address. It confirms the account with the name and password of *this*
                    // registration, so only who reads the mailbox decides.
                    let token = try await AccountTokens.issue(
                        for: existing, purpose: .confirmEmail, now: request.now, on: db, passwordHash: hash, displayName: validName)
                    try await Consents(database: db).acceptTerms(userID: existing.requireID(), version: terms, now: request.now)
                    try await Outbox.send(
                        to: validEmail, subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
                        body: Self.confirmationText(name: validName, link: "\(base)/bestaetigen?token=\(token)\(back)"), userID: existing.id, on: db)
                }
                return
            }
            let user = UserModel(email: validEmail, displayName: validName, passwordHash: hash)
            try await user.create(on: db)
            try await Consents(database: db).acceptTerms(userID: user.requireID(), version: terms, now: request.now)
            let token = try await AccountTokens.issue(
                for: user, purpose: .confirmEmail, now: request.now, on: db, passwordHash: hash, displayName: validName)
            try await Outbox.send(
                to: validEmail, subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
                body: Self.confirmationText(name: validName, link: "\(base)/bestaetigen?token=\(token)\(back)"), userID: user.id, on: db)
        }
        request.rememberRegisteredAddress(validEmail)
        return request.redirect(to: "/registrieren/fast-geschafft", notice: .registered)
    }

    static func confirmationText(name: String, link: String) -> String {
        MailWording.letter(
            to: name,
            """
            bitte bestätigen Sie Ihre Adresse für Aufwind: \(link)

            Der Link gilt 24 Stunden. Er bestätigt das Konto mit dem Namen „\(name)“ und dem Passwort, das bei dieser Registrierung gewählt wurde. Haben Sie sich nicht registriert, ignorieren Sie diese E-Mail: unbestätigte Konten werden nach 7 Tagen gelöscht.
            """)
    }

    /// Confirms the address. In the browser that registered it, the person is signed in (a new
    /// session, as at login) and goes on to the page they wanted; elsewhere the address is
    /// confirmed and the login page asks for the password.
    @Sendable func confirm(request: Request) async throws -> Response {
        let token = try? request.query.get(String.self, at: "token")
        let back: String? = request.query["zurueck"]
        let confirmed = try await request.db.transaction { db -> UserModel? in
            guard let (user, record) = try await AccountTokens.redeem(token, purpose: .confirmEmail, now: request.now, on: db) else { return nil }
            if let hash = record.passwordHash { user.passwordHash = hash }
            if let name = record.displayName { user.displayName = name }
            user.emailConfirmedAt = user.emailConfirmedAt ?? request.now
            try await user.save(on: db)
            try await AccountTokens.invalidate(userID: user.requireID(), purposes: [.confirmEmail], now: request.now, on: db)
            return user
        }
        guard let user = confirmed else {
            throw ProblemDetails(
                title: "Link ungültig", status: 400,
                detail:
                    "Dieser Bestätigungslink ist ungültig, abgelaufen oder wurde schon benutzt. Unter /bestaetigung-erneut können Sie einen neuen anfordern."
            )
        }
        guard request.registeredAddress == user.email else {
            return request.redirect(to: ReturnPath.link("/anmelden", returningTo: back), notice: .emailConfirmedSignIn)
        }
        try await request.signIn(user)
        request.clearCookie(.registration)
        return request.redirect(to: ReturnPath.target(back), notice: .emailConfirmed)
    }

    /// Queues a new confirmation link; the answer is the same for every address.
    @Sendable func resendConfirmation(request: Request) async throws -> Response {
        try await queue(.resendConfirmation, request: request)
        return request.redirect(to: "/anmelden", notice: .confirmationResent)
    }

    @Sendable func login(request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let email = (try? AccountValidation.email(form.email ?? "").get()) ?? ""
        func refuse(_ message: String) -> Response {
            HTMLResponse.render(
                LoginPage(csrf: CSRF.token(for: request), email: form.email ?? "", returnPath: ReturnPath.sanitized(form.zurueck), errors: [message]),
                status: .unauthorized, request: request)
        }
        let throttle = LoginThrottle(database: request.db)
        let address = request.clientAddress
        guard try await throttle.reserve(email: email, address: address, now: request.now) else {
            return refuse("Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.")
        }
        let user = try await UserModel.query(on: request.db).filter(\.$email == email).first()
        // Verify against a hash even for unknown addresses, so timing does not tell them apart.
        let matches = (try? await request.password.async.verify(form.password ?? "", created: user?.passwordHash ?? Self.decoyHash)) ?? false
        guard let user, matches else { return refuse("E-Mail-Adresse oder Passwort sind falsch.") }
        guard user.emailConfirmedAt != nil else {
            return refuse(
                "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail. Keinen bekommen? Unter „Bestätigungslink erneut senden“ gibt es einen neuen."
            )
        }
        try await throttle.reset(email: email, address: address)
        try await request.signIn(user)
        return request.redirect(to: ReturnPath.target(form.zurueck), redirectType: .normal)
    }

    @Sendable func logout(request: Request) async throws -> Response {
        try await request.signOut()
        return request.redirect(to: "/", redirectType: .normal)
    }

    /// Queues the reset; the answer (and the work before it) is the same for every address.
    @Sendable func forgotPassword(request: Request) async throws -> Response {
        try await queue(.resetPassword, request: request)
        return request.redirect(to: "/anmelden", notice: .resetRequested)
    }

    private func queue(_ kind: AccountRequestModel.Kind, request: Request) async throws {
        let form = try request.content.decode(EmailForm.self)
        guard let email = try? AccountValidation.email(form.email ?? "").get() else {
            throw ProblemDetails(title: "Ungültige Adresse", status: 422, detail: "Bitte geben Sie eine gültige E-Mail-Adresse an.")
        }
        try await AccountRequestModel(kind: kind, email: email, at: request.now).create(on: request.db)
    }

    @Sendable func resetForm(request: Request) async throws -> Response {
        let token = (try? request.query.get(String.self, at: "token")) ?? ""
        return HTMLResponse.render(ResetPasswordPage(csrf: CSRF.token(for: request), token: token), request: request)
    }

    /// Sets the new password, ends every session of the account and makes every other
    /// outstanding reset link worthless — in one transaction with redeeming the link.
    @Sendable func resetPassword(request: Request) async throws -> Response {
        let form = try request.content.decode(ResetForm.self)
        if let message = AccountValidation.password(form.password ?? "") {
            let page = ResetPasswordPage(csrf: CSRF.token(for: request), token: form.token ?? "", errors: [message.text])
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        }
        let hash = try await request.password.async.hash(form.password ?? "")
        let lifetime = request.application.aufwindConfig.sessionLifetime
        let done = try await request.db.transaction { db -> Bool in
            guard let (user, _) = try await AccountTokens.redeem(form.token, purpose: .resetPassword, now: request.now, on: db) else { return false }
            user.passwordHash = hash
            try await user.save(on: db)
            let id = try user.requireID()
            try await AccountTokens.invalidate(userID: id, purposes: [.resetPassword], now: request.now, on: db)
            try await WebSessions(database: db, lifetime: lifetime).endAll(userID: id)
            return true
        }
        guard done else {
            throw ProblemDetails(title: "Link ungültig", status: 400, detail: "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.")
        }
        // Whatever this browser had belongs to no one now.
        if request.webSession != nil { try await request.signOut() }
        return request.redirect(to: "/anmelden", notice: .passwordReset)
    }

    @Sendable func account(request: Request) async throws -> Response {
        try request.requireUser()
        return try renderAccount(request)
    }

    private func renderAccount(_ request: Request, errors: [String] = [], status: HTTPStatus = .ok) throws -> Response {
        let user = try request.requireUser()
        return HTMLResponse.render(
            AccountPage(
                name: user.displayName, email: user.email, confirmed: user.emailConfirmedAt != nil, isAdmin: user.isAdmin,
                csrf: CSRF.token(for: request), passwordErrors: errors, showsEmailToPartners: user.showsEmailToPartners),
            status: status, request: request)
    }

    struct ContactCardForm: Content { var emailzeigen: String? }

    /// Whether the e-mail address shows on the contact cards in cooperations (a checkbox: absent is no).
    @Sendable func saveContactCard(request: Request) async throws -> Response {
        let user = try request.requireUser()
        try request.authorize(.manageOwnAccount)
        let shows = try request.content.decode(ContactCardForm.self).emailzeigen == "ja"
        try await UserModel.query(on: request.db).filter(\.$id == user.requireID()).set(\.$showsEmailToPartners, to: shows).update()
        return request.redirect(to: "/konto", notice: .contactSettingSaved)
    }

    /// A new password while signed in: the current one first; afterwards every other session ends
    /// and this browser gets a new one.
    @Sendable func changePassword(request: Request) async throws -> Response {
        try request.requireUser()
        let user = try request.requireUser()
        let form = try request.content.decode(ChangePasswordForm.self)
        guard try await request.password.async.verify(form.passwort ?? "", created: user.passwordHash) else {
            return try renderAccount(request, errors: ["Das aktuelle Passwort stimmt nicht. Es wurde nichts geändert."], status: .forbidden)
        }
        if let message = AccountValidation.password(form.neu ?? "") {
            return try renderAccount(request, errors: [message.text], status: .unprocessableEntity)
        }
        user.passwordHash = try await request.password.async.hash(form.neu ?? "")
        try await request.db.transaction { db in
            try await user.save(on: db)
            try await AccountTokens.invalidate(userID: user.requireID(), purposes: [.resetPassword], now: request.now, on: db)
        }
        try await request.renewSessionEndingOthers(user)
        return request.redirect(to: "/konto", notice: .passwordChanged)
    }
}
