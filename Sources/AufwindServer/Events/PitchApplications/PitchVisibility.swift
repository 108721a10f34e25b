import Fluent
import Foundation

/// Whether a pitch may be shown: not hidden by a moderation decision itself, and not presenting a
/// solution that a moderation decision hid (its title is the solution's name).
enum PitchVisibility {
    /// The solutions among the pitches' that are hidden.
    static func hiddenSolutions(of pitches: [PitchModel], on db: any Database) async throws -> Set<UUID> {
        let ids = Array(Set(pitches.compactMap(\.solutionID)))
        guard !ids.isEmpty else { return [] }
        return Set(try await SolutionModel.query(on: db).filter(\.$id ~~ ids).filter(\.$hidden == true).all().compactMap(\.id))
    }

    static func isHidden(_ pitch: PitchModel, hiddenSolutions: Set<UUID>) -> Bool {
        pitch.hidden == true || pitch.solutionID.map(hiddenSolutions.contains) == true
    }

    /// Marks the loaded pitches whose solution is hidden as hidden (in memory only, for the readers).
    static func markHidden(_ pitches: [PitchModel], on db: any Database) async throws {
        let hidden = try await hiddenSolutions(of: pitches, on: db)
        for pitch in pitches where isHidden(pitch, hiddenSolutions: hidden) { pitch.hidden = true }
    }
}
