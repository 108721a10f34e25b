import AufwindCore

extension ProblemDetails {
    /// An integer query parameter of the API: absent gives `default`; anything but a whole number
    /// in `range` is refused with a German 400 naming the parameter.
    static func integerParameter(_ raw: String?, _ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw ProblemDetails.badRequest(
                "„\(name)“ muss eine ganze Zahl von \(range.lowerBound) bis \(GermanFormat.integer(range.upperBound)) sein.")
        }
        return value
    }
}
