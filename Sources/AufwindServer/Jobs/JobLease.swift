import Fluent
import Foundation
import SQLKit
import Vapor

/// A periodic job that must run once per period across all instances (the hourly clean-up, the
/// Verbund reminders) takes its lease first: one conditional statement inserts the row or takes it
/// over when it ran out, so of several instances asking at once exactly one gets it. An instance
/// that dies keeps it only until `expires_at`; then the next one asking runs the job.
struct JobLease {
    static let schema = "job_leases"

    let database: any Database
    /// This instance (`Application.instanceID`).
    let holder: String

    /// Takes the lease `name` until `now + duration` when it is free or ran out (or is this
    /// instance's already: then it is extended); whether this instance holds it now.
    func take(_ name: String, for duration: TimeInterval, now: Date) async throws -> Bool {
        struct Taken: Decodable { var holder: String }
        let rows = try await database.sql().raw(
            """
            INSERT INTO job_leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(bind: now.addingTimeInterval(duration)))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE job_leases.expires_at <= \(bind: now) OR job_leases.holder = excluded.holder
            RETURNING holder
            """
        ).all(decoding: Taken.self)
        return rows.first?.holder == holder
    }

    /// Gives the lease up early (a job that finished and wants the next period to start on time).
    func release(_ name: String) async throws {
        try await database.sql().delete(from: Self.schema).where("name", .equal, name).where("holder", .equal, holder).run()
    }
}

extension Application {
    private struct InstanceIDKey: StorageKey { typealias Value = String }

    /// This process among the instances on one database (the holder of job leases); new at every start.
    var instanceID: String {
        get {
            guard let id = storage[InstanceIDKey.self] else { fatalError("configure(_:) sets the instance id") }
            return id
        }
        set { storage[InstanceIDKey.self] = newValue }
    }

    var jobLease: JobLease { JobLease(database: db, holder: instanceID) }
}
