/// Whom a moderation decision concerns: the author of the content, and the town or Anbieter it
/// belongs to (they speak for it when the author's account is gone).
public struct ModerationParties: Sendable, Equatable {
    public var authorID: String?
    public var townKey: String?
    public var organisationID: String?

    public init(authorID: String?, townKey: String?, organisationID: String?) {
        self.authorID = authorID
        self.townKey = townKey
        self.organisationID = organisationID
    }

    /// The author; without one, a confirmed member of the town or Anbieter.
    func concern(_ actor: Actor) -> Bool {
        if let authorID { return actor.userID == authorID }
        if let townKey, actor.townRoles[townKey] != nil { return true }
        if let organisationID, actor.organisationRoles[organisationID] != nil { return true }
        return false
    }
}
