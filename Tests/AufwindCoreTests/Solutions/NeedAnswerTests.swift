import Foundation
import Testing

@testable import AufwindCore

@Suite("Answers of Anbieter to Bedarfe: input, fit, nearby users, order")
struct NeedAnswerTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let month: TimeInterval = 30 * 24 * 3600
    /// Ahlen, Beckum (≈ 14 km), Münster (≈ 30 km), München (≈ 500 km).
    static let places: [String: GeoPoint] = [
        "ahlen": GeoPoint(latitude: 51.763, longitude: 7.891), "beckum": GeoPoint(latitude: 51.755, longitude: 8.041),
        "muenster": GeoPoint(latitude: 51.962, longitude: 7.626), "muenchen": GeoPoint(latitude: 48.137, longitude: 11.575),
    ]

    static func user(_ key: String, _ status: ReferenceStatus = .imEinsatz, confirmedMonthsAgo: Double = 1) -> SolutionUser {
        SolutionUser(townKey: key, status: status, since: "", confirmedAt: now.addingTimeInterval(-confirmedMonthsAgo * month), mayBeAsked: false)
    }

    static let need = NeedAnswerAssessment.Need(
        handlungsfelder: [.mobilitaet], unterthemen: [],
        text: "Bürgerbus für Ortsteile: Fahrten buchen, Fahrerinnen einteilen", townKey: "ahlen")

    static func solution(fields: Set<Handlungsfeld> = [.mobilitaet, .klimaEnergie], text: String, users: [SolutionUser] = [])
        -> NeedAnswerAssessment.Solution
    {
        NeedAnswerAssessment.Solution(handlungsfelder: fields, unterthemen: [], text: text, users: users)
    }

    static func assess(_ solution: NeedAnswerAssessment.Solution) -> NeedAnswerAssessment {
        NeedAnswerAssessment.assess(solution, for: need, now: now, point: { places[$0] })
    }

    @Test("no solution, no answer; the text and the reason are checked")
    func input() {
        guard case .failure(let problems) = NeedAnswerInput.validate(solutionID: " ", text: "kurz") else {
            Issue.record("accepted")
            return
        }
        let texts = problems.messages.map(\.text)
        #expect(texts.contains { $0.contains("ohne Lösung keine Antwort") })
        #expect(texts.contains { $0.contains("mindestens 20 Zeichen") })
        let valid = try? NeedAnswerInput.validate(solutionID: "abc", text: "  Unsere Lösung bucht Bürgerbus-Fahrten.\r\nOhne App.  ").get()
        #expect(valid?.text == "Unsere Lösung bucht Bürgerbus-Fahrten.\nOhne App.")
        #expect((try? NeedAnswerInput.validateReason("").get()) == nil)
        #expect((try? NeedAnswerInput.validateReason("Zu teuer für uns").get()) == "Zu teuer für uns")
        #expect(NeedAnswerInput.accepts(.bedarf) && !NeedAnswerInput.accepts(.angebot) && !NeedAnswerInput.accepts(.personalBedarf))
    }

    @Test("fit: the need's fields covered and its terms found in the solution")
    func fit() {
        let matching = Self.assess(Self.solution(text: "Buchung von Bürgerbus-Fahrten und Einteilung der Fahrerinnen für Ortsteile"))
        #expect(matching.themeValue == 1)
        #expect(matching.sharedFields == [.mobilitaet])
        #expect(matching.sharedTerms >= 3)
        let unrelated = Self.assess(Self.solution(fields: [.schuleBildung], text: "Lernplattform für Grundschulen"))
        #expect(unrelated.themeValue == 0 && unrelated.sharedTerms == 0 && unrelated.fit == 0)
        #expect(matching.fit > unrelated.fit)
        #expect(unrelated.reasons(townName: { $0 }).first == "Kein gemeinsames Handlungsfeld mit Ihrem Bedarf.")
    }

    @Test("nearby: towns within 50 km that run it now, nearest first; not the town itself, not stale or replaced ones")
    func nearby() {
        let users = [
            Self.user("muenster"), Self.user("beckum"), Self.user("muenchen"), Self.user("ahlen"),
            Self.user("beckum-alt", confirmedMonthsAgo: 1),  // no coordinates: cannot be near
        ]
        let assessment = Self.assess(Self.solution(text: "Bürgerbus", users: users))
        #expect(assessment.nearbyUsers.map(\.townKey) == ["beckum", "muenster"])
        #expect(assessment.inUseCount == 5)
        #expect(assessment.nearbyValue == 2.0 / 3)
        let reasons = assessment.reasons(townName: { $0.capitalized })
        #expect(reasons.last == "Im Einsatz in Beckum (10 km) und 1 weiteren Kommune bis 50 km.")

        let stale = Self.assess(
            Self.solution(text: "Bürgerbus", users: [Self.user("beckum", confirmedMonthsAgo: 19), Self.user("muenster", .abgeloest)]))
        #expect(stale.nearbyUsers.isEmpty && stale.inUseCount == 0)
        #expect(stale.reasons(townName: { $0 }).last == "Noch keine Kommune hat bestätigt, dass sie die Lösung einsetzt.")
        let far = Self.assess(Self.solution(text: "Bürgerbus", users: [Self.user("muenchen")]))
        #expect(far.reasons(townName: { $0 }).last == "Im Einsatz in 1 Kommune, keine davon bis 50 km entfernt.")
    }

    @Test("order: open answers by score, the earlier on a tie; 'passt nicht' last")
    func ranking() {
        let good = Self.assess(Self.solution(text: "Bürgerbus Fahrten buchen", users: [Self.user("beckum")]))
        let weak = Self.assess(Self.solution(fields: [.schuleBildung], text: "Lernplattform"))
        let at = { (minutes: Double) in Self.now.addingTimeInterval(minutes * 60) }
        let ranked = NeedAnswerRanking.rank([
            .init(id: "abgelehnt", assessment: good, declined: true, answeredAt: at(0)),
            .init(id: "schwach", assessment: weak, declined: false, answeredAt: at(1)),
            .init(id: "gut-spaet", assessment: good, declined: false, answeredAt: at(3)),
            .init(id: "gut-frueh", assessment: good, declined: false, answeredAt: at(2)),
        ])
        #expect(ranked.map(\.id) == ["gut-frueh", "gut-spaet", "schwach", "abgelehnt"])
        #expect(good.score > weak.score)
    }
}
