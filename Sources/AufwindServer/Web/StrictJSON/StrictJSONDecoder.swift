import Foundation

/// Decodes an API request body as the OpenAPI document describes it, in one pass: `JSONDecoder`'s
/// strict types, and on top a field the type does not know is refused (`additionalProperties:
/// false`) and so is `null` (no request schema allows it). A test holds the body types' fields to
/// the document's request schemas.
struct StrictJSONDecoder {
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(Strict<T>.self, from: data).value
    }

    private struct Strict<Value: Decodable>: Decodable {
        var value: Value
        init(from decoder: any Decoder) throws { value = try Value(from: StrictDecoder(decoder)) }
    }
}

/// What the strict decoder refuses beyond `DecodingError`, with the path of the field.
enum StrictJSONRefusal: Error, Equatable {
    /// A field the body type does not have; `allowed` lists the fields it has, when it can tell.
    case unknownField(path: [JSONKey], allowed: [String]?)
    /// `null` where a value or no field at all was expected.
    case null(path: [JSONKey])
}

/// A key of a JSON object or an index of an array, for paths in errors.
struct JSONKey: CodingKey, Equatable {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
    init(_ key: any CodingKey) {
        stringValue = key.stringValue
        intValue = key.intValue
    }

    /// `personal.rolle`, `handlungsfelder[2]`.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }
}
