import Foundation

/// Whether a programme takes applications on a day: from the status its sources give and the
/// deadlines of its rules (`frist`).
public enum ProgrammeAvailability: Sendable, Equatable {
    /// Applications are possible; `nextDeadline` is the next dated deadline (ISO day), nil when
    /// applications are rolling or no date is known.
    case open(nextDeadline: String?)
    /// The last deadline passed (ISO day of that deadline).
    case expired(on: String)
    /// The sources call it closed or ended (`status` as the catalogue gives it).
    case closed(status: String)

    public var isOpen: Bool {
        if case .open = self { return true }
        return false
    }

    /// The next deadline of an open programme.
    public var nextDeadline: String? {
        if case .open(let deadline) = self { return deadline }
        return nil
    }

    /// German, for a badge: "offen bis 31.12.2026", "Frist abgelaufen am 17.09.2021", "beendet".
    public var label: String {
        switch self {
        case .open(let deadline?): "offen bis \(GermanFormat.date(iso: deadline))"
        case .open(nil): "offen"
        case .expired(let day): "Frist abgelaufen am \(GermanFormat.date(iso: day))"
        case .closed(let status): status == "ended" ? "beendet" : "derzeit geschlossen"
        }
    }
}

extension FundingProgramme {
    /// Whether the programme takes applications on `today` (ISO day). A passed deadline wins over
    /// the status (it says when); a closed or ended programme is closed whatever its deadline says;
    /// without either it counts as open, also when its status is unknown.
    public func availability(today: String, rules: ProgrammeRules?) -> ProgrammeAvailability {
        var dated: [String] = []
        var rolling = false
        for rule in rules?.rules ?? [] {
            guard case .deadline(let until, let isRolling) = rule.kind else { continue }
            if isRolling { rolling = true }
            if let until { dated.append(until) }
        }
        let upcoming = dated.filter { $0 >= today }.min()
        if !rolling, upcoming == nil, let last = dated.max() { return .expired(on: last) }
        if status == "closed" || status == "ended" { return .closed(status: status ?? "closed") }
        return .open(nextDeadline: upcoming)
    }
}

extension FundingCatalog {
    /// One programme of the catalogue view with its availability.
    public struct Listing: Sendable, Equatable {
        public var programme: FundingProgramme
        public var availability: ProgrammeAvailability
    }

    /// The catalogue as it opens: open programmes first, those with the nearest deadline first
    /// (then the ones without a date, by name); then the closed and expired ones, by name.
    public func listing(today: String, where include: (FundingProgramme) -> Bool = { _ in true }) -> (open: [Listing], closed: [Listing]) {
        let all = programmes.filter(include).map { Listing(programme: $0, availability: $0.availability(today: today, rules: rules[$0.id])) }
        let byName: (Listing, Listing) -> Bool = {
            $0.programme.displayName.localizedStandardCompare($1.programme.displayName) == .orderedAscending
        }
        let open = all.filter(\.availability.isOpen).sorted { a, b in
            switch (a.availability.nextDeadline, b.availability.nextDeadline) {
            case (let x?, let y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: byName(a, b)
            }
        }
        return (open, all.filter { !$0.availability.isOpen }.sorted(by: byName))
    }
}
