import Foundation
import Testing

@testable import AufwindServer

@Suite("API fields that are always in the JSON")
struct AlwaysEncodedTests {
    struct Distance: Codable {
        @AlwaysEncoded var entfernungKm: Double?
        var name: String
    }

    @Test("an unknown value is written as null, not left out")
    func nilIsNull() throws {
        let json = String(decoding: try JSONEncoder().encode(Distance(entfernungKm: nil, name: "Ahlen")), as: UTF8.self)
        #expect(json.contains(#""entfernungKm":null"#))
    }

    @Test("a known value is written as the number")
    func valueIsWritten() throws {
        let json = String(decoding: try JSONEncoder().encode(Distance(entfernungKm: 18.7, name: "Ahlen")), as: UTF8.self)
        #expect(json.contains(#""entfernungKm":18.7"#))
    }

    @Test("reading back: null and a missing key are both nil")
    func readsNullAndMissing() throws {
        let null = try JSONDecoder().decode(Distance.self, from: Data(#"{"entfernungKm":null,"name":"Ahlen"}"#.utf8))
        let missing = try JSONDecoder().decode(Distance.self, from: Data(#"{"name":"Ahlen"}"#.utf8))
        let value = try JSONDecoder().decode(Distance.self, from: Data(#"{"entfernungKm":3.5,"name":"Ahlen"}"#.utf8))
        #expect(null.entfernungKm == nil && missing.entfernungKm == nil && value.entfernungKm == 3.5)
    }
}
