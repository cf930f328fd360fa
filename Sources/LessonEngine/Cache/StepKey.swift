import D2L
import Foundation

/// A step's cache key: the SHA-1 of everything that determines its results.
///
/// `inputs` covers what the learner controls (code, parameters, the steps read, data, seed,
/// language); `full` adds the tool's build and the kernel level, so that an entry from another
/// build or CPU is recognised as such (and noted) rather than used.
public struct StepKey: Equatable, Sendable {
  public let inputs: String
  public let full: String

  /// - Parameters:
  ///   - requires: the keys of the steps whose outputs this step reads, in order.
  public init(
    lesson: String, step: String, code: String, values: [String: String], requires: [String],
    environment: [String] = [CacheEnvironment.dataFiles, CacheEnvironment.seed, Language.current.rawValue],
    build: [String] = [CacheEnvironment.toolVersion, CacheEnvironment.kernelLevel]
  ) {
    var parts = ["lesson=\(lesson)", "step=\(step)", "code=\(code)"]
    parts += values.sorted { $0.key < $1.key }.map { "value.\($0.key)=\($0.value)" }
    parts += requires.map { "requires=\($0)" }
    parts += environment.map { "environment=\($0)" }
    // Length-prefixed, so that no two different lists join to the same text.
    let text = parts.map { "\($0.utf8.count):\($0)" }.joined()
    inputs = sha1Hex(Data(text.utf8))
    full = sha1Hex(Data((inputs + "|" + build.joined(separator: "|")).utf8))
  }
}
