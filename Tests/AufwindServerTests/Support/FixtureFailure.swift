/// A fixture could not set up what a test needs: thrown (and reported by the test as an error
/// with this description) instead of stopping the whole test process with a precondition.
struct FixtureFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
