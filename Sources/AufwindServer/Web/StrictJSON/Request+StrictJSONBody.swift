import Foundation
import Vapor

extension Request {
    /// The JSON body as `T`, decoded once and strictly (`StrictJSONDecoder`). Anything the
    /// document does not allow is a 400 whose German detail names the field; nothing is saved.
    func strictJSONBody<T: Decodable>(_ type: T.Type) throws -> T {
        let data = Data(body.data?.readableBytesView ?? .init())
        do {
            return try StrictJSONDecoder().decode(type, from: data)
        } catch let refusal as StrictJSONRefusal {
            throw ProblemDetails.badRequest(Self.message(refusal))
        } catch let error as DecodingError {
            throw ProblemDetails.badRequest(Self.message(error))
        }
    }

    private static func message(_ refusal: StrictJSONRefusal) -> String {
        switch refusal {
        case .unknownField(let path, let allowed):
            "Unbekanntes Feld „\(JSONKey.path(path))“." + (allowed.map { " Erlaubt: \($0.sorted().joined(separator: ", "))." } ?? "")
        case .null(let path):
            "„\(JSONKey.path(path))“ darf nicht null sein: Felder ohne Wert bitte weglassen."
        }
    }

    private static func message(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "„\(JSONKey.path(context.codingPath + [key]))“ fehlt."
        case .valueNotFound(_, let context) where !context.codingPath.isEmpty:
            return "„\(JSONKey.path(context.codingPath))“ darf nicht null sein: Felder ohne Wert bitte weglassen."
        case .typeMismatch(let type, let context) where !context.codingPath.isEmpty:
            return "„\(JSONKey.path(context.codingPath))“ hat den falschen Typ: erwartet wird \(expected(type))."
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "„\(JSONKey.path(context.codingPath))“ hat keinen gültigen Wert."
        case .dataCorrupted:
            return "Der Inhalt ist kein gültiges JSON."
        default:
            return "Der Inhalt ist kein JSON-Objekt."
        }
    }

    /// The JSON type a Swift type is read from, in German.
    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "ein Text"
        case is Bool.Type: "true oder false"
        case is any BinaryInteger.Type: "eine ganze Zahl"
        case is any BinaryFloatingPoint.Type: "eine Zahl"
        case is [String: Any].Type: "ein Objekt"
        case is any Collection.Type: "eine Liste"
        default: "ein Objekt"
        }
    }
}
