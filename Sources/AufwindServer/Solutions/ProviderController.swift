import AufwindCore
import Fluent
import Vapor

/// `/anbieter/{id}`: an Anbieter with its solutions and the towns that confirmed using them.
struct ProviderController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("anbieter", ":id", use: show)
    }

    @Sendable func show(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self), let organisation = try await OrganisationModel.find(id, on: request.db),
            organisation.kindValue == .anbieter, organisation.statusValue == .confirmed
        else { throw ProblemDetails.notFound("Diesen Anbieter gibt es nicht.") }
        let member = request.may(.publishSolution, .solution(.organisation(id.uuidString)))
        let solutions = try await SolutionModel.query(on: request.db).filter(\.$organisationID == id).sort(\.$name).all()
            .filter { $0.hidden != true || member }
        let users = try await request.application.solutionUsers.snapshot(on: request.db)
        let directory = TownDirectory(catalog: request.register)
        let now = request.now
        var references: [(town: String, townPath: String, solution: String, status: String)] = []
        for solution in solutions {
            for user in users.users(of: solution.id!).sorted(by: { $0.townKey < $1.townKey }) {
                references.append(
                    (directory.name(of: user.townKey) ?? user.townKey, directory.path(of: user.townKey), solution.name, user.status.label))
            }
        }
        return HTMLResponse.render(
            ProviderPage(
                pitches: try await Self.pitches(of: id, on: request.db),
                id: id.uuidString.lowercased(), name: organisation.name, website: organisation.website, description: organisation.description,
                solutions: solutions.map { model in
                    SolutionListEntry(
                        path: model.path, name: model.name, shortDescription: model.shortDescription, publisher: organisation.name,
                        licence: model.input.licence, operations: model.input.operations,
                        inUse: NearbyUsers.inUseCount(users.users(of: model.id!), now: now), nearestKm: nil, isDemo: model.isDemo)
                },
                references: Array(references.prefix(200)), referenceCount: references.count,
                canPublish: request.may(.publishSolution, .solution(.organisation(id.uuidString)))),
            request: request)
    }

    /// The Anbieter's pitches on events' stages (not those hidden by a moderation decision), the latest event first.
    static func pitches(of organisationID: UUID, on db: any Database) async throws -> [ProviderPage.Pitch] {
        let found = try await PitchModel.query(on: db).filter(\.$organisationID == organisationID).filter(\.$hidden == nil).limit(200).all()
        // Nor those presenting a solution the moderation hid.
        try await PitchVisibility.markHidden(found, on: db)
        let pitches = found.filter { $0.hidden != true }
        guard !pitches.isEmpty else { return [] }
        let blocks = try await PitchBlockModel.query(on: db).filter(\.$id ~~ Array(Set(pitches.map(\.blockID)))).all()
        let events = try await EventModel.query(on: db).filter(\.$id ~~ Array(Set(blocks.map(\.eventID)))).all()
        let eventOfBlock = Dictionary(uniqueKeysWithValues: blocks.compactMap { b in b.id.map { ($0, b.eventID) } })
        let eventsByID = Dictionary(uniqueKeysWithValues: events.compactMap { e in e.id.map { ($0, e) } })
        let solutionIDs = Array(Set(pitches.compactMap(\.solutionID)))
        let shown = Set(
            solutionIDs.isEmpty
                ? [] : try await SolutionModel.query(on: db).filter(\.$id ~~ solutionIDs).all().filter { $0.hidden != true }.compactMap(\.id))
        return pitches.compactMap { pitch -> ProviderPage.Pitch? in
            guard let event = eventOfBlock[pitch.blockID].flatMap({ eventsByID[$0] }) else { return nil }
            return ProviderPage.Pitch(
                title: pitch.title, eventTitle: event.title, eventPath: event.path + "/buehne", when: EventsController.when(event),
                day: event.firstDay,
                solutionPath: pitch.solutionID.flatMap { shown.contains($0) ? "/loesungen/\($0.uuidString.lowercased())" : nil })
        }
        .sorted { $0.day > $1.day }
    }
}
