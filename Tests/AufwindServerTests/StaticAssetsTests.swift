import Crypto
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Assets: CSS and JavaScript as files, served under content-hashed names")
struct StaticAssetsTests {
    /// The file as it lies in the repository.
    static func source(_ asset: SiteAsset) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: folder.appendingPathComponent("Sources/AufwindServer/Web/Assets/\(asset.fileName)"), encoding: .utf8)
    }

    @Test("the layout links the stylesheet and icon by their content hashes; the file is served for a year, unchanged")
    func layoutLinksHashedStylesheet() async throws {
        try await withAufwind(.sqlite) { app in
            let page = try await Browser(app).get("/quellen")
            #expect(page.status == .ok)
            let stylesheet = SiteAsset.stylesheet.path
            #expect(stylesheet.range(of: #"^/assets/aufwind\.[0-9a-f]{8}\.css$"#, options: .regularExpression) != nil)
            #expect(page.body.contains("<link rel=\"stylesheet\" href=\"\(stylesheet)\""))
            #expect(page.body.contains("href=\"\(SiteAsset.favicon.path)\""))

            let css = try await Browser(app).get(stylesheet)
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            #expect(css.headers.first(name: .contentType) == "text/css; charset=utf-8")
            #expect(css.body == (try Self.source(.stylesheet)))
            let hash = SHA256.hash(data: Data(css.body.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
            #expect(stylesheet == "/assets/aufwind.\(hash).css", "the name carries the hash of what is served")
        }
    }

    @Test("every asset is served under its hashed name with its file's content", arguments: SiteAsset.allCases)
    func everyAsset(asset: SiteAsset) async throws {
        try await withAufwind(.sqlite) { app in
            let response = try await Browser(app).get(asset.path)
            #expect(response.status == .ok)
            #expect(response.body == (try Self.source(asset)))
            #expect(response.headers.contentType == asset.contentType)
            #expect(response.headers.first(name: .cacheControl) == StaticAssetsController.immutable)
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
        }
    }

    @Test("signed in, pages stay no-store while the assets keep their year; the scripts are linked by hash")
    func signedIn() async throws {
        try await withAufwind(.sqlite) { app in
            let anna = try await AccountFixture.user("anna@ahlen.de", on: app)
            let browser = try await AccountFixture.signedIn(anna, app: app)
            #expect(browser.sessionCookie != nil)
            let page = try await browser.get("/konto")
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            let css = try await browser.get(SiteAsset.stylesheet.path)
            #expect(css.headers.first(name: .cacheControl) == StaticAssetsController.immutable)
            #expect(css.headers.first(name: .setCookie) == nil)
            #expect(SiteAsset.stageScript.path.hasSuffix(".js") && SiteAsset.planningScript.path != SiteAsset.stageScript.path)
        }
    }

    @Test("an outdated hash leads to the current file, an unknown name is 404, the unhashed URLs keep working")
    func oldAndUnknownNames() async throws {
        try await withAufwind(.sqlite) { app in
            let browser = Browser(app)
            let outdated = try await browser.get("/assets/aufwind.00000000.css")
            #expect(outdated.status == .temporaryRedirect)
            #expect(outdated.headers.first(name: .location) == SiteAsset.stylesheet.path)
            #expect(outdated.headers.first(name: .cacheControl) == "no-cache")
            #expect(try await browser.get("/assets/unbekannt.1234abcd.css").status == .notFound)
            #expect(try await browser.get("/assets/aufwind.css").status == .notFound)
            for asset in SiteAsset.allCases {
                let old = try await browser.get("/static/\(asset.fileName)")
                let source = try Self.source(asset)
                #expect(old.status == .ok && old.body == source)
                #expect(old.headers.first(name: .cacheControl) == "public, max-age=3600")
            }
            let icon = try await browser.get("/favicon.ico")
            #expect(icon.status == .movedPermanently && icon.headers.first(name: .location) == "/static/favicon.svg")
        }
    }
}
