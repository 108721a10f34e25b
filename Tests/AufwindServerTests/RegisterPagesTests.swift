import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("Kommunenverzeichnis pages")
struct RegisterPagesTests {
    @Test("every page answers in German with the source attribution", arguments: TestDatabase.available)
    func pages(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let pages: [(String, String)] = [
                ("/", "Aufwind – gemeinsam mehr erreichen"),
                ("/gemeinden?q=Muenster", "Münster"),
                ("/gemeinden/05515000", "308.258"),
                ("/kreise", "Warendorf"),
                ("/kreise/05570", "Ahlen"),
                ("/laender", "Nordrhein-Westfalen"),
                ("/laender/05", "Reg.-Bez. Münster"),
                ("/regierungsbezirke/055", "Warendorf"),
                ("/quellen", "Datenlizenz Deutschland"),
            ]
            for (path, expected) in pages {
                try await app.testing().test(.GET, path) { response async throws in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers.contentType == .html, "\(path)")
                    let body = response.body.string
                    #expect(body.contains(expected), "\(path) should contain \(expected)")
                    #expect(body.contains("Datenquelle: Statistisches Bundesamt (Destatis)"), "\(path)")
                    #expect(body.contains("<html lang=\"de\">"), "\(path)")
                    #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                }
            }
        }
    }

    @Test("the profile shows every register field, the ten nearest and a map", arguments: TestDatabase.available)
    func profile(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/gemeinden/05570004") { response async throws in
                let body = response.body.string
                for fact in ["05570004", "055700004004", "52.666", "123,28 km²", "Warendorf", "Nordrhein-Westfalen", "<svg", "Oelde"] {
                    #expect(body.contains(fact), "profile should show \(fact)")
                }
            }
        }
    }

    @Test("identical names are told apart; bad filters get a German message and 400", arguments: TestDatabase.available)
    func searchPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/gemeinden?q=Munster") { response async throws in
                let body = response.body.string
                #expect(body.contains("Heidekreis") && body.contains("Niedersachsen"))
                #expect(body.range(of: "Munster")!.lowerBound < body.range(of: "/gemeinden/05515000")!.lowerBound)
            }
            try await app.testing().test(.GET, "/gemeinden?groesse=riesig") { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("Unbekannte Größenklasse"))
            }
            try await app.testing().test(.GET, "/gemeinden?von=Ahlen&sort=entfernung") { response async throws in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("0,0 km"))
            }
            try await app.testing().test(.GET, "/gemeinden?kreis=05570") { response async throws in
                // A Kreis alone shows its Land as chosen, and the Kreis in the Kreis list
                #expect(response.body.string.contains("<option value=\"05\" selected=\"selected\">Nordrhein-Westfalen</option>"))
                #expect(response.body.string.contains("<option value=\"05570\" selected=\"selected\">"))
            }
            try await app.testing().test(.GET, "/gemeinden/12345678") { response async throws in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Es gibt keine Gemeinde mit dem Schlüssel 12345678."))
            }
        }
    }

    @Test("script in a query is shown as text, never run")
    func escaping() async throws {
        try await withAufwind(.sqlite) { app in
            try await RegisterFixture.importInto(app)
            try await app.testing().test(.GET, "/gemeinden?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E") { response async throws in
                #expect(!response.body.string.contains("<script>alert(1)"))
                #expect(response.body.string.contains("&lt;script&gt;"))
            }
            try await app.testing().test(.GET, "/gemeinden?q=%22%3E%3Cimg%20src%3Dx%3E") { response async throws in
                #expect(!response.body.string.contains("\"><img"))
                #expect(response.body.string.contains("value=\"&quot;&gt;&lt;img src=x&gt;\""))
            }
        }
    }

    @Test("without reference data the start page names the files and where to get them")
    func missingData() async throws {
        try await withAufwind(.sqlite) { app in
            try await app.prepareForServing()
            try await app.testing().test(.GET, "/") { response async throws in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("GV100AD"))
                #expect(response.body.string.contains("Destatis"))
            }
        }
    }
}
