import AufwindCore
import Fluent
import Vapor

/// `/api/v1/foerderprogramme` (programmes, their rules and the eligibility check) and
/// `/api/v1/verbuende/{id}` (a Verbund, for its members, with an API token).
struct FundingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("foerderprogramme", use: list)
        api.get("foerderprogramme", ":id", use: show)
        api.get("foerderprogramme", ":id", "pruefung", use: check)
        api.grouped(APITokenAuthMiddleware()).get("verbuende", ":id", use: verbund)
    }

    struct ProgrammeSummaryDTO: Content {
        var id: String
        var name: String
        var kurzname: String
        var ebene: String?
        var land: String?
        var status: String?
        var handlungsfelder: [String]
        var warnungen: [String]
    }

    struct RuleDTO: Content {
        var id: String
        var art: String
        var quelle: String
    }

    struct ProgrammeDTO: Content {
        var id: String
        var name: String
        var kurzname: String
        var foerdergeber: String?
        var ebene: String?
        var land: String?
        var status: String?
        var zusammenfassung: String?
        var handlungsfelder: [String]
        var antragsberechtigt: [String]
        var fristen: [String]
        var quellen: [String]
        var stand: String?
        var warnungen: [String]
        var regeln: [RuleDTO]
    }

    struct CheckDTO: Content {
        struct Rule: Content {
            var regel: String
            var art: String
            var ergebnis: String
            var erklaerung: String
            var quelle: String
        }
        var programm: String
        var urteil: String
        var mitglieder: [String]
        var esFehltNoch: [String]
        var regeln: [Rule]
        var foerderung: Double?
        var formel: String?
    }

    private func summary(_ programme: FundingProgramme, _ request: Request) -> ProgrammeSummaryDTO {
        ProgrammeSummaryDTO(
            id: programme.id, name: programme.name, kurzname: programme.displayName, ebene: programme.level, land: programme.land,
            status: programme.status,
            handlungsfelder: programme.handlungsfelder.map(\.rawValue),
            warnungen: programme.warnings(today: request.todayISO, rules: request.funding.rules[programme.id]))
    }

    @Sendable func list(request: Request) async throws -> [ProgrammeSummaryDTO] {
        request.funding.programmes.map { summary($0, request) }
    }

    private func programme(_ request: Request) throws -> FundingProgramme {
        let id = request.parameters.get("id") ?? ""
        guard let programme = request.funding.programme(id) else { throw ProblemDetails.notFound("Das Förderprogramm „\(id)“ gibt es nicht.") }
        return programme
    }

    @Sendable func show(request: Request) async throws -> ProgrammeDTO {
        let p = try programme(request)
        return ProgrammeDTO(
            id: p.id, name: p.name, kurzname: p.displayName, foerdergeber: p.funder, ebene: p.level, land: p.land, status: p.status,
            zusammenfassung: p.summary, handlungsfelder: p.handlungsfelder.map(\.rawValue), antragsberechtigt: p.eligibleApplicants ?? [],
            fristen: p.deadlines ?? [], quellen: p.sourceUrls, stand: p.sourceDate,
            warnungen: p.warnings(today: request.todayISO, rules: request.funding.rules[p.id]),
            regeln: (request.funding.rules[p.id]?.rules ?? []).map { RuleDTO(id: $0.id, art: $0.kindName, quelle: $0.source) })
    }

    struct CheckQuery: Content {
        var mitglieder: String?
        var fuehrung: String?
        var kosten: String?
    }

    /// `mitglieder`: comma-separated AGS or Kreis keys; unknown keys 404, duplicates and a lead
    /// outside the members 409, malformed values 400.
    @Sendable func check(request: Request) async throws -> CheckDTO {
        let p = try programme(request)
        let query = try request.query.decode(CheckQuery.self)
        let keys = (query.mitglieder ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !keys.isEmpty, keys.count <= 100, keys.allSatisfy({ $0.range(of: #"^([0-9]{5}|[0-9]{8})$"#, options: .regularExpression) != nil })
        else {
            throw ProblemDetails.badRequest("„mitglieder“: 1 bis 100 Schlüssel (AGS mit 8 oder Kreisschlüssel mit 5 Ziffern), durch Kommas getrennt.")
        }
        guard Set(keys).count == keys.count else {
            throw ProblemDetails(title: "Konflikt", status: 409, detail: "Ein Mitglied steht doppelt in „mitglieder“.")
        }
        let resolver = VerbundResolver(catalog: request.register)
        var members: [VerbundMember] = []
        for key in keys {
            guard let member = resolver.member(key: key) else {
                throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
            }
            members.append(member)
        }
        if let lead = query.fuehrung {
            guard lead.range(of: #"^([0-9]{5}|[0-9]{8})$"#, options: .regularExpression) != nil else {
                throw ProblemDetails.badRequest("„fuehrung“ ist ein Schlüssel mit 5 oder 8 Ziffern.")
            }
            guard keys.contains(lead) else {
                throw ProblemDetails(title: "Konflikt", status: 409, detail: "Die federführende Kommune \(lead) gehört nicht zu den Mitgliedern.")
            }
        }
        var costs: Double?
        if let raw = query.kosten {
            guard let value = Double(raw), value.isFinite, value > 0, value <= 1e12 else {
                throw ProblemDetails.badRequest("„kosten“ ist ein Eurobetrag größer 0 (z. B. 250000 oder 250000.50).")
            }
            costs = value
        }
        let verbund = VerbundFacts(members: members, leadKey: query.fuehrung, eligibleCosts: costs)
        let result = EligibilityChecker(landNames: resolver.landNames, today: request.todayISO)
            .check(verbund, against: request.funding.rules[p.id] ?? ProgrammeRules(programmeID: p.id, rules: []))
        return CheckDTO(
            programm: p.id, urteil: result.verdict.rawValue, mitglieder: keys, esFehltNoch: result.missing,
            regeln: result.results.map {
                .init(regel: $0.rule.id, art: $0.rule.kindName, ergebnis: $0.outcome.rawValue, erklaerung: $0.explanation, quelle: $0.rule.source)
            },
            foerderung: result.estimate?.amount, formel: result.estimate?.formula)
    }

    struct VerbundDTO: Content {
        struct Member: Content {
            var schluessel: String
            var name: String
            var rolle: String
            var status: String
        }
        struct DateEntry: Content {
            var art: String
            var titel: String
            var faellig: String
            var verantwortlich: String
            var erledigt: Bool
        }
        var id: String
        var name: String
        /// What the Verbund is about ("" when not described).
        var beschreibung: String
        var status: String
        var konsortialfuehrung: String
        var programm: String?
        var mitglieder: [Member]
        var termine: [DateEntry]
    }

    @Sendable func verbund(request: Request) async throws -> VerbundDTO {
        guard let id = request.parameters.get("id", as: UUID.self), let verbund = try await VerbundModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diesen Verbund gibt es nicht.")
        }
        let members = try await VerbundMemberModel.query(on: request.db).filter(\.$verbundID == id).sort(\.$createdAt).all()
        // The same rule as the workspace: only towns and providers that are in the Verbund.
        try request.authorize(.viewVerbund, verbund.resource(members, now: request.now))
        let directory = TownDirectory(catalog: request.register)
        let dates = try await VerbundDateModel.query(on: request.db).filter(\.$verbundID == id).sort(\.$due).all()
        return VerbundDTO(
            id: id.uuidString.lowercased(), name: verbund.name, beschreibung: verbund.descriptionText, status: verbund.status,
            konsortialfuehrung: verbund.leadKey,
            programm: verbund.programmeID,
            mitglieder: members.map {
                .init(schluessel: $0.memberKey, name: $0.membership.displayName(directory), rolle: $0.role, status: $0.status)
            },
            termine: dates.map { .init(art: $0.kind, titel: $0.title, faellig: $0.due, verantwortlich: $0.ownerKey, erledigt: $0.done) })
    }
}
