import AufwindCore
import Fluent
import Vapor

/// Gathers what `/loesungen/{id}` shows for this viewer: the confirmed users ranked by distance
/// from the viewer's (or a chosen) town, counts per Kreis, and the forms the viewer may use.
struct SolutionPageBuilder {
    let request: Request

    struct NearbyParameters: Content {
        var nahe: String?
        var auswahl: String?
        var anzahl: Int?
    }

    func render(
        _ model: SolutionModel, errors: [String] = [], proposal: SolutionPage.ProposalForm = .init(), status: HTTPStatus = .ok
    ) async throws -> Response {
        let id = try model.requireID()
        let directory = TownDirectory(catalog: request.register)
        let parameters = (try? request.query.decode(NearbyParameters.self)) ?? NearbyParameters()
        let typed = String((parameters.nahe ?? "").prefix(100))
        let origin = NearbyOrigin.resolve(typed: typed, chosen: parameters.auswahl ?? "", request: request)
        let limit = min(500, max(20, parameters.anzahl ?? 20))
        let now = request.now
        let users = try await request.application.solutionUsers.snapshot(on: request.db).users(of: id)
        let shown = NearbyUsers.rank(users, from: origin.point, now: now, limit: limit) { directory.point(of: $0) }
        let contacts = try await contactNames(solutionID: id, towns: shown.filter(\.user.mayBeAsked).map(\.user.townKey))
        var perKreis: [String: Int] = [:]
        for user in users { perKreis[String(user.townKey.prefix(5)), default: 0] += 1 }
        let kreise = perKreis.map { (name: directory.name(of: $0.key) ?? $0.key, count: $0.value) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }.prefix(15)
        let publishers = try await SolutionPublishers.load(for: [model], towns: directory, on: request.db)
        let releases = try await SolutionReleaseModel.query(on: request.db).filter(\.$solutionID == id).sort(\.$createdAt, .descending).all()
        let canPropose = request.may(.proposeSolutionReference, .solution(model.publisher))
        let open =
            canPropose
            ? try await SolutionReferenceModel.query(on: request.db).filter(\.$solutionID == id)
                .filter(\.$state != ReferenceState.bestaetigt.rawValue).sort(\.$createdAt, .descending).limit(100).all() : []
        let signedIn = request.currentUser != nil
        var errors = errors
        if case .notFound = origin { errors.append("Keine Kommune „\(typed)“ gefunden; die Liste ist nicht nach Entfernung geordnet.") }
        let page = SolutionPage(
            id: id.uuidString.lowercased(), input: model.input, isDemo: model.isDemo,
            publisher: .init(name: publishers.name(of: model), path: publishers.path(of: model)),
            releases: releases.map { ($0.versionName, $0.releaseDate, $0.notes) }, updatedAt: model.updatedAt, now: now,
            origin: origin.name, originKey: typed.isEmpty ? nil : origin.key, typedOrigin: typed, originChoices: origin.choices,
            users: shown.map { entry in
                SolutionPage.UserRow(
                    town: directory.name(of: entry.user.townKey) ?? entry.user.townKey, townPath: directory.path(of: entry.user.townKey),
                    kreis: kreisName(entry.user.townKey, directory), entry: entry, contactName: contacts[entry.user.townKey])
            },
            totalUsers: users.count, inUseCount: NearbyUsers.inUseCount(users, now: now), kreise: Array(kreise), shownLimit: limit,
            csrf: signedIn ? CSRF.token(for: request) : nil, canEdit: request.may(.publishSolution, .solution(model.publisher)),
            canPropose: canPropose,
            ownTowns: request.actor.townRoles.keys.sorted().compactMap { key in directory.name(of: key).map { (key, $0) } },
            openReferences: open.map {
                .init(town: directory.name(of: $0.townKey) ?? $0.townKey, state: $0.stateValue, status: $0.statusValue, reason: $0.declineReason)
            },
            proposal: proposal, errors: errors)
        var shownPage = page
        shownPage.hiddenByModeration = model.hidden == true
        shownPage.map = await nearbyMap(model, origin: origin, users: users, now: now, directory: directory)
        return HTMLResponse.render(shownPage, status: status, request: request)
    }

    /// The chosen town's Kreis and the Kreise around it with the confirmed users in that area; nil
    /// without a town with coordinates or without the Kreis borders.
    private func nearbyMap(_ model: SolutionModel, origin: NearbyOrigin, users: [SolutionUser], now: Date, directory: TownDirectory) async
        -> NearbyMap?
    {
        guard let key = origin.key, let point = origin.point,
            let area = await request.application.kreisShapes.neighbourhood(
                of: String(key.prefix(5)), width: NearbyMap.width, height: NearbyMap.height, margin: NearbyMap.margin, logger: request.logger)
        else { return nil }
        let projection = MapProjection.germany
        let cutoffs = ReferenceFreshness.Cutoffs(now: now)
        // The map shows the Kreise around the town: users farther than 200 km never appear on it.
        let dots = users.compactMap { user -> NearbyMap.Dot? in
            guard let place = directory.point(of: user.townKey), point.distanceKm(to: place) <= 200 else { return nil }
            return NearbyMap.Dot(
                name: "\(directory.name(of: user.townKey) ?? user.townKey): \(user.status.label)", point: projection.project(place),
                inUse: user.isInUse(cutoffs))
        }
        return NearbyMap(
            solutionName: model.name, origin: (origin.name ?? key, projection.project(point)), center: area.center, around: area.around,
            frame: area.frame, users: dots)
    }

    /// "Kreis Warendorf", "kreisfreie Stadt"; for a Kreis itself, what kind of unit it is.
    private func kreisName(_ key: String, _ directory: TownDirectory) -> String {
        guard key.count == 8, let gemeinde = request.register.gemeinde(ags: key) else { return "Kreis" }
        return TownChoices(catalog: request.register).choice(gemeinde).kreis
    }

    /// The display names of the members the shown towns named for questions.
    private func contactNames(solutionID: UUID, towns: [String]) async throws -> [String: String] {
        guard !towns.isEmpty else { return [:] }
        let references = try await SolutionReferenceModel.query(on: request.db).filter(\.$solutionID == solutionID)
            .filter(\.$townKey ~~ towns).filter(\.$contactUserID != nil).all()
        let userIDs = references.compactMap(\.contactUserID)
        let users = try await UserModel.query(on: request.db).filter(\.$id ~~ userIDs).all()
        let names = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.displayName) } })
        return Dictionary(
            references.compactMap { reference in reference.contactUserID.flatMap { names[$0] }.map { (reference.townKey, $0) } },
            uniquingKeysWith: { first, _ in first })
    }
}
