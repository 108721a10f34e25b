import Foundation

/// Wraps the decoder of `JSONDecoder` and hands out strict containers: keyed containers refuse
/// unknown fields, and fields and array elements refuse `null`, also where the Swift type is
/// optional (an optional field may be left out, not sent as `null`). Values are decoded by the
/// wrapped decoder, so its type checks stay as they are.
struct StrictDecoder: Decoder {
    let base: any Decoder

    init(_ base: any Decoder) { self.base = base }

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let fields = try base.container(keyedBy: JSONKey.self).allKeys.map(\.stringValue).sorted()
        if let unknown = fields.first(where: { Key(stringValue: $0) == nil }) {
            let path = codingPath.map { JSONKey($0) } + [JSONKey(stringValue: unknown)]
            throw StrictJSONRefusal.unknownField(path: path, allowed: Self.names(of: type))
        }
        return KeyedDecodingContainer(StrictKeyedContainer(base: try base.container(keyedBy: type)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        StrictUnkeyedContainer(base: try base.unkeyedContainer())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StrictSingleValueContainer(decoder: self, base: try base.singleValueContainer())
    }

    /// The fields of a body type whose `CodingKeys` are `CaseIterable`, for the message.
    private static func names<Key: CodingKey>(of type: Key.Type) -> [String]? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        func caseNames<Keys: CaseIterable>(_ keys: Keys.Type) -> [String] { Keys.allCases.compactMap { ($0 as? any CodingKey)?.stringValue } }
        return caseNames(iterable)
    }

    /// Types that `JSONDecoder` decodes by its own strategies rather than by their `init(from:)`.
    static func decodedByStrategy(_ type: Any.Type) -> Bool {
        type == Date.self || type == Data.self || type == URL.self || type == Decimal.self
    }
}

/// A single value, decoded by the wrapped container; nested values decode strictly. (`null` is
/// refused one level up, by the field or array element that holds it.)
struct StrictSingleValueContainer: SingleValueDecodingContainer {
    let decoder: StrictDecoder
    let base: any SingleValueDecodingContainer

    var codingPath: [any CodingKey] { base.codingPath }

    func decodeNil() -> Bool { base.decodeNil() }

    func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    func decode(_ type: String.Type) throws -> String { try base.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if StrictDecoder.decodedByStrategy(type) { return try base.decode(type) }
        return try T(from: decoder)
    }
}
