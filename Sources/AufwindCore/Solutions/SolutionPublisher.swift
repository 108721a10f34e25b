/// Who publishes a solution: an Anbieter organisation (by id) or a town (AGS or Kreis key) for
/// something it built or runs as open source.
public enum SolutionPublisher: Sendable, Equatable, Hashable {
    case organisation(String)
    case town(String)
}
