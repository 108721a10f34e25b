import Fluent
import Vapor

/// The composition root: the server, the tests and the commands all start here.
public func configure(_ app: Application, config: AppConfig) throws {
    app.aufwindConfig = config
    try app.configureDatabase(config)
    app.migrations.add(CreateRegister())
    app.registerStore = RegisterStore()
    app.requestMetrics = RequestMetrics()

    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AufwindErrorMiddleware())

    try app.register(collection: OperationsController())
    try app.register(collection: StaticAssetsController())
    try app.register(collection: RegisterPagesController())
    try app.register(collection: RegisterAPIController())

    app.asyncCommands.use(ImportRegisterCommand(), as: "import-register")
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    var aufwindConfig: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig() }
        set { storage[ConfigKey.self] = newValue }
    }
}
