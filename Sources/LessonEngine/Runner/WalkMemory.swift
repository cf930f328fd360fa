import Foundation

/// What the walk remembers of each step besides its output: the key of the result it holds
/// (to tell when that result is stale), where the result came from, and how long it took.
final class WalkMemory {
  enum Source: Equatable { case ran, cached(Date) }

  /// Per step: the key its current result was made with, nil when it has none.
  var keys: [StepKey?]
  var sources: [Source?]
  var seconds: [Double?]
  /// When the walk began (the closing note's time).
  let started = Date()

  init(count: Int) {
    keys = Array(repeating: nil, count: count)
    sources = Array(repeating: nil, count: count)
    seconds = Array(repeating: nil, count: count)
  }

  func remember(_ index: Int, key: StepKey, source: Source, seconds: Double) {
    keys[index] = key
    sources[index] = source
    self.seconds[index] = seconds
  }
}
