/// How long a text takes to say: German spoken calmly on a stage, about 130 words a minute.
public struct SpokenLength: Sendable, Equatable {
    public static let wordsPerMinute = 130

    public var words: Int
    public var seconds: Int

    public init(_ text: String) {
        words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
        seconds = (words * 60 + Self.wordsPerMinute - 1) / Self.wordsPerMinute
    }

    /// The most words that fit into `seconds`.
    public static func words(in seconds: Int) -> Int { seconds * wordsPerMinute / 60 }
}
