import AufwindCore

extension TownDirectory {
    /// The page that shows the town.
    func path(of key: String) -> String { Self.path(of: key) }

    static func path(of key: String) -> String { key.count == 8 ? "/gemeinden/\(key)" : "/kreise/\(key)" }
}
