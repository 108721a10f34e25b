import Foundation
import Testing

@testable import AufwindCore

@Suite("Moderation: reports and statements of reasons")
struct StatementOfReasonsTests {
    static func raw(
        outcome: String? = "verbergen", ground: String? = "nutzungsbedingungen", reference: String? = "Nutzungsbedingungen Nr. 4",
        explanation: String? = "Werbung ohne Bezug zu einem Bedarf der Kommune.", facts: String? = "Dreimal derselbe Text an verschiedene Bedarfe."
    ) -> StatementOfReasons.Raw {
        .init(outcome: outcome, ground: ground, groundReference: reference, explanation: explanation, facts: facts)
    }

    @Test("a report needs a category and a text of at least 10 characters")
    func report() {
        guard case .failure(let problems) = ReportInput.validate(category: "beleidigend", text: "kurz") else {
            Issue.record("accepted")
            return
        }
        #expect(problems.messages.count == 2)
        #expect((try? ReportInput.validate(category: "spam", text: "Reine Werbung, kein Bezug.").get())?.category == .spam)
    }

    @Test("hiding and deleting need ground, law or rule, explanation and facts; keeping only an explanation")
    func statement() {
        guard case .failure(let problems) = StatementOfReasons.validate(Self.raw(ground: "", reference: "", facts: "")) else {
            Issue.record("accepted")
            return
        }
        let texts = problems.messages.map(\.text).joined(separator: " | ")
        #expect(texts.contains("Grundlage") && texts.contains("Tatsachen und Umstände") && problems.messages.count == 3)
        let kept = try? StatementOfReasons.validate(Self.raw(outcome: "behalten", ground: "", reference: "", facts: "")).get()
        #expect(kept?.outcome == .behalten && kept?.ground == nil && kept?.automated == false)
        #expect((try? StatementOfReasons.validate(Self.raw(outcome: "sperren")).get()) == nil)
    }

    @Test("the statement as the DSA transparency database takes it: ground, law or rule, never automated")
    func dsa() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
        let hidden = try StatementOfReasons.validate(Self.raw()).get()
        let statement = try #require(hidden.dsaStatement(puid: "aufwind-1", contentDate: date, applicationDate: date, category: .spam))
        #expect(statement["decision_ground"] == .text("DECISION_GROUND_INCOMPATIBLE_CONTENT"))
        #expect(statement["decision_visibility"] == .list(["DECISION_VISIBILITY_CONTENT_DISABLED"]))
        #expect(statement["incompatible_content_ground"] == .text("Nutzungsbedingungen Nr. 4"))
        #expect(statement["illegal_content_legal_ground"] == nil)
        #expect(statement["automated_decision"] == .text("AUTOMATED_DECISION_NOT_AUTOMATED"))
        #expect(statement["automated_detection"] == .text("No"))
        #expect(statement["application_date"] == .text("2027-01-15"))

        let deleted = try StatementOfReasons.validate(Self.raw(outcome: "loeschen", ground: "rechtswidrig", reference: "§ 186 StGB")).get()
        let removal = try #require(deleted.dsaStatement(puid: "aufwind-2", contentDate: date, applicationDate: date, category: .rechtswidrig))
        #expect(removal["decision_ground"] == .text("DECISION_GROUND_ILLEGAL_CONTENT"))
        #expect(removal["decision_visibility"] == .list(["DECISION_VISIBILITY_CONTENT_REMOVED"]))
        #expect(removal["illegal_content_legal_ground"] == .text("§ 186 StGB"))
        let keep = try StatementOfReasons.validate(Self.raw(outcome: "behalten")).get()
        #expect(keep.dsaStatement(puid: "aufwind-3", contentDate: date, applicationDate: date, category: .spam) == nil)
    }

    @Test("a decision concerns its author; without one, the town or Anbieter")
    func parties() {
        let author = Actor(userID: "A", emailConfirmed: true)
        let townMember = Actor(userID: "B", emailConfirmed: true, townRoles: ["05570004": .mitglied])
        let withAuthor = Resource.moderationCase(ModerationParties(authorID: "A", townKey: "05570004", organisationID: nil))
        let orphan = Resource.moderationCase(ModerationParties(authorID: nil, townKey: "05570004", organisationID: nil))
        #expect(Policy.decide(author, .objectToModeration, withAuthor).isAllowed)
        #expect(!Policy.decide(townMember, .objectToModeration, withAuthor).isAllowed)
        #expect(Policy.decide(townMember, .objectToModeration, orphan).isAllowed)
        #expect(Policy.decide(townMember, .viewModerationDecision, withAuthor).concealsExistence)
        let admin = Actor(userID: "X", isPlatformAdmin: true, emailConfirmed: true)
        #expect(Policy.decide(admin, .viewModerationDecision, withAuthor).isAllowed)
        #expect(!Policy.decide(admin, .objectToModeration, withAuthor).isAllowed)
        #expect(!Policy.decide(author, .moderateContent, .platform).isAllowed)
    }
}
