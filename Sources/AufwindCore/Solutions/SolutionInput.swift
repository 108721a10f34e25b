/// A solution (Lösung) as its Anbieter or town enters it, validated: what it does, for which
/// Handlungsfelder and needs, under which licence, how it is run, and its current release.
public struct SolutionInput: Sendable, Equatable, Codable {
    public var name: String
    /// At most 150 characters, as publiccode.yml's `shortDescription`.
    public var shortDescription: String
    public var description: String
    public var handlungsfelder: [Handlungsfeld]
    public var unterthemen: [String]
    /// Which needs it serves, in the publisher's words.
    public var needsServed: String
    public var licence: SolutionLicence
    /// Open source only: where the code is, and its SPDX licence id.
    public var repositoryURL: String
    public var licenceID: String
    public var operations: [SolutionOperation]
    public var euHosting: Bool
    /// Interfaces and standards, e.g. "FIT-Connect", "XBau".
    public var interfaces: [String]
    public var priceModel: String
    public var website: String
    public var contactName: String
    public var contactEmail: String
    /// The current release (empty when none is named) and its date (JJJJ-MM-TT or empty).
    public var version: String
    public var releaseDate: String
    public var releaseNotes: String

    public init(
        name: String, shortDescription: String, description: String, handlungsfelder: [Handlungsfeld], unterthemen: [String] = [],
        needsServed: String = "", licence: SolutionLicence, repositoryURL: String = "", licenceID: String = "",
        operations: [SolutionOperation], euHosting: Bool, interfaces: [String] = [], priceModel: String = "", website: String = "",
        contactName: String = "", contactEmail: String = "", version: String = "", releaseDate: String = "", releaseNotes: String = ""
    ) {
        self.name = name
        self.shortDescription = shortDescription
        self.description = description
        self.handlungsfelder = handlungsfelder
        self.unterthemen = unterthemen
        self.needsServed = needsServed
        self.licence = licence
        self.repositoryURL = repositoryURL
        self.licenceID = licenceID
        self.operations = operations
        self.euHosting = euHosting
        self.interfaces = interfaces
        self.priceModel = priceModel
        self.website = website
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.version = version
        self.releaseDate = releaseDate
        self.releaseNotes = releaseNotes
    }

    public static let nameLength = 2...100
    public static let maximumShortDescriptionLength = 150
    public static let maximumDescriptionLength = 10_000
    public static let maximumNeedsLength = 1_000
    public static let maximumPriceModelLength = 500
    public static let maximumInterfaces = 30
    public static let maximumInterfaceLength = 60
    public static let maximumURLLength = 300

    /// The raw values of a form, an API body or an imported file; nil stands for "not given".
    public struct Raw: Sendable, Equatable {
        public var name, shortDescription, description: String?
        public var handlungsfelder: [String]
        public var unterthemen: [String]
        public var needsServed, licence, repositoryURL, licenceID: String?
        public var operations: [String]
        public var euHosting: String?
        /// Separated by commas or line breaks.
        public var interfaces: String?
        public var priceModel, website, contactName, contactEmail: String?
        public var version, releaseDate, releaseNotes: String?

        public init(
            name: String? = nil, shortDescription: String? = nil, description: String? = nil, handlungsfelder: [String] = [],
            unterthemen: [String] = [], needsServed: String? = nil, licence: String? = nil, repositoryURL: String? = nil,
            licenceID: String? = nil, operations: [String] = [], euHosting: String? = nil, interfaces: String? = nil,
            priceModel: String? = nil, website: String? = nil, contactName: String? = nil, contactEmail: String? = nil,
            version: String? = nil, releaseDate: String? = nil, releaseNotes: String? = nil
        ) {
            self.name = name
            self.shortDescription = shortDescription
            self.description = description
            self.handlungsfelder = handlungsfelder
            self.unterthemen = unterthemen
            self.needsServed = needsServed
            self.licence = licence
            self.repositoryURL = repositoryURL
            self.licenceID = licenceID
            self.operations = operations
            self.euHosting = euHosting
            self.interfaces = interfaces
            self.priceModel = priceModel
            self.website = website
            self.contactName = contactName
            self.contactEmail = contactEmail
            self.version = version
            self.releaseDate = releaseDate
            self.releaseNotes = releaseNotes
        }

        /// The form's values of a saved solution.
        public init(_ input: SolutionInput) {
            self.init(
                name: input.name, shortDescription: input.shortDescription, description: input.description,
                handlungsfelder: input.handlungsfelder.map(\.rawValue), unterthemen: input.unterthemen, needsServed: input.needsServed,
                licence: input.licence.rawValue, repositoryURL: input.repositoryURL, licenceID: input.licenceID,
                operations: input.operations.map(\.rawValue), euHosting: input.euHosting ? "ja" : "nein",
                interfaces: input.interfaces.joined(separator: ", "), priceModel: input.priceModel, website: input.website,
                contactName: input.contactName, contactEmail: input.contactEmail, version: input.version, releaseDate: input.releaseDate,
                releaseNotes: input.releaseNotes)
        }
    }

    /// Checks and normalises; every problem gets a German message, all at once.
    public static func validate(_ raw: Raw) -> Result<SolutionInput, ValidationMessages> {
        var check = InputChecker()
        let name = check.text(raw.name, "Name", length: nameLength)
        let short = check.text(raw.shortDescription, "Kurzbeschreibung", length: 1...maximumShortDescriptionLength)
        let description = check.text(raw.description, "Beschreibung", length: 1...maximumDescriptionLength, multiline: true)
        var fields: [Handlungsfeld] = []
        switch Handlungsfeld.parseList(raw.handlungsfelder) {
        case .success(let parsed): fields = parsed
        case .failure(let message): check.fail(message)
        }
        var themes: [String] = []
        for id in raw.unterthemen where !id.isEmpty {
            guard let theme = Unterthema.find(id) else {
                check.fail("Unbekanntes Unterthema „\(id)“.")
                continue
            }
            if !themes.contains(theme.id) { themes.append(theme.id) }
            if !fields.contains(theme.feld) { fields.append(theme.feld) }
        }
        if fields.isEmpty, check.errors.allSatisfy({ !$0.text.hasPrefix("Unbekanntes Handlungsfeld") }) {
            check.fail("Bitte wählen Sie mindestens ein Handlungsfeld.")
        }
        let needs = check.text(raw.needsServed, "Welche Bedarfe sie löst", required: false, length: 0...maximumNeedsLength, multiline: true)
        let licence = check.choice(raw.licence, SolutionLicence.self, "Lizenz")
        var repository = ""
        var licenceID = ""
        if licence == .openSource {
            repository = check.text(raw.repositoryURL, "Repository (Adresse des Quellcodes)", length: 1...maximumURLLength)
            if !repository.isEmpty, !isWebAddress(repository) {
                check.fail("„Repository (Adresse des Quellcodes)“ muss eine Webadresse sein, die mit https:// oder http:// beginnt.")
            }
            licenceID = check.text(raw.licenceID, "Lizenz-Kennung (SPDX)", length: 1...80)
            if !licenceID.isEmpty, !SPDXExpression.isWellFormed(licenceID) {
                check.fail("„Lizenz-Kennung (SPDX)“ ist keine SPDX-Kennung wie „EUPL-1.2“ oder „AGPL-3.0-or-later“.")
            }
        }
        var operations: [SolutionOperation] = []
        for value in raw.operations where !value.isEmpty {
            guard let operation = SolutionOperation(rawValue: value) else {
                check.fail("Unbekannte Betriebsform „\(value)“.")
                continue
            }
            if !operations.contains(operation) { operations.append(operation) }
        }
        if operations.isEmpty, raw.operations.allSatisfy({ $0.isEmpty }) { check.fail("Bitte wählen Sie mindestens eine Betriebsform.") }
        operations.sort { SolutionOperation.allCases.firstIndex(of: $0)! < SolutionOperation.allCases.firstIndex(of: $1)! }
        var euHosting = false
        switch raw.euHosting ?? "" {
        case "ja": euHosting = true
        case "nein": euHosting = false
        case "": check.fail("Bitte geben Sie an, ob die Daten in der EU gehostet werden.")
        default: check.fail("Unbekannter Wert „\(raw.euHosting ?? "")“ für „Hosting in der EU“.")
        }
        let interfaces = interfaceList(raw.interfaces, &check)
        let price = check.text(raw.priceModel, "Preismodell", required: false, length: 0...maximumPriceModelLength, multiline: true)
        let website = check.text(raw.website, "Website", required: false, length: 0...maximumURLLength)
        if !website.isEmpty, !isWebAddress(website) { check.fail("Die Website muss mit https:// oder http:// beginnen.") }
        let contactName = check.text(raw.contactName, "Ansprechperson", required: false, length: 0...100)
        var contactEmail = (raw.contactEmail ?? "").trimmingSpaces
        if !contactEmail.isEmpty {
            switch AccountValidation.email(contactEmail) {
            case .success(let valid): contactEmail = valid
            case .failure(let message): check.fail(message)
            }
        }
        let version = check.text(raw.version, "Version", required: false, length: 0...30)
        var releaseDate = (raw.releaseDate ?? "").trimmingSpaces
        if !releaseDate.isEmpty { releaseDate = check.day(releaseDate, "Veröffentlicht am") }
        let notes = check.text(raw.releaseNotes, "Was ist neu", required: false, length: 0...500, multiline: true)
        if version.isEmpty, !releaseDate.isEmpty || !notes.isEmpty {
            check.fail("Bitte nennen Sie die Version, zu der Datum und Neuerungen gehören.")
        }
        return check.result(
            SolutionInput(
                name: name, shortDescription: short, description: description, handlungsfelder: fields, unterthemen: themes,
                needsServed: needs, licence: licence ?? .proprietaer, repositoryURL: repository, licenceID: licenceID, operations: operations,
                euHosting: euHosting, interfaces: interfaces, priceModel: price, website: website, contactName: contactName,
                contactEmail: contactEmail, version: version, releaseDate: releaseDate, releaseNotes: notes))
    }

    private static func isWebAddress(_ text: String) -> Bool {
        WebAddress.isHTTP(text) && !text.contains(where: \.isWhitespace) && text.count > "https://".count
    }

    /// "FIT-Connect, XBau" or one per line: each once (case-insensitively), in the order given.
    private static func interfaceList(_ raw: String?, _ check: inout InputChecker) -> [String] {
        let parts = (raw ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }).map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }
        var seen = Set<String>()
        var list: [String] = []
        for part in parts {
            if part.unicodeScalars.count > maximumInterfaceLength {
                check.fail("Eine Schnittstelle darf höchstens \(maximumInterfaceLength) Zeichen lang sein („\(part.prefix(20))…“).")
                continue
            }
            if part.containsControlCharacters() {
                check.fail("„Schnittstellen und Standards“ enthält unzulässige Steuerzeichen.")
                continue
            }
            if seen.insert(part.lowercased()).inserted { list.append(part) }
        }
        if list.count > maximumInterfaces { check.fail("Bitte nennen Sie höchstens \(maximumInterfaces) Schnittstellen und Standards.") }
        return Array(list.prefix(maximumInterfaces))
    }
}

/// A licence expression as SPDX writes them ("EUPL-1.2", "MIT OR Apache-2.0",
/// "GPL-3.0-or-later WITH Classpath-exception-2.0"): ids of letters, digits, ".", "-" and "+",
/// joined by AND, OR, WITH, in parentheses if need be. Checks the form, not a list of ids.
public enum SPDXExpression {
    public static func isWellFormed(_ text: String) -> Bool {
        let spaced = text.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
        let tokens = spaced.split(separator: " ").map(String.init)
        guard !tokens.isEmpty else { return false }
        var depth = 0
        var expectID = true
        for token in tokens {
            switch token {
            case "(":
                guard expectID else { return false }
                depth += 1
            case ")":
                guard !expectID, depth > 0 else { return false }
                depth -= 1
            case "AND", "OR", "WITH":
                guard !expectID else { return false }
                expectID = true
            default:
                guard expectID, isID(token) else { return false }
                expectID = false
            }
        }
        return depth == 0 && !expectID
    }

    private static func isID(_ token: String) -> Bool {
        let allowed = token.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-" || scalar == "+")
        }
        return allowed && token.first.map { $0.isLetter || $0.isNumber } == true
    }
}
