import Foundation

/// The clock of a pitch block: who is on stage, how long they have, whether it runs. The server
/// holds this state (in the database, so every instance sees the same) and every view derives the
/// countdown from it and the server's time; clients only correct their own clock's offset.
public struct PitchClock: Sendable, Equatable, Codable {
    public enum Stage: String, Sendable, Codable {
        /// Before the first pitch was started.
        case bereit
        case laeuft
        case pausiert
        /// The current pitch ended (time up or "weiter"); the next one waits for "Start".
        case wartet
        /// After the last pitch.
        case beendet
    }

    /// The pitches in the order the moderator set (ids).
    public var order: [String]
    /// Index of the pitch on stage (or next up while `bereit`/`wartet`).
    public var current: Int
    public var secondsPerPitch: Int
    /// Seconds added to the current pitch by "verlängern".
    public var extraSeconds: Int
    public var stage: Stage
    /// When the current run began (only while `laeuft`).
    public var runningSince: Date?
    /// Seconds used before the last pause.
    public var usedBefore: Double
    /// Pitches that were skipped.
    public var skipped: [String]
    /// Raised on every change: views compare it to know something happened.
    public var revision: Int

    public init(order: [String], secondsPerPitch: Int = 100) {
        self.order = order
        current = 0
        self.secondsPerPitch = secondsPerPitch
        extraSeconds = 0
        stage = order.isEmpty ? .beendet : .bereit
        runningSince = nil
        usedBefore = 0
        skipped = []
        revision = 0
    }

    public enum Command: String, Sendable, CaseIterable {
        case start, pause, weiter, ueberspringen, verlaengern, zurueck

        public var label: String {
            switch self {
            case .start: "Start"
            case .pause: "Pause"
            case .weiter: "Nächster Pitch"
            case .ueberspringen: "Überspringen"
            case .verlaengern: "Verlängern (+30 s)"
            case .zurueck: "Zurück"
            }
        }
    }

    public var currentPitch: String? { order.indices.contains(current) && stage != .beendet ? order[current] : nil }
    public var nextPitch: String? {
        order.indices.contains(current + 1) && stage != .beendet ? order[current + 1] : nil
    }

    /// Seconds used of the current pitch at `now`.
    public func used(at now: Date) -> Double {
        usedBefore + (stage == .laeuft ? max(0, now.timeIntervalSince(runningSince ?? now)) : 0)
    }

    /// Seconds left (negative when over time).
    public func remaining(at now: Date) -> Double {
        Double(secondsPerPitch + extraSeconds) - used(at: now)
    }

    public enum Signal: String, Sendable { case normal, bald, vorbei }

    /// The colour the stage shows: normal, the last 20 seconds, time up.
    public func signal(at now: Date) -> Signal {
        let left = remaining(at: now)
        return left <= 0 ? .vorbei : left <= 20 ? .bald : .normal
    }

    /// Applies a moderator command; refuses what makes no sense in this state (German).
    public mutating func apply(_ command: Command, at now: Date) -> Result<Void, ValidationMessage> {
        switch command {
        case .start:
            guard stage == .bereit || stage == .wartet || stage == .pausiert else {
                return .failure(stage == .laeuft ? "Der Pitch läuft bereits." : "Alle Pitches sind vorbei.")
            }
            stage = .laeuft
            runningSince = now
        case .pause:
            guard stage == .laeuft else { return .failure("Es läuft gerade kein Pitch.") }
            usedBefore = used(at: now)
            runningSince = nil
            stage = .pausiert
        case .weiter, .ueberspringen:
            guard stage != .beendet else { return .failure("Alle Pitches sind vorbei.") }
            if command == .ueberspringen, let pitch = currentPitch { skipped.append(pitch) }
            advance(by: 1)
        case .zurueck:
            guard current > 0 else { return .failure("Das ist der erste Pitch.") }
            if stage == .beendet { current = order.count }
            advance(by: -1)
        case .verlaengern:
            guard stage != .beendet else { return .failure("Alle Pitches sind vorbei.") }
            extraSeconds += 30
        }
        revision += 1
        return .success(())
    }

    private mutating func advance(by step: Int) {
        current += step
        extraSeconds = 0
        usedBefore = 0
        runningSince = nil
        stage = current >= order.count ? .beendet : .wartet
        if current >= order.count { current = order.count }
    }

    /// Moves a pitch one place earlier or later in the order (only pitches not yet on stage).
    public mutating func move(_ pitch: String, by step: Int) -> Result<Void, ValidationMessage> {
        guard let index = order.firstIndex(of: pitch) else { return .failure("Diesen Pitch gibt es in diesem Block nicht.") }
        let target = index + step
        let firstMovable = stage == .bereit || stage == .wartet ? current : current + 1
        guard index >= firstMovable, target >= firstMovable, target < order.count else {
            return .failure("Nur Pitches, die noch nicht dran waren, lassen sich verschieben.")
        }
        order.swapAt(index, target)
        revision += 1
        return .success(())
    }

    /// Takes a pitch out of the order that has not been on stage yet (a withdrawal, the team's change of plan).
    public mutating func remove(_ pitch: String) -> Result<Void, ValidationMessage> {
        guard let index = order.firstIndex(of: pitch) else { return .failure("Diesen Pitch gibt es in diesem Block nicht.") }
        let firstRemovable = stage == .bereit || stage == .wartet ? current : current + 1
        guard index >= firstRemovable else {
            return .failure("Dieser Pitch war schon dran, wurde übersprungen oder läuft gerade; er bleibt im Ablauf.")
        }
        // The next one up leaves: extra seconds given to it do not pass to the one after.
        if index == current { extraSeconds = 0 }
        order.remove(at: index)
        skipped.removeAll { $0 == pitch }
        if current >= order.count {
            current = order.count
            stage = .beendet
        }
        revision += 1
        return .success(())
    }

    /// Adds a pitch at the end of the order.
    public mutating func append(_ pitch: String) {
        order.append(pitch)
        if stage == .beendet { stage = current == 0 ? .bereit : .wartet }
        revision += 1
    }
}
