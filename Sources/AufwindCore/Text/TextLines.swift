/// Lines of a text file, with `\n` or `\r\n` endings (Swift treats `\r\n` as one character).
enum TextLines {
    static func split(_ contents: String) -> [Substring] {
        contents.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}
