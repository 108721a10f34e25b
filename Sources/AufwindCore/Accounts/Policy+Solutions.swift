extension Policy {
    /// Publish or change a solution: the confirmed members of its Anbieter organisation or town.
    /// Propose that a town uses it: the same people (the town then confirms or declines).
    static func solution(_ actor: Actor, _ action: Action, _ resource: Resource) -> Decision {
        guard case .solution(let publisher) = resource else { return .denied("Unbekannte Lösung.") }
        let isMember =
            switch publisher {
            case .organisation(let id): actor.organisationRoles[id] != nil
            case .town(let key): actor.townRoles[key] != nil
            }
        if isMember { return .allowed }
        switch action {
        case .proposeSolutionReference:
            return .denied("Referenzen schlagen Mitglieder des Anbieters dieser Lösung vor; Kommunen tragen ihre Nutzung selbst ein.")
        default:
            return .denied("Lösungen veröffentlichen und ändern die bestätigten Mitglieder ihres Anbieters oder ihrer Kommune.")
        }
    }
}
