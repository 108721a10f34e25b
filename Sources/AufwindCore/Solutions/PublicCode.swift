import Yams

/// A publiccode.yml read for Aufwind: the values of the fields Aufwind maps (to be checked and
/// completed in the solution form) and everything else, kept to be written back on export.
public struct PublicCodeImport: Sendable, Equatable {
    public var raw: SolutionInput.Raw
    /// The keys Aufwind does not map, as a YAML mapping ("" when there are none).
    public var preserved: String
}

/// Import and export of solutions as `publiccode.yml`, the metadata standard of Open CoDE and
/// Developers Italia (https://yml.publiccode.tools). Mapped: `name`, `url` (the repository of open
/// source), `landingURL`, `softwareVersion`, `releaseDate`, the short and long description (German,
/// else English, else the first language), `legal.license` (an SPDX id is open source,
/// `LicenseRef-…` proprietary) and the first of `maintenance.contacts`. What only Aufwind knows
/// (Handlungsfelder, needs, operation, EU hosting, interfaces, price model) is in an `x-aufwind`
/// section. Every other key is kept as it was and written back on export.
public enum PublicCode {
    public static let maximumBytes = 200_000
    /// A file with more nodes is refused: aliases can make a small file enormous.
    public static let maximumNodes = 20_000
    public static let exportedVersion = "0.4"
    static let extensionKey = "x-aufwind"

    // MARK: Import

    public static func parse(_ text: String) -> Result<PublicCodeImport, PublicCodeProblem> {
        guard text.utf8.count <= maximumBytes else {
            return .failure(PublicCodeProblem(line: nil, field: nil, message: "Die Datei ist größer als 200 KB."))
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(PublicCodeProblem(line: 1, field: nil, message: "Die Datei ist leer."))
            }
            root = node
        } catch let error as YamlError {
            return .failure(problem(error))
        } catch {
            return .failure(PublicCodeProblem(line: nil, field: nil, message: "Die Datei ist kein gültiges YAML."))
        }
        var budget = maximumNodes
        guard fits(root, budget: &budget) else {
            return .failure(PublicCodeProblem(line: nil, field: nil, message: "Die Datei hat zu viele Einträge (höchstens 20.000)."))
        }
        do {
            return .success(try read(root))
        } catch let problem as PublicCodeProblem {
            return .failure(problem)
        } catch {
            return .failure(PublicCodeProblem(line: nil, field: nil, message: "Die Datei konnte nicht gelesen werden."))
        }
    }

    /// Whether `text` is what `parse` keeps: a YAML mapping within the size and node limits. The
    /// kept keys travel through the solution form and are checked again before they are stored.
    public static func isKeptSection(_ text: String) -> Bool {
        guard text.utf8.count <= maximumBytes, let node = try? Yams.compose(yaml: text), node.mapping != nil else { return false }
        var budget = maximumNodes
        return fits(node, budget: &budget)
    }

    private static func problem(_ error: YamlError) -> PublicCodeProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return PublicCodeProblem(line: mark.line, field: nil, message: "kein gültiges YAML (\(problem)).")
        case .reader:
            return PublicCodeProblem(line: nil, field: nil, message: "Die Datei ist kein UTF-8-Text.")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PublicCodeProblem(
                line: context.mark.line, field: duplicates.first, message: "Dieses Feld steht mehrfach in derselben Ebene.")
        default:
            return PublicCodeProblem(line: nil, field: nil, message: "Die Datei ist kein gültiges YAML.")
        }
    }

    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping { guard fits(key, budget: &budget), fits(value, budget: &budget) else { return false } }
        case .sequence(let sequence):
            for value in sequence { guard fits(value, budget: &budget) else { return false } }
        default:
            break
        }
        return true
    }

    private static func read(_ root: Node) throws -> PublicCodeImport {
        guard var top = root.mapping else {
            throw PublicCodeProblem(line: root.mark?.line, field: nil, message: "Die Datei muss eine Zuordnung von Feldern sein (Feld: Wert).")
        }
        var raw = SolutionInput.Raw()
        guard let version = try take(&top, "publiccodeYmlVersion", path: "publiccodeYmlVersion", at: root) else {
            throw PublicCodeProblem(line: 1, field: "publiccodeYmlVersion", message: "Pflichtfeld fehlt: Das ist keine publiccode.yml.")
        }
        _ = version
        raw.name = try take(&top, "name", path: "name", at: root)
        guard raw.name != nil else { throw PublicCodeProblem(line: root.mark?.line, field: "name", message: "Pflichtfeld fehlt.") }
        let url = try take(&top, "url", path: "url", at: root)
        raw.website = try take(&top, "landingURL", path: "landingURL", at: root)
        raw.version = try take(&top, "softwareVersion", path: "softwareVersion", at: root)
        raw.releaseDate = try take(&top, "releaseDate", path: "releaseDate", at: root)

        // description.<language>
        guard let descriptionNode = top["description"] else {
            throw PublicCodeProblem(line: root.mark?.line, field: "description", message: "Pflichtfeld fehlt.")
        }
        guard var languages = descriptionNode.mapping, !languages.isEmpty else {
            throw PublicCodeProblem(
                line: descriptionNode.mark?.line, field: "description", message: "muss Beschreibungen je Sprache enthalten (z. B. „de:“).")
        }
        let keys = languages.keys.compactMap(\.string)
        guard let language = ["de", "en"].first(where: keys.contains) ?? keys.first, var localised = languages[language]?.mapping else {
            throw PublicCodeProblem(
                line: descriptionNode.mark?.line, field: "description", message: "muss Beschreibungen je Sprache enthalten (z. B. „de:“).")
        }
        let prefix = "description.\(language)"
        let languageNode = languages[language]!
        raw.shortDescription = try take(&localised, "shortDescription", path: "\(prefix).shortDescription", at: languageNode)
        guard raw.shortDescription != nil else {
            throw PublicCodeProblem(line: languageNode.mark?.line, field: "\(prefix).shortDescription", message: "Pflichtfeld fehlt.")
        }
        raw.description = try take(&localised, "longDescription", path: "\(prefix).longDescription", at: languageNode)
        languages[language] = localised.isEmpty ? nil : .mapping(localised)
        top["description"] = languages.isEmpty ? nil : .mapping(languages)

        // legal.license
        if let legalNode = top["legal"] {
            guard var legal = legalNode.mapping else { throw mustBeMapping(legalNode, "legal") }
            if let license = try take(&legal, "license", path: "legal.license", at: legalNode) {
                let proprietary = license.hasPrefix("LicenseRef-") || license.lowercased() == "proprietary"
                raw.licence = proprietary ? SolutionLicence.proprietaer.rawValue : SolutionLicence.openSource.rawValue
                if !proprietary {
                    raw.licenceID = license
                    raw.repositoryURL = url
                }
            }
            top["legal"] = legal.isEmpty ? nil : .mapping(legal)
        }
        if raw.licence == nil, url != nil { raw.repositoryURL = url }

        // maintenance.contacts[0]
        if let maintenanceNode = top["maintenance"] {
            guard var maintenance = maintenanceNode.mapping else { throw mustBeMapping(maintenanceNode, "maintenance") }
            if let contactsNode = maintenance["contacts"] {
                guard var contacts = contactsNode.sequence else {
                    throw PublicCodeProblem(line: contactsNode.mark?.line, field: "maintenance.contacts", message: "muss eine Liste sein.")
                }
                if let firstNode = contacts.first {
                    guard var first = firstNode.mapping else { throw mustBeMapping(firstNode, "maintenance.contacts[0]") }
                    raw.contactName = try take(&first, "name", path: "maintenance.contacts[0].name", at: firstNode)
                    raw.contactEmail = try take(&first, "email", path: "maintenance.contacts[0].email", at: firstNode)
                    if first.isEmpty { contacts.remove(at: contacts.startIndex) } else { contacts[contacts.startIndex] = .mapping(first) }
                }
                maintenance["contacts"] = contacts.isEmpty ? nil : .sequence(contacts)
            }
            top["maintenance"] = maintenance.isEmpty ? nil : .mapping(maintenance)
        }

        // x-aufwind
        if let ownNode = top[extensionKey] {
            guard var own = ownNode.mapping else { throw mustBeMapping(ownNode, extensionKey) }
            let path = extensionKey
            raw.handlungsfelder = try takeList(&own, "handlungsfelder", path: "\(path).handlungsfelder", at: ownNode) ?? []
            raw.unterthemen = try takeList(&own, "unterthemen", path: "\(path).unterthemen", at: ownNode) ?? []
            raw.needsServed = try take(&own, "bedarfe", path: "\(path).bedarfe", at: ownNode)
            raw.operations = try takeList(&own, "betrieb", path: "\(path).betrieb", at: ownNode) ?? []
            if let hosting = try take(&own, "hostingInDerEU", path: "\(path).hostingInDerEU", at: ownNode) {
                switch hosting.lowercased() {
                case "true", "yes", "ja": raw.euHosting = "ja"
                case "false", "no", "nein": raw.euHosting = "nein"
                default:
                    throw PublicCodeProblem(line: ownNode.mark?.line, field: "\(path).hostingInDerEU", message: "muss true oder false sein.")
                }
            }
            raw.interfaces = try takeList(&own, "schnittstellen", path: "\(path).schnittstellen", at: ownNode)?.joined(separator: ", ")
            raw.priceModel = try take(&own, "preismodell", path: "\(path).preismodell", at: ownNode)
            raw.releaseNotes = try take(&own, "neuerungen", path: "\(path).neuerungen", at: ownNode)
            top[extensionKey] = own.isEmpty ? nil : .mapping(own)
        }

        let preserved = top.isEmpty ? "" : ((try? Yams.serialize(node: .mapping(top), allowUnicode: true)) ?? "")
        return PublicCodeImport(raw: raw, preserved: preserved)
    }

    private static func mustBeMapping(_ node: Node, _ path: String) -> PublicCodeProblem {
        PublicCodeProblem(line: node.mark?.line, field: path, message: "muss eine Zuordnung von Feldern sein.")
    }

    /// Removes `key` from `mapping` and returns its text; a list or mapping there is refused.
    private static func take(_ mapping: inout Node.Mapping, _ key: String, path: String, at parent: Node) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar else {
            throw PublicCodeProblem(
                line: node.mark?.line ?? parent.mark?.line, field: path, message: "muss ein Text sein, keine Liste oder Zuordnung.")
        }
        mapping[key] = nil
        // An empty or null value (`name:`, `name: ~`, `name: null`) is not given.
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    /// Removes `key` and returns its list of texts (a single text is a list of one).
    private static func takeList(_ mapping: inout Node.Mapping, _ key: String, path: String, at parent: Node) throws -> [String]? {
        guard let node = mapping[key] else { return nil }
        if let scalar = node.scalar {
            mapping[key] = nil
            return scalar.string.isEmpty ? [] : [scalar.string]
        }
        guard let sequence = node.sequence else {
            throw PublicCodeProblem(line: node.mark?.line ?? parent.mark?.line, field: path, message: "muss eine Liste von Texten sein.")
        }
        var values: [String] = []
        for (index, element) in sequence.enumerated() {
            guard let scalar = element.scalar else {
                throw PublicCodeProblem(line: element.mark?.line, field: "\(path)[\(index)]", message: "muss ein Text sein.")
            }
            values.append(scalar.string)
        }
        mapping[key] = nil
        return values
    }
}
