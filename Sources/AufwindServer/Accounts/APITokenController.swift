import AufwindCore
import Fluent
import Vapor

/// `/konto/tokens`: create (shown once), list and revoke personal API tokens.
struct APITokenController: RouteCollection {
    static let maximumTokensPerUser = 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get("konto", "tokens", use: list)
        routes.post("konto", "tokens", use: create)
        routes.post("konto", "tokens", ":id", "widerrufen", use: revoke)
    }

    struct CreateForm: Content {
        var name: String?
        var tage: String?
        var rechte: String?
    }
    /// Offered in the form; a token without expiry must be chosen on purpose.
    static let defaultDays = 90

    private func render(_ request: Request, created: String? = nil, errors: [String] = [], status: HTTPStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let tokens = try await APITokenModel.query(on: request.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).all()
        return HTMLResponse.render(
            APITokensPage(
                tokens: tokens.map {
                    .init(
                        id: $0.id!, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revoked: $0.revokedAt != nil,
                        lastUsedAt: $0.lastUsedAt, scope: $0.scopeValue.label)
                },
                created: created, errors: errors, csrf: CSRF.token(for: request)),
            status: status, request: request)
    }

    @Sendable func list(request: Request) async throws -> Response {
        try request.requireUser()
        return try await render(request)
    }

    @Sendable func create(request: Request) async throws -> Response {
        try request.requireUser()
        let form = try request.content.decode(CreateForm.self)
        let name = (form.name ?? "").trimmingSpaces
        var errors: [String] = []
        if name.isEmpty || name.count > 100 { errors.append("Bitte geben Sie dem Token einen Namen (höchstens 100 Zeichen).") }
        if name.containsControlCharacters() { errors.append("Der Name des Tokens enthält unzulässige Steuerzeichen.") }
        // Read-only unless writing is chosen (the form preselects it too).
        let scope = (form.rechte ?? "").isEmpty ? APITokenModel.Scope.read : APITokenModel.Scope(rawValue: form.rechte ?? "")
        if scope == nil { errors.append("Bitte wählen Sie, ob das Token nur lesen oder auch schreiben darf.") }
        var expiry: Date?
        if let days = form.tage?.trimmingSpaces, !days.isEmpty {
            if let number = Int(days), (1...3650).contains(number) {
                expiry = request.now.addingTimeInterval(Double(number) * 86_400)
            } else {
                errors.append("Die Gültigkeit muss eine ganze Zahl von 1 bis 3650 Tagen sein (oder leer: unbegrenzt).")
            }
        }
        let user = try request.requireUser()
        if try await APITokenModel.query(on: request.db).filter(\.$user.$id == user.requireID()).filter(\.$revokedAt == nil).count()
            >= Self.maximumTokensPerUser
        {
            errors.append("Sie haben schon \(Self.maximumTokensPerUser) aktive Tokens. Bitte widerrufen Sie zuerst eines.")
        }
        guard errors.isEmpty else { return try await render(request, errors: errors, status: .unprocessableEntity) }
        let secret = "aw_" + SecureToken.make()
        try await APITokenModel(
            userID: try user.requireID(), name: name, tokenHash: SecureToken.hash(secret), expiresAt: expiry, scope: scope ?? .read
        ).create(on: request.db)
        return try await render(request, created: secret)
    }

    @Sendable func revoke(request: Request) async throws -> Response {
        try request.requireUser()
        guard let id = request.parameters.get("id", as: UUID.self),
            let token = try await APITokenModel.find(id, on: request.db),
            token.$user.id == request.currentUser?.id
        else { throw ProblemDetails.notFound("Dieses Token gibt es nicht.") }
        token.revokedAt = token.revokedAt ?? request.now
        try await token.save(on: request.db)
        return request.redirect(to: "/konto/tokens", notice: .tokenRevoked)
    }
}
