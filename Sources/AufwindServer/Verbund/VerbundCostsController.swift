import AufwindCore
import Vapor

/// `/verbuende/{id}/kosten`: members split a shared cost between the towns, as a table or as CSV.
struct VerbundCostsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("verbuende", ":id", "kosten", use: costs)
    }

    struct CostQuery: Content {
        var betrag: String?
        var foerderung: String?
        var methode: String?
        var sockel: String?
        var format: String?
        var nutzung: [String: String]?
    }

    @Sendable func costs(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.viewVerbund, workspace.resource)
        let query = try request.query.decode(CostQuery.self)
        let members = VerbundFacts(
            memberships: workspace.members.map(\.membership), leadKey: workspace.verbund.leadKey, resolver: VerbundResolver(catalog: request.register)
        ).members
        let input = CostSharingInput(
            amount: query.betrag ?? "", funding: query.foerderung ?? "", method: query.methode ?? "einwohner", base: query.sockel ?? "",
            usage: query.nutzung ?? [:])
        var page = CostSharingPage(
            id: workspace.verbund.id?.uuidString.lowercased() ?? "", name: workspace.verbund.name, members: members, form: input)
        // The empty form, until an amount is asked for.
        guard query.betrag != nil else { return HTMLResponse.render(page, request: request) }
        switch input.split(members: members) {
        case .failure(let problems):
            page.errors = problems.messages.map(\.text)
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        case .success(let split):
            if query.format == "csv" {
                return VerbundDownload.csv(CostSharing.csv(split.shares, method: split.method), fileName: "kostenteilung.csv")
            }
            page.shares = split.shares
            page.methodLabel = split.method.label
            return HTMLResponse.render(page, request: request)
        }
    }
}
