import AufwindCore
import Testing

@Suite("Verbund forms: founding, invitations, status, dates, programme")
struct VerbundInputTests {
    typealias F = VerbundFixture

    @Test("a Verbund is named as typed, else after its Vorhaben; too long or with control characters refused")
    func name() throws {
        #expect(try VerbundName.parse("  Bauhof Münsterland ", fallback: "Gemeinsamer Bauhof").get() == "Bauhof Münsterland")
        #expect(try VerbundName.parse(nil, fallback: "Gemeinsamer Bauhof").get() == "Gemeinsamer Bauhof")
        let refusal = "Der Name des Verbunds darf höchstens 120 Zeichen lang sein und keine Steuerzeichen enthalten."
        #expect(throws: ValidationMessage(refusal)) { try VerbundName.parse(String(repeating: "a", count: 121), fallback: "x").get() }
        #expect(throws: ValidationMessage(refusal)) { try VerbundName.parse("Bau\u{7}hof", fallback: "x").get() }
    }

    @Test("invitations: as partner or associated, a town or provider as typed, a Zweckverband with name and Land")
    func invitation() throws {
        typealias Parsed = Result<VerbundInvitationInput, ValidationMessage>
        func parse(_ member: String?, role: String? = nil, kind: String? = nil, land: String? = nil) -> Parsed {
            VerbundInvitationInput.parse(member: member, role: role, kind: kind, land: land, register: F.register)
        }
        #expect(try parse(" Oelde ").get() == .member(typed: "Oelde", role: .partner))
        #expect(try parse("05570052", role: "assoziiert").get() == .member(typed: "05570052", role: .assoziiert))
        #expect(throws: ValidationMessage("Eingeladen wird als Partner oder assoziiert.")) { try parse("Oelde", role: "konsortialfuehrung").get() }
        #expect(throws: ValidationMessage("Eingeladen wird als Partner oder assoziiert.")) { try parse("Oelde", role: "chef").get() }
        #expect(
            try parse("Zweckverband Bauhof", kind: "zweckverband", land: "05").get()
                == .zweckverband(name: "Zweckverband Bauhof", landCode: "05", role: .partner))
        #expect(throws: ValidationMessage("Bitte den Namen des Zweckverbands angeben (höchstens 150 Zeichen).")) {
            try parse(" ", kind: "zweckverband", land: "05").get()
        }
        #expect(throws: ValidationMessage("Bitte das Land des Zweckverbands wählen.")) { try parse("ZV", kind: "zweckverband", land: "05570").get() }
    }

    @Test("the status moves only to the steps that may follow, and the refusal names them")
    func status() throws {
        #expect(try VerbundStatus.inBildung.step(to: "antrag-in-vorbereitung").get() == .antragInVorbereitung)
        #expect(throws: ValidationMessage("Von „in Gründung“ geht es weiter zu: Antrag in Vorbereitung.")) {
            try VerbundStatus.inBildung.step(to: "bewilligt").get()
        }
        #expect(throws: ValidationMessage("Von „Antrag in Vorbereitung“ geht es weiter zu: in Gründung, eingereicht.")) {
            try VerbundStatus.antragInVorbereitung.step(to: nil).get()
        }
    }

    @Test("a programme is chosen from the catalogue, or none")
    func programme() throws {
        #expect(try F.funding.choice(" ikz-nrw ").get() == "ikz-nrw")
        #expect(try F.funding.choice("").get() == nil)
        #expect(throws: ValidationMessage("Unbekanntes Förderprogramm „gibt-es-nicht“.")) { try F.funding.choice("gibt-es-nicht").get() }
    }

    @Test("a date needs a kind, a title, a real day and a member that is in; every problem at once")
    func date() throws {
        let members = [F.member(F.ahlen), F.member(F.oelde, .invited)]
        let input = try VerbundDateInput.parse(kind: "frist", title: " Antrag IKZ ", due: "2030-01-15", owner: F.ahlen, members: members).get()
        #expect(input == VerbundDateInput(kind: .frist, title: "Antrag IKZ", due: "2030-01-15", ownerKey: F.ahlen))
        guard case .failure(let problems) = VerbundDateInput.parse(kind: "feier", title: "", due: "2026-02-30", owner: F.oelde, members: members)
        else {
            Issue.record("expected the problems")
            return
        }
        #expect(
            problems.messages.map(\.text) == [
                "Bitte wählen Sie Frist, Meilenstein oder Aufgabe.", "„Was“ muss 1 bis 120 Zeichen lang sein (ohne Steuerzeichen).",
                "„2026-02-30“ ist kein Datum (JJJJ-MM-TT).", "Verantwortlich ist eine Kommune, die im Verbund dabei ist.",
            ])
    }
}
