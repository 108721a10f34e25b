import Yams

extension PublicCode {
    /// What the export needs besides the solution itself.
    public struct ExportContext: Sendable {
        /// The solution's page here: the `url` of a proprietary solution without a repository.
        public var pageURL: String
        /// A town's own open source is maintained "internal"ly, a provider's under "contract".
        public var publishedByTown: Bool
        /// The keys kept from an import ("" when none).
        public var preserved: String

        public init(pageURL: String, publishedByTown: Bool, preserved: String) {
            self.pageURL = pageURL
            self.publishedByTown = publishedByTown
            self.preserved = preserved
        }
    }

    /// Top-level keys in the order the standard lists them; kept keys follow in their own order.
    static let keyOrder = [
        "publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn", "softwareVersion", "releaseDate", "logo",
        "platforms", "categories", "usedBy", "roadmap", "developmentStatus", "softwareType", "intendedAudience", "description", "legal",
        "maintenance", "localisation", "dependsOn",
    ]

    /// The solution as publiccode.yml: the mapped fields, the `x-aufwind` section and every kept key.
    /// Required keys the solution has no value for get the standard's neutral values
    /// (`platforms: [web]`, `developmentStatus: stable`, `softwareType: standalone/web`).
    public static func export(_ input: SolutionInput, context: ExportContext) -> String {
        var kept = Node.Mapping([])
        if !context.preserved.isEmpty, let node = try? Yams.compose(yaml: context.preserved), let mapping = node.mapping {
            kept = mapping
        }
        var out: [String: Node] = [:]
        out["publiccodeYmlVersion"] = quoted(exportedVersion)
        out["name"] = text(input.name)
        let url =
            input.licence == .openSource && !input.repositoryURL.isEmpty
            ? input.repositoryURL : (input.website.isEmpty ? context.pageURL : input.website)
        out["url"] = text(url)
        if !input.website.isEmpty { out["landingURL"] = text(input.website) }
        if !input.version.isEmpty { out["softwareVersion"] = quoted(input.version) }
        if !input.releaseDate.isEmpty { out["releaseDate"] = quoted(input.releaseDate) }
        if kept["platforms"] == nil { out["platforms"] = .sequence(.init([text("web")])) }
        if kept["developmentStatus"] == nil { out["developmentStatus"] = text("stable") }
        if kept["softwareType"] == nil { out["softwareType"] = text("standalone/web") }

        // description.de: the two texts over whatever was kept for German.
        var languages = kept["description"]?.mapping ?? Node.Mapping([])
        var german = languages["de"]?.mapping ?? Node.Mapping([])
        german["shortDescription"] = text(input.shortDescription)
        german["longDescription"] = text(input.description)
        if german["features"] == nil { german["features"] = .sequence(.init([text(input.shortDescription)])) }
        languages["de"] = .mapping(german)
        out["description"] = .mapping(languages)

        var legal = kept["legal"]?.mapping ?? Node.Mapping([])
        legal["license"] = text(input.licence == .openSource ? input.licenceID : "LicenseRef-proprietary")
        out["legal"] = .mapping(legal)

        var maintenance = kept["maintenance"]?.mapping ?? Node.Mapping([])
        if maintenance["type"] == nil { maintenance["type"] = text(context.publishedByTown ? "internal" : "contract") }
        var contacts = maintenance["contacts"]?.sequence.map(Array.init) ?? []
        if !input.contactName.isEmpty {
            var contact = Node.Mapping([])
            contact["name"] = text(input.contactName)
            if !input.contactEmail.isEmpty { contact["email"] = text(input.contactEmail) }
            contacts.insert(.mapping(contact), at: 0)
        }
        if !contacts.isEmpty { maintenance["contacts"] = .sequence(.init(contacts)) }
        out["maintenance"] = .mapping(maintenance)
        if kept["localisation"] == nil {
            var localisation = Node.Mapping([])
            localisation["localisationReady"] = .scalar(.init("false", Tag(.bool)))
            localisation["availableLanguages"] = .sequence(.init([text("de")]))
            out["localisation"] = .mapping(localisation)
        }

        var own = kept[extensionKey]?.mapping ?? Node.Mapping([])
        own["handlungsfelder"] = list(input.handlungsfelder.map(\.rawValue))
        if !input.unterthemen.isEmpty { own["unterthemen"] = list(input.unterthemen) }
        if !input.needsServed.isEmpty { own["bedarfe"] = text(input.needsServed) }
        own["betrieb"] = list(input.operations.map(\.rawValue))
        own["hostingInDerEU"] = .scalar(.init(input.euHosting ? "true" : "false", Tag(.bool)))
        if !input.interfaces.isEmpty { own["schnittstellen"] = list(input.interfaces) }
        if !input.priceModel.isEmpty { own["preismodell"] = text(input.priceModel) }
        if !input.releaseNotes.isEmpty { own["neuerungen"] = text(input.releaseNotes) }

        var pairs: [(Node, Node)] = []
        for key in keyOrder {
            if let value = out[key] ?? kept[key] { pairs.append((text(key), value)) }
        }
        for (key, value) in kept where !(key.string.map { keyOrder.contains($0) || $0 == extensionKey } ?? false) {
            pairs.append((key, value))
        }
        pairs.append((text(extensionKey), .mapping(own)))
        let document = Node.mapping(.init(pairs))
        return (try? Yams.serialize(node: document, width: -1, allowUnicode: true)) ?? ""
    }

    private static func text(_ value: String) -> Node { .scalar(.init(value, Tag(.str))) }
    /// Versions and dates stay texts ("1.10" is not 1.1, "2026-05-01" not a timestamp).
    private static func quoted(_ value: String) -> Node { .scalar(.init(value, Tag(.str), .doubleQuoted)) }
    private static func list(_ values: [String]) -> Node { .sequence(.init(values.map(text))) }
}
