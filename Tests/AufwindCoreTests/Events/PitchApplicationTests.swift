import Foundation
import Testing

@testable import AufwindCore

@Suite("Pitch applications: the form, the spoken length, the decisions")
struct PitchApplicationTests {
    static let abstract = "Der Bürgerbus-Planer bucht Fahrten für Ehrenamtliche und bindet Ortsteile an, in Oelde seit 2023."

    @Test("130 words a minute: 100 seconds hold 216 words; a word is something with a letter or digit")
    func spokenLength() {
        #expect(SpokenLength.words(in: 100) == 216)
        #expect(SpokenLength("").seconds == 0)
        let dashes = SpokenLength("Fahrten – buchen – 2024")
        #expect(dashes.words == 3 && dashes.seconds == 2)
        let long = SpokenLength(String(repeating: "Wort ", count: 217))
        #expect(long.words == 217 && long.seconds == 101)
    }

    @Test("a solution and an abstract that fits; Bedarfe from ticks and pasted links, once each, in order")
    func valid() throws {
        let first = UUID().uuidString.lowercased()
        let second = UUID().uuidString
        let result = PitchApplicationInput.validate(
            solutionID: " abc ", chosenNeeds: [first],
            pastedNeeds: "https://aufwind.example/eintraege/\(second)?x=1#antworten\n\(first), /eintraege/\(second)", abstract: Self.abstract,
            seconds: 100)
        let input = try result.get()
        #expect(input.solutionID == "abc" && input.needIDs == [first, second.lowercased()] && input.abstract == Self.abstract)
    }

    @Test("refused: no solution, a line that is no Bedarf, more than five Bedarfe, an abstract too long to say")
    func refused() {
        let six = (0..<6).map { _ in UUID().uuidString }
        guard
            case .failure(let problems) = PitchApplicationInput.validate(
                solutionID: "", chosenNeeds: six, pastedNeeds: "keinlink", abstract: String(repeating: "Wort ", count: 300), seconds: 100)
        else {
            Issue.record("accepted")
            return
        }
        let texts = problems.messages.map(\.text)
        #expect(texts.contains { $0.contains("Bitte wählen Sie die Lösung") })
        #expect(texts.contains { $0.contains("„keinlink“ ist kein Link") })
        #expect(texts.contains { $0.contains("höchstens 5 Bedarfe") && $0.contains("6 angegeben") })
        #expect(texts.contains { $0.contains("etwa 139 Sekunden (300 Wörter)") && $0.contains("höchstens 216 Wörter") })
        // A 30-second pitch allows fewer words.
        guard
            case .failure(let short) = PitchApplicationInput.validate(
                solutionID: "x", chosenNeeds: [], pastedNeeds: nil, abstract: String(repeating: "Wort ", count: 70), seconds: 30)
        else {
            Issue.record("accepted")
            return
        }
        #expect(short.messages.map(\.text).contains { $0.contains("für 30 Sekunden sind es höchstens 65 Wörter") })
    }

    @Test("decisions: what each status allows; declining needs a reason, accepting a block")
    func decisions() throws {
        #expect(PitchApplicationStatus.eingereicht.decisions == [.annehmen, .warteliste, .ablehnen])
        #expect(PitchApplicationStatus.warteliste.decisions == [.annehmen, .ablehnen])
        #expect(PitchApplicationStatus.angenommen.decisions.isEmpty && PitchApplicationStatus.angenommen.mayWithdraw)
        #expect(
            PitchApplicationStatus.warteliste.mayWithdraw && !PitchApplicationStatus.zurueckgezogen.mayWithdraw
                && !PitchApplicationStatus.abgelehnt.mayWithdraw)

        let declined = PitchApplicationDecision.validate(choice: "ablehnen", blockID: nil, reason: " ", from: .eingereicht)
        #expect(throws: (any Error).self) { try declined.get() }
        let accept = PitchApplicationDecision.validate(choice: "annehmen", blockID: "", reason: "egal", from: .warteliste)
        #expect(throws: (any Error).self) { try accept.get() }
        let accepted = try PitchApplicationDecision.validate(choice: "annehmen", blockID: "b1", reason: "egal", from: .warteliste).get()
        #expect(accepted.blockID == "b1" && accepted.reason.isEmpty)
        let waitlisted = try PitchApplicationDecision.validate(choice: "warteliste", blockID: nil, reason: "", from: .eingereicht).get()
        #expect(waitlisted.choice.status == .warteliste)
        guard case .failure(let twice) = PitchApplicationDecision.validate(choice: "warteliste", blockID: nil, reason: "", from: .warteliste) else {
            Issue.record("waitlisted twice")
            return
        }
        #expect(twice.messages.map(\.text) == ["Über diese Bewerbung ist schon entschieden (auf der Warteliste)."])
        #expect(throws: (any Error).self) {
            try PitchApplicationDecision.validate(choice: "vielleicht", blockID: nil, reason: nil, from: .eingereicht).get()
        }
    }
}
