import AufwindCore
import Fluent
import Foundation
import Vapor

/// `/api/v1/kommunen/{key}/profil`: read publicly, write with an API token.
struct TownProfileAPIController: RouteCollection {
    struct ProfileDTO: Content {
        var schluessel: String
        var ansprechperson: String
        var email: String
        var website: String
        var beschreibung: String
        var handlungsfelder: [String]
        var version: Int
    }

    /// The request schema `TownProfileUpdate`, read by `Request.strictJSONBody`.
    struct ProfileUpdate: Content {
        var ansprechperson: String?
        var email: String?
        var website: String?
        var beschreibung: String?
        var handlungsfelder: [String]?
        var version: Int

        enum CodingKeys: String, CodingKey, CaseIterable {
            case ansprechperson, email, website, beschreibung, handlungsfelder, version
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("kommunen", ":key", "profil", use: show)
        // Up to 256 KB, so that overlong fields get a precise 422 rather than a bare 413.
        api.grouped(APITokenAuthMiddleware()).on(.PUT, "kommunen", ":key", "profil", body: .collect(maxSize: "256kb"), use: update)
    }

    private func key(_ request: Request) throws -> String {
        let key = request.parameters.get("key") ?? ""
        guard TownDirectory(catalog: request.register).name(of: key) != nil else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        return key
    }

    private static func dto(_ key: String, _ profile: TownProfileModel) -> ProfileDTO {
        let input = profile.input
        return ProfileDTO(
            schluessel: key, ansprechperson: input.contactPerson, email: input.contactEmail, website: input.website,
            beschreibung: input.description, handlungsfelder: input.handlungsfelder.map(\.rawValue), version: profile.version)
    }

    @Sendable func show(request: Request) async throws -> ProfileDTO {
        let key = try key(request)
        return Self.dto(key, try await TownProfileModel.find(key, on: request.db) ?? TownProfileModel(key: key))
    }

    @Sendable func update(request: Request) async throws -> ProfileDTO {
        let key = try key(request)
        try request.authorize(.editTownProfile, .town(key))
        let body = try request.strictJSONBody(ProfileUpdate.self)
        let input: TownProfileInput
        switch TownProfileInput.validate(
            contactPerson: body.ansprechperson ?? "", contactEmail: body.email ?? "", website: body.website ?? "",
            description: body.beschreibung ?? "", handlungsfelder: body.handlungsfelder ?? [])
        {
        case .failure(let problems):
            throw ProblemDetails(title: "Ungültige Angaben", status: 422, detail: problems.messages.map(\.text).joined(separator: " "))
        case .success(let valid):
            input = valid
        }
        guard
            let version = try await TownProfileStore(database: request.db).save(
                key: key, input: input, expectedVersion: body.version, now: request.now)
        else {
            throw ProblemDetails(
                title: "Veraltete Version", status: 409,
                detail: "Das Profil wurde inzwischen geändert. Bitte laden Sie die aktuelle Version und wenden Sie Ihre Änderung darauf an.")
        }
        // What this request wrote, even if another write follows at once.
        let saved = TownProfileModel(key: key)
        saved.apply(input)
        saved.version = version
        return Self.dto(key, saved)
    }
}
