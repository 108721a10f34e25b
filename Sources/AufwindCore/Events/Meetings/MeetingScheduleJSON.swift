import Foundation

/// JSON in, JSON out for `aufwind schedule-meetings`: reads an instance (and a previous plan),
/// refuses unusable input with German messages naming the ids, and writes the plan exactly as
/// `{"meetings":[…],"unscheduled":[…],"score":S,"scheduled":N}`.
public enum MeetingScheduleJSON {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
        public init(_ problems: [String]) { self.problems = problems }
    }

    public struct Result: Sendable {
        /// The plan as the command prints it.
        public var json: Data
        public var plan: MeetingPlan
        /// Only when re-planning.
        public var report: MeetingReplanReport?
    }

    public static func decodeInstance(_ data: Data, name: String) throws(Failure) -> MeetingInstance {
        try decode(MeetingInstance.self, data, name: name, what: "Instanz-JSON (slots, participants, requests)")
    }

    public static func decodePlan(_ data: Data, name: String) throws(Failure) -> MeetingPlan {
        try decode(MeetingPlan.self, data, name: name, what: "Plan (Ausgabe von aufwind schedule-meetings)")
    }

    /// Plans (or, with `previous`, re-plans) and encodes the result.
    public static func run(
        input: Data, inputName: String = "Eingabe", previous: Data? = nil, previousName: String = "vorheriger Plan", seed: UInt64 = 1,
        iterations: Int? = nil
    ) throws(Failure) -> Result {
        let instance = try decodeInstance(input, name: inputName)
        let scheduler: MeetingScheduler
        do {
            scheduler = try MeetingScheduler(instance)
        } catch {
            throw Failure(error.problems)
        }
        if let previous {
            let previousPlan = try decodePlan(previous, name: previousName)
            do {
                let (plan, report) = try scheduler.replan(
                    previous: previousPlan, seed: seed, iterations: iterations ?? MeetingScheduler.defaultReplanIterations)
                return Result(json: encode(plan), plan: plan, report: report)
            } catch {
                throw Failure(error.problems)
            }
        }
        let plan = scheduler.optimize(seed: seed, iterations: iterations ?? MeetingScheduler.defaultIterations)
        return Result(json: encode(plan), plan: plan, report: nil)
    }

    /// The plan with its keys in the documented order: meetings, unscheduled, score, scheduled.
    public static func encode(_ plan: MeetingPlan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String { String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) }
        let meetings = plan.meetings.map { #"{"request":\#(json($0.request)),"slot":\#(json($0.slot)),"table":\#($0.table)}"# }
        let text =
            #"{"meetings":[\#(meetings.joined(separator: ","))],"unscheduled":\#(json(plan.unscheduled)),"score":\#(plan.score),"scheduled":\#(plan.scheduled)}"#
        return Data(text.utf8)
    }

    public static func encode(_ instance: MeetingInstance) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(instance)) ?? Data()
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, name: String, what: String) throws(Failure) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw Failure(["\(name): kein gültiger \(what): \(describe(error))."])
        } catch {
            throw Failure(["\(name): kein gültiger \(what)."])
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "Feld „\(key.stringValue)“ fehlt bei \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "falscher Wert bei \(path(context.codingPath))"
        case .dataCorrupted(let context): context.codingPath.isEmpty ? "kein JSON" : "unlesbarer Wert bei \(path(context.codingPath))"
        @unknown default: "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "der Wurzel" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
