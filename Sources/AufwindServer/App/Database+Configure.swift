import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

extension Application {
    /// SQLite file by default, PostgreSQL when a URL is configured.
    func configureDatabase(_ config: AppConfig) throws {
        let wait = TimeAmount.milliseconds(Int64(config.databaseConnectionWait * 1000))
        if let url = config.databaseURL {
            var postgres = try SQLPostgresConfiguration(url: url)
            if let schema = config.postgresSchema { postgres.searchPath = [schema] }
            postgresConfiguration = postgres
            databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: wait), as: .psql)
        } else {
            databases.use(.sqlite(.file(config.sqlitePath), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: wait), as: .sqlite)
        }
    }
}
