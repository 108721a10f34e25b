import AufwindCore
import Fluent
import Foundation
import Vapor

/// Gathers what the viewer of a Bedarf sees under "Antworten von Anbietern": the town's ranked
/// answers, or the Anbieter's own answers and its solutions to answer with.
struct NeedAnswerBoard {
    let request: Request

    /// The confirmed Anbieter organisations the viewer acts for.
    static func providers(_ request: Request) async throws -> [OrganisationModel] {
        let ids = request.actor.organisationRoles.keys.compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else { return [] }
        return try await OrganisationModel.query(on: request.db).filter(\.$id ~~ ids)
            .filter(\.$kind == OrganisationModel.Kind.anbieter.rawValue).filter(\.$status == MembershipModel.Status.confirmed.rawValue)
            .sort(\.$name).all()
    }

    func section(for item: CooperationItemModel, form: NeedAnswersSection.Form = .init()) async throws -> NeedAnswersSection? {
        guard NeedAnswerInput.accepts(item.input.kind), item.published, request.currentUser != nil else { return nil }
        let itemID = try item.requireID()
        let db = request.db
        let directory = TownDirectory(catalog: request.register)
        let townName = directory.name(of: item.ownerKey) ?? item.ownerKey
        let isOwner = request.may(.decideOnAnswers, .town(item.ownerKey))
        let providers = try await Self.providers(request)
        guard isOwner || !providers.isEmpty else { return nil }
        let service = NeedAnswerService(request)
        var section = NeedAnswersSection(
            itemPath: "/eintraege/\(itemID.uuidString.lowercased())", townName: townName, isOwner: isOwner,
            open: try await service.answersOpen(for: itemID), form: form, csrf: CSRF.token(for: request))

        let answers = try await NeedAnswerModel.query(on: db).filter(\.$itemID == itemID).sort(\.$createdAt).all()
        let solutionIDs = Array(Set(answers.map(\.solutionID)))
        let solutions = solutionIDs.isEmpty ? [] : try await SolutionModel.query(on: db).filter(\.$id ~~ solutionIDs).all()
        let solutionByID = Dictionary(uniqueKeysWithValues: solutions.compactMap { s in s.id.map { ($0, s) } })
        let organisationIDs = Array(Set(answers.map(\.organisationID)))
        let organisations = organisationIDs.isEmpty ? [] : try await OrganisationModel.query(on: db).filter(\.$id ~~ organisationIDs).all()
        let organisationName = Dictionary(uniqueKeysWithValues: organisations.compactMap { o in o.id.map { ($0, o.name) } })

        if isOwner {
            let users = try await request.application.solutionUsers.snapshot(on: db)
            let counts = try await messageCounts(answers.compactMap(\.id))
            let need = NeedAnswerAssessment.Need(
                handlungsfelder: Set(item.input.handlungsfelder), unterthemen: Set(item.input.unterthemen),
                text: item.title + " " + item.description, townKey: item.ownerKey)
            let now = request.now
            // Answers (or their solutions) hidden by a moderation decision are not shown to the town.
            let candidates = answers.compactMap { answer -> NeedAnswerRanking.Candidate<NeedAnswerModel>? in
                guard answer.hidden != true, let solution = solutionByID[answer.solutionID], solution.hidden != true else { return nil }
                let input = solution.input
                let assessment = NeedAnswerAssessment.assess(
                    .init(
                        handlungsfelder: Set(input.handlungsfelder), unterthemen: Set(input.unterthemen),
                        text: [input.name, input.shortDescription, input.description, input.needsServed].joined(separator: " "),
                        users: users.users(of: answer.solutionID)),
                    for: need, now: now, point: directory.point(of:))
                return .init(
                    id: answer, assessment: assessment, declined: answer.statusValue == .passtNicht, answeredAt: answer.createdAt ?? now)
            }
            section.received = NeedAnswerRanking.rank(candidates).map { candidate in
                let answer = candidate.id
                let solution = solutionByID[answer.solutionID]
                return NeedAnswersSection.Received(
                    path: answer.path, solutionName: solution?.name ?? "", solutionPath: solution?.path ?? "/loesungen",
                    organisationName: organisationName[answer.organisationID] ?? "",
                    organisationPath: "/anbieter/\(answer.organisationID.uuidString.lowercased())", text: answer.body,
                    answeredAt: answer.createdAt, status: answer.statusValue, declineReason: answer.declineReason,
                    reasons: candidate.assessment.reasons(townName: { directory.name(of: $0) ?? $0 }),
                    messages: answer.id.flatMap { counts[$0] } ?? 0)
            }
        }

        guard !providers.isEmpty else { return section }
        let providerIDs = Set(providers.compactMap(\.id))
        section.given = answers.filter { providerIDs.contains($0.organisationID) }.map { answer in
            let solution = solutionByID[answer.solutionID]
            return NeedAnswersSection.Given(
                path: answer.path, solutionName: solution?.name ?? "", solutionPath: solution?.path ?? "/loesungen",
                organisationName: organisationName[answer.organisationID] ?? "", text: answer.body, answeredAt: answer.createdAt,
                status: answer.statusValue, declineReason: answer.declineReason)
        }
        let own = try await SolutionModel.query(on: db).filter(\.$organisationID ~~ Array(providerIDs)).filter(\.$hidden == nil)
            .sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: providers.compactMap { p in p.id.map { ($0, p.name) } })
        let answered = Set(answers.map(\.solutionID))
        section.solutions = own.filter { $0.id.map { !answered.contains($0) } ?? false }.map { solution in
            (solution.id!.uuidString.lowercased(), "\(solution.organisationID.flatMap { names[$0] } ?? "") – \(solution.name)")
        }
        section.providerWithoutSolutions = own.isEmpty
        for provider in providers {
            let used = try await service.answersInWindow(of: try provider.requireID(), now: request.now)
            section.remaining.append((provider.name, max(0, NeedAnswerService.perDay - used)))
        }
        return section
    }

    private func messageCounts(_ answerIDs: [UUID]) async throws -> [UUID: Int] {
        guard !answerIDs.isEmpty else { return [:] }
        let messages = try await NeedAnswerMessageModel.query(on: request.db).filter(\.$answerID ~~ answerIDs).field(\.$answerID).all()
        return messages.reduce(into: [:]) { $0[$1.answerID, default: 0] += 1 }
    }
}
