import Foundation

/// How the cache keeps one step's typed output: written from the walk's results to a file,
/// and read back into them. Made from a step whose output is `CachableOutput`.
public struct StepCodec {
  public let id: String
  let fileExtension: String
  /// Writes the step's result to the URL; false when the step has no result to write.
  let write: (StepResults, URL) throws -> Bool
  /// Reads the file and stores it as the step's result.
  let read: (URL, StepResults) throws -> Void

  /// The codec of step `S`.
  public static func of<S: LessonStep>(_ step: S.Type) -> StepCodec where S.Output: CachableOutput {
    StepCodec(
      id: S.id, fileExtension: S.Output.cacheFileExtension,
      write: { results, url in
        guard let output = results.outputIfRun(of: S.self) else { return false }
        try output.writeCache(to: url)
        return true
      },
      read: { url, results in results.store(try S.Output.readCache(from: url), of: S.self) })
  }
}
