import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Reportable content, as a case keeps it: what it is, a copy of its text, where it is shown, who
/// wrote it, and which town or Anbieter it belongs to; and who may see it (to report it).
struct ModeratedContent {
    static let maximumTextLength = 6_000

    var kind: ModeratedKind
    var id: UUID
    var title: String
    var text: String
    var path: String
    var createdAt: Date?
    var authorID: UUID?
    var townKey: String?
    var organisationID: UUID?
    var hidden: Bool
    /// What the reporter must be allowed to do to see it.
    var visibility: (action: Action, resource: Resource)

    /// The content, or nil when there is none of that kind with that id.
    static func load(_ kind: ModeratedKind, _ id: UUID, on db: any Database, towns: TownDirectory) async throws -> ModeratedContent? {
        func clip(_ parts: [String]) -> String {
            String(parts.filter { !$0.isEmpty }.joined(separator: "\n\n").unicodeScalars.prefix(maximumTextLength))
        }
        switch kind {
        case .loesung:
            guard let solution = try await SolutionModel.find(id, on: db) else { return nil }
            return ModeratedContent(
                kind: kind, id: id, title: "Lösung „\(solution.name)“",
                text: clip([solution.name, solution.shortDescription, solution.description, solution.needsServed, solution.priceModel]),
                path: solution.path, createdAt: solution.createdAt, authorID: solution.createdBy, townKey: solution.townKey,
                organisationID: solution.organisationID, hidden: solution.hidden == true,
                visibility: solution.hidden == true ? (.publishSolution, .solution(solution.publisher)) : (.viewPublicPages, .platform))
        case .eintrag:
            guard let item = try await CooperationItemModel.find(id, on: db) else { return nil }
            return ModeratedContent(
                kind: kind, id: id, title: "\(item.input.kind.label) „\(item.title)“",
                text: clip([item.title, item.description]), path: "/eintraege/\(id.uuidString.lowercased())",
                createdAt: item.createdAt, authorID: item.createdBy, townKey: item.ownerKey, organisationID: nil, hidden: item.hidden == true,
                visibility: (.viewItem, .item(item.facts)))
        case .antwort:
            guard let answer = try await NeedAnswerModel.find(id, on: db), let item = try await CooperationItemModel.find(answer.itemID, on: db)
            else { return nil }
            return ModeratedContent(
                kind: kind, id: id, title: "Antwort auf „\(item.title)“", text: clip([answer.body]), path: answer.path,
                createdAt: answer.createdAt, authorID: answer.authorID, townKey: nil, organisationID: answer.organisationID,
                hidden: answer.hidden == true,
                visibility: (.takePartInAnswerConversation, .needAnswer(townKey: item.ownerKey, organisationID: answer.organisationID.uuidString)))
        case .nachricht:
            guard let message = try await CooperationMessageModel.find(id, on: db),
                let cooperation = try await CooperationModel.find(message.cooperationID, on: db)
            else { return nil }
            return ModeratedContent(
                kind: kind, id: id, title: "Nachricht aus \(towns.name(of: message.authorKey) ?? message.authorKey) in einer Kooperation",
                text: clip([message.body]), path: "/kooperationen/\(message.cooperationID.uuidString.lowercased())",
                createdAt: message.createdAt, authorID: message.authorID, townKey: message.authorKey, organisationID: nil,
                hidden: message.hidden == true, visibility: (.takePartInCooperation, .cooperation(towns: Set(cooperation.townKeys))))
        case .antwortNachricht:
            guard let message = try await NeedAnswerMessageModel.find(id, on: db),
                let answer = try await NeedAnswerModel.find(message.answerID, on: db),
                let item = try await CooperationItemModel.find(answer.itemID, on: db)
            else { return nil }
            let byTown = message.sideValue == .kommune
            return ModeratedContent(
                kind: kind, id: id, title: "Nachricht zur Antwort auf „\(item.title)“", text: clip([message.body]),
                path: answer.path, createdAt: message.createdAt, authorID: message.authorID, townKey: byTown ? item.ownerKey : nil,
                organisationID: byTown ? nil : answer.organisationID, hidden: message.hidden == true,
                visibility: (.takePartInAnswerConversation, .needAnswer(townKey: item.ownerKey, organisationID: answer.organisationID.uuidString)))
        case .pitch:
            guard let pitch = try await PitchModel.find(id, on: db), let block = try await PitchBlockModel.find(pitch.blockID, on: db),
                let event = try await EventModel.find(block.eventID, on: db)
            else { return nil }
            let application = try await PitchApplicationModel.query(on: db).filter(\.$pitchID == id).first()
            // From an application the Anbieter answers for it; a pitch the team wrote is the organiser's.
            let ownerTown = application == nil && event.organiserTypeValue == .kommune ? event.organiserKey : nil
            let ownerOrganisation =
                application?.organisationID ?? (event.organiserTypeValue == .veranstalter ? UUID(uuidString: event.organiserKey) : nil)
            let standing = EventStanding(title: event.title, organiser: event.organiser, registration: nil)
            return ModeratedContent(
                kind: kind, id: id, title: "Pitch „\(pitch.title)“ bei „\(event.title)“",
                text: clip([pitch.title, pitch.presenter, application?.abstract ?? ""]), path: event.path + "/buehne",
                createdAt: pitch.createdAt, authorID: application?.applicantID, townKey: ownerTown,
                organisationID: ownerOrganisation, hidden: pitch.hidden == true,
                // Hidden: only the event's team still sees it (the report form names it).
                visibility: pitch.hidden == true ? (.organiseEvent, .event(standing)) : (.viewPublicPages, .platform))
        }
    }

    static func table(_ kind: ModeratedKind) -> String {
        switch kind {
        case .loesung: SolutionModel.schema
        case .eintrag: CooperationItemModel.schema
        case .antwort: NeedAnswerModel.schema
        case .nachricht: CooperationMessageModel.schema
        case .antwortNachricht: NeedAnswerMessageModel.schema
        case .pitch: PitchModel.schema
        }
    }
}
