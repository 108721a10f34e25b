/// What the database holds of the register before an import.
public struct RegisterState: Sendable {
    public var units: [Gebietseinheit]
    public var gemeinden: [Gemeinde]
    public var historical: [String: HistoricalRecord]

    public init(units: [Gebietseinheit] = [], gemeinden: [Gemeinde] = [], historical: [String: HistoricalRecord] = [:]) {
        self.units = units
        self.gemeinden = gemeinden
        self.historical = historical
    }
}

/// The changes that bring a stored register to the state of a new file. Nothing is deleted:
/// entries the file no longer lists become historical.
public struct RegisterChanges: Sendable, Equatable {
    public var insertedUnits: [Gebietseinheit] = []
    /// Changed in name, seat or type, or listed again after being historical.
    public var updatedUnits: [Gebietseinheit] = []
    public var vanishedUnits: [String: HistoricalRecord] = [:]
    public var insertedGemeinden: [Gemeinde] = []
    public var updatedGemeinden: [Gemeinde] = []
    public var vanishedGemeinden: [String: HistoricalRecord] = [:]

    public var isEmpty: Bool {
        insertedUnits.isEmpty && updatedUnits.isEmpty && vanishedUnits.isEmpty
            && insertedGemeinden.isEmpty && updatedGemeinden.isEmpty && vanishedGemeinden.isEmpty
    }
}

public enum RegisterDiff {
    public static func changes(from old: RegisterState, to new: RegisterData) -> RegisterChanges {
        var changes = RegisterChanges()
        let oldUnits = Dictionary(old.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newUnitKeys = Set(new.units.map(\.key))
        for unit in new.units {
            if let existing = oldUnits[unit.key] {
                if existing != unit || old.historical[unit.key] != nil { changes.updatedUnits.append(unit) }
            } else {
                changes.insertedUnits.append(unit)
            }
        }
        for unit in old.units where !newUnitKeys.contains(unit.key) && old.historical[unit.key] == nil {
            changes.vanishedUnits[unit.key] = HistoricalRecord(since: new.gebietsstand, successor: nil)
        }

        let oldGemeinden = Dictionary(old.gemeinden.map { ($0.ags, $0) }, uniquingKeysWith: { a, _ in a })
        let newByAGS = Dictionary(new.gemeinden.map { ($0.ags, $0) }, uniquingKeysWith: { a, _ in a })
        for gemeinde in new.gemeinden {
            if let existing = oldGemeinden[gemeinde.ags] {
                if existing != gemeinde || old.historical[gemeinde.ags] != nil { changes.updatedGemeinden.append(gemeinde) }
            } else {
                changes.insertedGemeinden.append(gemeinde)
            }
        }
        for gemeinde in old.gemeinden where newByAGS[gemeinde.ags] == nil && old.historical[gemeinde.ags] == nil {
            let successor = SuccessorInference.successor(of: gemeinde, old: oldGemeinden, new: new.gemeinden)
            changes.vanishedGemeinden[gemeinde.ags] = HistoricalRecord(since: new.gebietsstand, successor: successor?.ags)
        }
        return changes
    }
}

/// Guesses where a vanished Gemeinde went: the register does not say, but a merger leaves
/// either a new AGS in the same Kreis or a neighbour whose area grew.
enum SuccessorInference {
    static func successor(of vanished: Gemeinde, old: [String: Gemeinde], new: [Gemeinde]) -> Gemeinde? {
        var sameArea = new.filter { $0.kreisKey == vanished.kreisKey && !$0.isGemeindefrei }
        if sameArea.isEmpty { sameArea = new.filter { $0.landCode == vanished.landCode && !$0.isGemeindefrei } }
        let newlyCreated = sameArea.filter { old[$0.ags] == nil }
        let grown = sameArea.filter { candidate in
            guard let before = old[candidate.ags] else { return false }
            return candidate.areaHectares > before.areaHectares
        }
        for candidates in [newlyCreated, grown] where !candidates.isEmpty {
            if candidates.count == 1 { return candidates[0] }
            guard let origin = vanished.coordinate else { return nil }
            return
                candidates
                .compactMap { c in c.coordinate.map { (c, origin.distanceKm(to: $0)) } }
                .min { $0.1 < $1.1 }?.0
        }
        return nil
    }
}
