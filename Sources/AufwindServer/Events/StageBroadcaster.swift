import Fluent
import Foundation
import Vapor

/// The live stage's fan-out on one instance: one poller per pitch block, however many streams
/// watch it. While at least one stream listens, the poller reads the block's revision every
/// `pollInterval` (one small query), reads the state when the revision changed or
/// `resendInterval` passed, encodes it once and hands the same frame to every listener. It
/// stops when the last listener leaves. Each listener ends at its own deadline (the browser
/// reconnects), and one client address may hold only a few streams at a time.
actor StageBroadcaster {
    struct Settings: Sendable {
        var pollInterval: Duration = .milliseconds(250)
        var resendInterval: Duration = .seconds(5)
    }

    /// One message of a stream: the state and its Server-Sent-Events frame, encoded once for all listeners.
    struct Update: Sendable {
        var state: StageService.State
        var frame: ByteBuffer
    }

    struct Subscription: Sendable {
        let blockID: UUID
        let id: Int
        let updates: AsyncStream<Update>
    }

    /// The address already holds `limit` streams; one ends within `retryAfter`.
    struct TooManyStreams: Error {
        var limit: Int
        var retryAfter: Duration
    }

    private struct Listener {
        var address: String
        var until: ContinuousClock.Instant
        var continuation: AsyncStream<Update>.Continuation
    }

    private struct Feed {
        var generation: Int
        var listeners: [Int: Listener] = [:]
        var task: Task<Void, Never>?
        /// The block and its pitches as last read: a new listener gets the state computed from
        /// them at once (at the current time), without a query of its own.
        var snapshot: (block: PitchBlockModel, pitches: [PitchModel])?
    }

    let settings: Settings
    private let logger: Logger
    private var feeds: [UUID: Feed] = [:]
    private var streamsPerAddress: [String: Int] = [:]
    private var nextID = 0
    private var isShutDown = false
    /// Revision queries made so far, over all blocks.
    private(set) var polls = 0

    /// The wall clock of the pitch timers (elapsed times of the pollers use the monotonic clock).
    private let clock: WallClock

    init(settings: Settings = Settings(), clock: WallClock, logger: Logger = Logger(label: "aufwind.stage")) {
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// Blocks with a running poller.
    var pollers: Int { feeds.count }

    /// Open streams of a block on this instance.
    func listeners(of blockID: UUID) -> Int { feeds[blockID]?.listeners.count ?? 0 }

    /// Open streams of a client address on this instance.
    func streams(of address: String) -> Int { streamsPerAddress[address] ?? 0 }

    /// A new stream of `blockID` for `address`, ending at `until`; starts the block's poller if
    /// it is the first. `database` is what the poller reads with (the application's, not the request's).
    func subscribe(
        _ blockID: UUID, address: String, limit: Int, until: ContinuousClock.Instant, database: any Database
    ) throws(TooManyStreams) -> Subscription {
        let (updates, continuation) = AsyncStream.makeStream(of: Update.self, bufferingPolicy: .bufferingNewest(1))
        nextID += 1
        let subscription = Subscription(blockID: blockID, id: nextID, updates: updates)
        if isShutDown {
            continuation.finish()
            return subscription
        }
        let open = streamsPerAddress[address] ?? 0
        if open >= limit {
            let ends = feeds.values.flatMap(\.listeners.values).filter { $0.address == address }.map(\.until)
            throw TooManyStreams(limit: limit, retryAfter: max(.seconds(1), (ends.min() ?? .now) - .now))
        }
        streamsPerAddress[address] = open + 1
        let listener = Listener(address: address, until: until, continuation: continuation)
        if var feed = feeds[blockID] {
            if let snapshot = feed.snapshot {
                continuation.yield(Self.update(StageService.state(snapshot.block, pitches: snapshot.pitches, now: clock.now())))
            }
            feed.listeners[subscription.id] = listener
            feeds[blockID] = feed
        } else {
            let generation = nextID
            var feed = Feed(generation: generation)
            feed.listeners[subscription.id] = listener
            feed.task = Task { await self.poll(blockID, generation: generation, database: database) }
            feeds[blockID] = feed
        }
        return subscription
    }

    /// The stream ended (its deadline, the client went away, or a write failed). Stops the
    /// block's poller when it was the last listener. Calling it twice does nothing.
    func unsubscribe(_ subscription: Subscription) {
        guard var feed = feeds[subscription.blockID], let listener = feed.listeners.removeValue(forKey: subscription.id) else { return }
        release(listener)
        if feed.listeners.isEmpty {
            feed.task?.cancel()
            feeds[subscription.blockID] = nil
        } else {
            feeds[subscription.blockID] = feed
        }
    }

    /// Ends every stream and poller (server shutdown: nothing reads the database afterwards).
    func shutdown() async {
        isShutDown = true
        let tasks = feeds.values.compactMap(\.task)
        for blockID in Array(feeds.keys) { end(blockID) }
        for task in tasks {
            task.cancel()
            await task.value
        }
    }

    private func release(_ listener: Listener) {
        listener.continuation.finish()
        let open = (streamsPerAddress[listener.address] ?? 1) - 1
        streamsPerAddress[listener.address] = open > 0 ? open : nil
    }

    /// Ends every stream of the block (it is gone, or the database failed: the browsers reconnect).
    private func end(_ blockID: UUID) {
        guard let feed = feeds.removeValue(forKey: blockID) else { return }
        feed.task?.cancel()
        for listener in feed.listeners.values { release(listener) }
    }

    /// Ends the streams whose time is up; false when none is left.
    private func expire(_ blockID: UUID, now: ContinuousClock.Instant) -> Bool {
        guard var feed = feeds[blockID] else { return false }
        for (id, listener) in feed.listeners where listener.until <= now {
            feed.listeners[id] = nil
            release(listener)
        }
        if feed.listeners.isEmpty {
            feeds[blockID] = nil
            return false
        }
        feeds[blockID] = feed
        return true
    }

    private func poll(_ blockID: UUID, generation: Int, database: any Database) async {
        let service = StageService(database: database)
        var sentRevision: Int?
        var sentAt = ContinuousClock.now
        func current() -> Bool { feeds[blockID]?.generation == generation }
        while !Task.isCancelled, current(), expire(blockID, now: .now) {
            polls += 1
            do {
                guard let revision = try await service.revision(blockID) else {
                    if current() { end(blockID) }
                    return
                }
                guard current() else { return }
                if revision != sentRevision || ContinuousClock.now - sentAt >= settings.resendInterval {
                    guard let (state, block, pitches) = try await service.state(blockID, now: clock.now()) else {
                        if current() { end(blockID) }
                        return
                    }
                    guard current(), var feed = feeds[blockID] else { return }
                    feed.snapshot = (block, pitches)
                    feeds[blockID] = feed
                    let update = Self.update(state)
                    for listener in feed.listeners.values { listener.continuation.yield(update) }
                    sentRevision = revision
                    sentAt = .now
                }
            } catch {
                logger.warning("Live-Bühne \(blockID): Zustand nicht lesbar, Streams beendet: \(String(describing: error))")
                if current() { end(blockID) }
                return
            }
            try? await Task.sleep(for: settings.pollInterval)
        }
    }

    static func update(_ state: StageService.State) -> Update {
        Update(state: state, frame: ByteBuffer(string: "id: \(state.revision)\nevent: zustand\ndata: \(state.json)\n\n"))
    }
}

extension Application {
    private struct StageBroadcasterKey: StorageKey { typealias Value = StageBroadcaster }

    var stageBroadcaster: StageBroadcaster {
        get {
            if let broadcaster = storage[StageBroadcasterKey.self] { return broadcaster }
            let broadcaster = StageBroadcaster(clock: wallClock, logger: logger)
            storage[StageBroadcasterKey.self] = broadcaster
            return broadcaster
        }
        set { storage[StageBroadcasterKey.self] = newValue }
    }

    /// Ends the live streams and their pollers before the databases close.
    struct StageBroadcasterShutdown: LifecycleHandler {
        func shutdownAsync(_ application: Application) async {
            await application.stageBroadcaster.shutdown()
        }
    }
}
