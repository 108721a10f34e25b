import Testing

@testable import AufwindCore

@Suite("Nutzungsbedingungen: versions, who must agree again, which pages stay open until then")
struct TermsOfUseTests {
    static let terms = TermsOfUse(versions: [
        .init(number: 1, published: "2026-11-30", changes: ["Erste Fassung."]),
        .init(number: 2, published: "2027-03-01", changes: ["Regeln für Pitches."]),
        .init(number: 3, published: "2027-09-15", changes: ["Löschfristen für Veranstaltungen."]),
    ])

    @Test("the newest version is in force and is named with its German date")
    func current() {
        #expect(Self.terms.currentVersion == 3)
        #expect(Self.terms.current.label == "Fassung 3 vom 15.09.2027")
        #expect(TermsOfUse.currentVersion == TermsOfUse.aufwind.current.number)
    }

    @Test("who accepted an older version, or none, must agree; who accepted the current one not")
    func needsConsent() {
        #expect(Self.terms.needsConsent(accepted: nil))
        #expect(Self.terms.needsConsent(accepted: 1) && Self.terms.needsConsent(accepted: 2))
        #expect(!Self.terms.needsConsent(accepted: 3))
    }

    @Test("the consent page summarises the versions after the one accepted, newest first")
    func changes() {
        #expect(Self.terms.changes(since: 1).map(\.number) == [3, 2])
        #expect(Self.terms.changes(since: 3).isEmpty)
        #expect(Self.terms.changes(since: nil).map(\.number) == [3, 2, 1])
    }

    @Test("signing out, the legal pages, the export and the deletion stay open; everything else waits for the consent")
    func gate() {
        for path in [
            "/abmelden", "/impressum", "/datenschutz", "/barrierefreiheit", "/hilfe", "/kontakt", "/nutzungsbedingungen",
            "/nutzungsbedingungen/zustimmen", "/konto/daten.json", "/konto/loeschen",
        ] {
            #expect(ConsentGate.isOpen(path), "\(path)")
        }
        for path in ["/", "/mein-aufwind", "/konto", "/konto/organisationen", "/eintraege/neu", "/abmelden/xyz", "/impressum/x"] {
            #expect(!ConsentGate.isOpen(path), "\(path)")
        }
    }
}
