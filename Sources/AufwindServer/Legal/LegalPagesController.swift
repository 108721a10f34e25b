import Vapor

/// The legal and trust pages linked in every footer: Impressum, Datenschutzerklärung,
/// Erklärung zur Barrierefreiheit and the help. They show the operator's configured details.
struct LegalPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("impressum") { req in
            HTMLResponse.render(ImprintPage(details: req.application.aufwindConfig.operatorDetails), request: req)
        }
        routes.get("datenschutz") { req in
            let config = req.application.aufwindConfig
            return HTMLResponse.render(
                PrivacyPolicyPage(details: config.operatorDetails, sessionLifetime: config.sessionLifetime, secureCookies: config.secureCookies),
                request: req)
        }
        routes.get("barrierefreiheit") { req in
            let config = req.application.aufwindConfig
            return HTMLResponse.render(AccessibilityStatementPage(details: config.operatorDetails, baseURL: config.baseURL), request: req)
        }
        routes.get("hilfe") { req in HTMLResponse.render(HelpPage(), request: req) }
    }
}
