/// Turns what people type ("Ahlen, Oelde" or "05570004,05570036", a Kreis key) into Verbund
/// members from the register; every unknown entry is named.
public struct VerbundResolver: Sendable {
    public var catalog: RegisterCatalog

    public init(catalog: RegisterCatalog) { self.catalog = catalog }

    public func member(key: String) -> VerbundMember? {
        if key.count == 8, let g = catalog.gemeinde(ags: key), !g.isGemeindefrei, catalog.historical[key] == nil {
            return VerbundMember(
                key: g.ags, name: g.displayName, type: .gemeinde, landCode: g.landCode, population: g.population, kreisKey: g.kreisKey,
                registerKind: g.kindWord)
        }
        if key.count == 5, let kreis = catalog.unit(key: key), kreis.kind == .kreis {
            return VerbundMember(
                key: kreis.key, name: kreis.displayName, type: .kreis, landCode: String(key.prefix(2)),
                population: catalog.totals(of: key).population, kreisKey: key, registerKind: kreis.kindWord)
        }
        return nil
    }

    /// Members from a comma- or line-separated list of keys or names.
    public func members(_ typed: String) -> Result<[VerbundMember], ValidationMessages> {
        var members: [VerbundMember] = []
        var errors: [ValidationMessage] = []
        let entries = typed.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        if entries.isEmpty { errors.append("Bitte nennen Sie mindestens ein Mitglied (Name, AGS oder Kreisschlüssel).") }
        if entries.count > 500 { errors.append("Höchstens 500 Mitglieder.") }
        let choices = TownChoices(catalog: catalog)
        for entry in entries.prefix(500) {
            let answer = choices.lookup(entry)
            if case .town(let key) = answer, let member = member(key: key) {
                members.append(member)
                continue
            }
            switch answer {
            case .town, .notFound:
                errors.append("„\(entry)“: keine Gemeinde und kein Kreis gefunden.")
            case .choose(let options, let more):
                errors.append(Self.ambiguity(entry, options, more: more))
            }
        }
        return errors.isEmpty ? .success(members) : .failure(ValidationMessages(messages: errors))
    }

    /// A name that several towns bear, or that only begins or resembles a name, is a question:
    /// the message names the towns it may mean with their keys, so nothing is checked by surprise.
    static func ambiguity(_ entry: String, _ options: [TownChoice], more: Bool) -> ValidationMessage {
        let shown = options.prefix(5).map { "\($0.name) (\($0.kreis), \($0.land); AGS \($0.key))" }
        let rest = options.count - shown.count
        let tail = rest > 0 || more ? " und weitere" : ""
        return ValidationMessage(
            "„\(entry)“ ist nicht eindeutig – gemeint sein kann \(shown.joined(separator: ", "))\(tail). Bitte geben Sie die AGS an.")
    }

    public var landNames: [String: String] {
        Dictionary(uniqueKeysWithValues: catalog.units(of: .land).map { ($0.key, $0.name) })
    }

    /// Every Gemeinde of the register as a possible member (the candidates for completing a Verbund).
    public var allGemeinden: [VerbundMember] { catalog.gemeinden.compactMap { member(key: $0.ags) } }
}
