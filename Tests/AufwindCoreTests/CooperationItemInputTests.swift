import AufwindCore
import Testing

@Suite("Item input")
struct CooperationItemInputTests {
    static func raw(
        kind: String? = "bedarf", title: String? = "Digitale Schulverwaltung gesucht", description: String? = "Wir suchen ein Konzept.",
        fields: [String] = ["schule-bildung"], themes: [String] = [], status: String? = nil, reach: String? = "bundesweit"
    ) -> CooperationItemInput.Raw {
        CooperationItemInput.Raw(
            kind: kind, title: title, description: description, handlungsfelder: fields, unterthemen: themes, status: status, reach: reach,
            published: true)
    }

    static func messages(_ raw: CooperationItemInput.Raw) -> [String] {
        if case .failure(let errors) = CooperationItemInput.validate(raw) { return errors.messages.map(\.text) }
        return []
    }

    @Test("a valid Bedarf is accepted and trimmed")
    func valid() throws {
        let input = try CooperationItemInput.validate(Self.raw(title: "  Digitale Schulverwaltung  ")).get()
        #expect(input.title == "Digitale Schulverwaltung" && input.kind == .bedarf && input.visibility == .oeffentlich)
    }

    @Test("empty, overlong, unknown values and control characters are refused with German messages")
    func refused() {
        #expect(Self.messages(Self.raw(title: "", description: " ")) == ["Bitte füllen Sie „Titel“ aus.", "Bitte füllen Sie „Beschreibung“ aus."])
        #expect(Self.messages(Self.raw(title: String(repeating: "x", count: 121))) == ["„Titel“ darf höchstens 120 Zeichen lang sein."])
        #expect(Self.messages(Self.raw(fields: ["raumfahrt"])) == ["Unbekanntes Handlungsfeld „raumfahrt“."])
        #expect(Self.messages(Self.raw(fields: [])) == ["Bitte wählen Sie mindestens ein Handlungsfeld."])
        #expect(Self.messages(Self.raw(kind: "wunsch")) == ["Unbekannter Wert „wunsch“ für „Art“."])
        #expect(Self.messages(Self.raw(description: "a\u{0}b")) == ["„Beschreibung“ enthält unzulässige Steuerzeichen."])
        #expect(Self.messages(Self.raw(themes: ["mobilitaet/fliegen"])) == ["Unbekanntes Unterthema „mobilitaet/fliegen“."])
    }

    @Test("a sub-theme brings its field along")
    func subthemeField() throws {
        let input = try CooperationItemInput.validate(Self.raw(themes: ["mobilitaet/rad"])).get()
        #expect(input.handlungsfelder == [.schuleBildung, .mobilitaet] && input.unterthemen == ["mobilitaet/rad"])
    }

    @Test("a Vorhaben is an idea until its Stand says otherwise; staff items need role, hours, duration and form")
    func kindSpecific() throws {
        #expect(try CooperationItemInput.validate(Self.raw(kind: "vorhaben")).get().status == .idee)
        #expect(try CooperationItemInput.validate(Self.raw(kind: "bedarf", status: "laufend")).get().status == nil)
        #expect(try CooperationItemInput.validate(Self.raw(kind: "vorhaben", status: "partner-gesucht")).get().status == .partnerGesucht)
        var staff = Self.raw(kind: "personal-angebot")
        #expect(Self.messages(staff).count == 4)
        staff.staffRole = "Digitalisierungsbeauftragte:r"
        staff.staffHours = "20"
        staff.staffDuration = "2 Jahre"
        staff.staffForm = "gemeinsame-stelle"
        staff.staffCostSplit = "nach Einwohnern"
        #expect(try CooperationItemInput.validate(staff).get().staff?.form == .gemeinsameStelle)
        staff.staffHours = "70"
        #expect(Self.messages(staff) == ["„Stunden pro Woche“ muss eine ganze Zahl von 1 bis 60 sein."])
    }

    @Test("the edit history names what changed")
    func changes() throws {
        let before = try CooperationItemInput.validate(Self.raw()).get()
        var after = before
        after.title = "Neu"
        after.published = false
        #expect(after.changedFields(since: before) == ["Titel", "zurückgezogen"])
    }
}
