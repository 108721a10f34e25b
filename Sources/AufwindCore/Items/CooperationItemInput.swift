/// A Vorhaben, Bedarf, Angebot or staff offer/need as its town enters it, validated.
public struct CooperationItemInput: Sendable, Equatable, Codable {
    public var kind: ItemKind
    public var title: String
    public var description: String
    public var handlungsfelder: [Handlungsfeld]
    /// Sub-theme ids ("klima-energie/waermeplanung"), each of one of `handlungsfelder`.
    public var unterthemen: [String]
    /// Only for a Vorhaben.
    public var status: ItemStatus?
    public var reach: Reach
    public var desiredSizes: [Groessenklasse]
    public var timeFrame: String
    public var contactPerson: String
    public var visibility: Visibility
    public var published: Bool
    /// Only for staff offers and needs.
    public var staff: StaffSharing?

    public init(
        kind: ItemKind, title: String, description: String, handlungsfelder: [Handlungsfeld], unterthemen: [String], status: ItemStatus?,
        reach: Reach, desiredSizes: [Groessenklasse], timeFrame: String, contactPerson: String, visibility: Visibility, published: Bool,
        staff: StaffSharing?
    ) {
        self.kind = kind
        self.title = title
        self.description = description
        self.handlungsfelder = handlungsfelder
        self.unterthemen = unterthemen
        self.status = status
        self.reach = reach
        self.desiredSizes = desiredSizes
        self.timeFrame = timeFrame
        self.contactPerson = contactPerson
        self.visibility = visibility
        self.published = published
        self.staff = staff
    }

    public static let titleLength = 3...120
    public static let maximumDescriptionLength = 5_000
    public static let maximumShortTextLength = 100
    public static let maximumCostSplitLength = 300
    public static let hoursPerWeek = 1...60

    /// The raw values of a form or an API body; nil stands for "not given".
    public struct Raw: Sendable {
        public var kind, title, description: String?
        public var handlungsfelder: [String]
        public var unterthemen: [String]
        public var status, reach: String?
        public var desiredSizes: [String]
        public var timeFrame, contactPerson, visibility: String?
        public var published: Bool
        public var staffRole, staffHours, staffDuration, staffForm, staffCostSplit: String?

        public init(
            kind: String?, title: String?, description: String?, handlungsfelder: [String], unterthemen: [String] = [],
            status: String? = nil, reach: String?, desiredSizes: [String] = [], timeFrame: String? = nil, contactPerson: String? = nil,
            visibility: String? = nil, published: Bool, staffRole: String? = nil, staffHours: String? = nil, staffDuration: String? = nil,
            staffForm: String? = nil, staffCostSplit: String? = nil
        ) {
            self.kind = kind
            self.title = title
            self.description = description
            self.handlungsfelder = handlungsfelder
            self.unterthemen = unterthemen
            self.status = status
            self.reach = reach
            self.desiredSizes = desiredSizes
            self.timeFrame = timeFrame
            self.contactPerson = contactPerson
            self.visibility = visibility
            self.published = published
            self.staffRole = staffRole
            self.staffHours = staffHours
            self.staffDuration = staffDuration
            self.staffForm = staffForm
            self.staffCostSplit = staffCostSplit
        }
    }

    /// Checks and normalises; every problem gets a German message, all at once.
    public static func validate(_ raw: Raw) -> Result<CooperationItemInput, ValidationMessages> {
        var check = InputChecker()
        // Every text of an item may hold line breaks (as it always could).
        func text(_ value: String?, _ name: String, required: Bool, limit: Int, minimum: Int = 1) -> String {
            check.text(value, name, required: required, length: (required ? minimum : 0)...limit, multiline: true)
        }
        func choice<T: RawRepresentable>(_ value: String?, _ type: T.Type, _ name: String, default fallback: T? = nil) -> T?
        where T.RawValue == String {
            check.choice(value, type, name, default: fallback)
        }

        let kind = choice(raw.kind, ItemKind.self, "Art")
        let title = text(raw.title, "Titel", required: true, limit: titleLength.upperBound, minimum: titleLength.lowerBound)
        let description = text(raw.description, "Beschreibung", required: true, limit: maximumDescriptionLength)
        var fields: [Handlungsfeld] = []
        switch Handlungsfeld.parseList(raw.handlungsfelder) {
        case .success(let parsed): fields = parsed
        case .failure(let message): check.fail(message)
        }
        if fields.isEmpty, check.errors.allSatisfy({ !$0.text.hasPrefix("Unbekanntes Handlungsfeld") }) {
            check.fail("Bitte wählen Sie mindestens ein Handlungsfeld.")
        }
        // A sub-theme names its field: choosing "Wärmeplanung" means "Klima & Energie" too.
        var themes: [String] = []
        for id in raw.unterthemen where !id.isEmpty {
            guard let theme = Unterthema.find(id) else {
                check.fail("Unbekanntes Unterthema „\(id)“.")
                continue
            }
            if !themes.contains(theme.id) { themes.append(theme.id) }
            if !fields.isEmpty, !fields.contains(theme.feld) { fields.append(theme.feld) }
        }
        // Only a Vorhaben has a Stand (an idea until said otherwise); other kinds ignore it.
        var status: ItemStatus?
        if kind == .vorhaben {
            status = choice(raw.status, ItemStatus.self, "Stand", default: .idee)
        }
        let reach = choice(raw.reach, Reach.self, "Partnersuche")
        var sizes: [Groessenklasse] = []
        for value in raw.desiredSizes where !value.isEmpty {
            guard let size = Groessenklasse(rawValue: value) else {
                check.fail("Unbekannte Größenklasse „\(value)“.")
                continue
            }
            if !sizes.contains(size) { sizes.append(size) }
        }
        let timeFrame = text(raw.timeFrame, "Zeitrahmen", required: false, limit: maximumShortTextLength)
        let contact = text(raw.contactPerson, "Ansprechperson", required: false, limit: maximumShortTextLength)
        let visibility = choice(raw.visibility, Visibility.self, "Sichtbarkeit", default: .oeffentlich)

        var staff: StaffSharing?
        if kind == .personalAngebot || kind == .personalBedarf {
            let role = text(raw.staffRole, "Rolle", required: true, limit: maximumShortTextLength)
            let duration = text(raw.staffDuration, "Dauer", required: true, limit: maximumShortTextLength)
            let costSplit = text(raw.staffCostSplit, "Vorschlag zur Kostenteilung", required: false, limit: maximumCostSplitLength)
            let form = choice(raw.staffForm, StaffForm.self, "Form")
            let hoursText = (raw.staffHours ?? "").trimmingSpaces
            let hours = Int(hoursText)
            if hours == nil || !hoursPerWeek.contains(hours!) {
                check.fail("„Stunden pro Woche“ muss eine ganze Zahl von \(hoursPerWeek.lowerBound) bis \(hoursPerWeek.upperBound) sein.")
            }
            if let form, let hours { staff = StaffSharing(role: role, hoursPerWeek: hours, duration: duration, form: form, costSplit: costSplit) }
        }
        // Other kinds keep no staff details, even when a form sent some.
        guard check.errors.isEmpty, let kind, let reach, let visibility else { return .failure(ValidationMessages(messages: check.errors)) }
        return .success(
            CooperationItemInput(
                kind: kind, title: title, description: description, handlungsfelder: fields, unterthemen: themes, status: status, reach: reach,
                desiredSizes: sizes, timeFrame: timeFrame, contactPerson: contact, visibility: visibility, published: raw.published, staff: staff))
    }

    /// The fields that differ from `older`, by their German names: for the edit history.
    public func changedFields(since older: CooperationItemInput) -> [String] {
        var names: [String] = []
        if kind != older.kind { names.append("Art") }
        if title != older.title { names.append("Titel") }
        if description != older.description { names.append("Beschreibung") }
        if handlungsfelder != older.handlungsfelder || unterthemen != older.unterthemen { names.append("Handlungsfelder") }
        if status != older.status { names.append("Stand") }
        if reach != older.reach || desiredSizes != older.desiredSizes { names.append("Partnerprofil") }
        if timeFrame != older.timeFrame { names.append("Zeitrahmen") }
        if contactPerson != older.contactPerson { names.append("Ansprechperson") }
        if visibility != older.visibility { names.append("Sichtbarkeit") }
        if published != older.published { names.append(published ? "veröffentlicht" : "zurückgezogen") }
        if staff != older.staff { names.append("Personal") }
        return names
    }
}
