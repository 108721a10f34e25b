import AufwindCore
import Foundation
import OpenAPIKit
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// `Resources/openapi.json` is data: these tests hold it to OpenAPI 3.1 (OpenAPIKit), to the
/// domain's enums, to the text rules the server checks (`SchemaText`) and to the request body
/// types the strict decoder reads. (That it lists exactly the routes: `RegisterAPITests`.)
@Suite("The OpenAPI document: valid, and its enums, patterns and request fields are the server's")
struct OpenAPIDocumentTests {
    /// The document as plain JSON, for walking it.
    static func document() throws -> [String: Any] {
        let data = Data(try OpenAPIDocument.bundled().readableBytesView)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func schema(_ name: String) throws -> [String: Any] {
        let schemas = try #require((try document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        return try #require(schemas[name] as? [String: Any], "Schema \(name)")
    }

    /// Every value of `key` in the document with where it stands, e.g.
    /// "components › schemas › Art" or "paths › /api/v1/gemeinden › get › parameters › sort › schema"
    /// (array elements with a `name` go by it).
    static func occurrences(of key: String, in value: Any, at location: [String] = []) -> [(location: String, value: Any)] {
        if let object = value as? [String: Any] {
            var found: [(location: String, value: Any)] = []
            if let value = object[key] { found.append((location: location.joined(separator: " › "), value: value)) }
            for (name, child) in object.sorted(by: { $0.key < $1.key }) { found += occurrences(of: key, in: child, at: location + [name]) }
            return found
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { index, element in
                let name = (element as? [String: Any])?["name"] as? String ?? String(index)
                return occurrences(of: key, in: element, at: location + [name])
            }
        }
        return []
    }

    @Test("served as it ships, as JSON; OpenAPIKit parses it as OpenAPI 3.1 and validates it strictly", arguments: TestDatabase.available)
    func servedAndValid(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await app.testing().test(.GET, "/api/v1/openapi.json") { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentType) == "application/json; charset=utf-8")
                let served = Data(response.body.readableBytesView)
                #expect(served == Data(try OpenAPIDocument.bundled().readableBytesView))

                let document = try JSONDecoder().decode(OpenAPI.Document.self, from: served)
                #expect(document.openAPIVersion == .v3_1_0)
                // Strict: a warning while parsing (an unknown keyword, a 3.2 feature) fails too.
                try document.validate()
                // Every `$ref` points at a component that exists.
                let resolved = try document.locallyDereferenced()
                #expect(resolved.routes.count == document.paths.count)
            }
        }
    }

    /// The domain type behind every enum in the document.
    static let domainEnums: [String: [String]] = [
        "components › schemas › Art": ItemKind.allCases.map(\.rawValue),
        "components › schemas › Handlungsfeld": Handlungsfeld.allCases.map(\.rawValue),
        "components › schemas › Phase": EventPhase.allCases.map(\.rawValue),
        "components › schemas › Unterthema": Unterthema.all.map(\.id),
        "components › schemas › Groessenklasse": Groessenklasse.allCases.map(\.rawValue),
        "components › schemas › Stand": ItemStatus.allCases.map(\.rawValue),
        "components › schemas › Reichweite": Reach.allCases.map(\.rawValue),
        "components › schemas › Sichtbarkeit": Visibility.allCases.map(\.rawValue),
        "components › schemas › Personal › properties › form": StaffForm.allCases.map(\.rawValue),
        "components › schemas › EintragNeu › if › properties › art": kindsWithStaff,
        "components › schemas › EintragAenderung › if › properties › art": kindsWithStaff,
        "components › schemas › Erklaerung › items › properties › komponente": MatchExplanation.Component.allCases.map(\.rawValue),
        "components › schemas › Pruefung › properties › urteil": EligibilityVerdict.allCases.map(\.rawValue),
        "components › schemas › Pruefung › properties › regeln › items › properties › ergebnis": RuleResult.Outcome.allCases.map(\.rawValue),
        "paths › /api/v1/gemeinden › get › parameters › sort › schema": GemeindeQuery.Sort.allCases.map(\.rawValue),
        "components › schemas › Lizenzart": SolutionLicence.allCases.map(\.rawValue),
        "components › schemas › Betriebsform": SolutionOperation.allCases.map(\.rawValue),
        "components › schemas › Nutzungsstand": ReferenceStatus.allCases.map(\.rawValue),
        "paths › /api/v1/atlas/gemeinden.csv › get › parameters › format › schema": AtlasOpenData.CSVFlavour.allCases.map(\.rawValue),
    ]

    /// The kinds whose validation asks for the staff details (`personal` is required for them).
    static var kindsWithStaff: [String] {
        ItemKind.allCases.filter { kind in
            let raw = CooperationItemInput.Raw(
                kind: kind.rawValue, title: "Ein Titel", description: "Ein Text.", handlungsfelder: ["wohnen"], reach: "region", published: true)
            if case .failure = CooperationItemInput.validate(raw) { return true }
            return false
        }.map(\.rawValue)
    }

    @Test("every enum in the document lists exactly the cases of its domain type, in their order")
    func enumsAreTheDomainTypes() throws {
        let found = Self.occurrences(of: "enum", in: try Self.document())
        #expect(!found.isEmpty)
        for (location, value) in found {
            let listed = try #require(value as? [String], "\(location): enum of strings")
            let expected = try #require(Self.domainEnums[location], "\(location): an enum without a domain type in OpenAPIDocumentTests.domainEnums")
            #expect(listed == expected, "\(location)")
        }
        #expect(Set(found.map(\.location)) == Set(Self.domainEnums.keys), "every domain enum still stands in the document")
        #expect(Self.kindsWithStaff == ["personal-angebot", "personal-bedarf"])
    }

    /// The text rules the server checks, where the document publishes them.
    static let textRules: [String: String] = [
        "paths › /api/v1/gemeinden › get › parameters › q › schema": SchemaText.free,
        "paths › /api/v1/eintraege › get › parameters › q › schema": SchemaText.free,
        "paths › /api/v1/loesungen › get › parameters › q › schema": SchemaText.free,
        "components › schemas › Personal › properties › rolle": SchemaText.singleLine,
        "components › schemas › Personal › properties › dauer": SchemaText.singleLine,
        "components › schemas › Personal › properties › kostenteilung": SchemaText.optional(SchemaText.singleLine),
        "components › schemas › EintragNeu › properties › titel": SchemaText.singleLine,
        "components › schemas › EintragNeu › properties › beschreibung": SchemaText.multiLine,
        "components › schemas › EintragNeu › properties › zeitrahmen": SchemaText.optional(SchemaText.singleLine),
        "components › schemas › EintragNeu › properties › ansprechperson": SchemaText.optional(SchemaText.singleLine),
        "components › schemas › EintragAenderung › properties › titel": SchemaText.singleLine,
        "components › schemas › EintragAenderung › properties › beschreibung": SchemaText.multiLine,
        "components › schemas › EintragAenderung › properties › zeitrahmen": SchemaText.optional(SchemaText.singleLine),
        "components › schemas › EintragAenderung › properties › ansprechperson": SchemaText.optional(SchemaText.singleLine),
        "components › schemas › TownProfileUpdate › properties › ansprechperson": SchemaText.freeLine,
        "components › schemas › TownProfileUpdate › properties › email": SchemaText.email,
        "components › schemas › TownProfileUpdate › properties › website": SchemaText.website,
        "components › schemas › TownProfileUpdate › properties › beschreibung": SchemaText.free,
    ]

    @Test("the text patterns are SchemaText's, which the server checks; other patterns are plain keys")
    func patternsAreSchemaText() throws {
        let found = Self.occurrences(of: "pattern", in: try Self.document())
        for (location, value) in found {
            let pattern = try #require(value as? String)
            if let rule = Self.textRules[location] {
                #expect(pattern == rule, "\(location)")
            } else {
                #expect(!pattern.contains("\\"), "\(location): a text rule without its SchemaText entry in the test")
            }
        }
        #expect(Set(Self.textRules.keys).isSubset(of: Set(found.map(\.location))))
    }

    /// The request schemas the operations name, as `$ref` names.
    static func requestSchemas() throws -> Set<String> {
        let refs = occurrences(of: "requestBody", in: try document()).flatMap { occurrences(of: "$ref", in: $0.value) }
        return Set(refs.compactMap { ($0.value as? String)?.components(separatedBy: "/").last })
    }

    static func fields(_ schema: [String: Any]) throws -> Set<String> {
        Set(try #require(schema["properties"] as? [String: Any]).keys)
    }

    @Test("the body types decode exactly the fields of the request schemas, which allow no others")
    func requestFieldsAreTheBodyTypes() throws {
        #expect(try Self.requestSchemas() == ["EintragNeu", "EintragAenderung", "TownProfileUpdate"])
        let itemFields = try Self.fields(Self.schema("EintragNeu")).union(try Self.fields(Self.schema("EintragAenderung")))
        #expect(Set(ItemWriteDTO.CodingKeys.allCases.map(\.stringValue)) == itemFields)
        let staffFields = try Self.fields(Self.schema("Personal"))
        #expect(Set(ItemWriteDTO.Staff.CodingKeys.allCases.map(\.stringValue)) == staffFields)
        let profileFields = try Self.fields(Self.schema("TownProfileUpdate"))
        #expect(Set(TownProfileAPIController.ProfileUpdate.CodingKeys.allCases.map(\.stringValue)) == profileFields)
        for name in ["EintragNeu", "EintragAenderung", "Personal", "TownProfileUpdate"] {
            #expect(try Self.schema(name)["additionalProperties"] as? Bool == false, "\(name)")
        }
    }

    @Test("no request schema allows null, as the strict decoder assumes")
    func requestsAllowNoNull() throws {
        var seen: Set<String> = []
        var pending = Array(try Self.requestSchemas())
        while let name = pending.popLast() {
            guard seen.insert(name).inserted else { continue }
            let schema = try Self.schema(name)
            for (location, type) in Self.occurrences(of: "type", in: schema) {
                let types = (type as? [String]) ?? [type as? String].compactMap { $0 }
                #expect(!types.contains("null"), "\(name) › \(location)")
            }
            #expect(Self.occurrences(of: "nullable", in: schema).isEmpty, "\(name)")
            #expect(!(Self.occurrences(of: "enum", in: schema).contains { ($0.value as? [Any])?.contains { $0 is NSNull } == true }))
            pending += Self.occurrences(of: "$ref", in: schema).compactMap { ($0.value as? String)?.components(separatedBy: "/").last }
        }
        #expect(seen.contains("Personal") && seen.contains("Handlungsfeld"))
    }
}
