import D2L
import Foundation

/// The library's errors as the walk and the commands word them, in the learner's language. The
/// library stays free of the lessons' strings: its errors carry what happened (a file, the
/// places looked in, a checksum), and this puts that into words; an error it does not know is
/// shown as the library describes it.
public enum LibraryErrorText {
  /// `error` in the current language.
  public static func words(_ error: Error) -> String {
    switch error {
    case let error as DataError: return words(error)
    case let error as TrainingError: return words(error)
    default: return "\(error)"
    }
  }

  static func words(_ error: DataError) -> String {
    switch error {
    case let .fileNotFound(name, attempts, cacheDirectory):
      var lines = [tr("libraryError.fileNotFound", ["name": name])]
      for attempt in attempts { lines.append("  - \(attempt.location): \(attempt.outcome)") }
      lines.append(tr("libraryError.fileNotFoundFix", [
        "variable": DataLocator.environmentVariable, "name": name, "cache": cacheDirectory,
      ]))
      return lines.joined(separator: "\n")
    case let .checksumMismatch(path, expected, got):
      return tr("libraryError.checksum", ["path": path, "expected": expected, "got": got])
    case let .emptyFile(path):
      return tr("libraryError.empty", ["path": path])
    case let .binaryFile(path, reason):
      return tr("libraryError.binary", ["path": path, "reason": reason])
    case let .noTokens(source):
      return tr("libraryError.noTokens", ["source": source])
    case let .downloadFailed(url, reason):
      return tr("libraryError.download", ["url": url, "reason": reason])
    case let .invalidVocabulary(reason):
      return tr("libraryError.vocabulary", ["reason": reason])
    }
  }

  static func words(_ error: TrainingError) -> String {
    switch error {
    case let .diverged(epoch, step, loss, learningRate):
      let what = tr(loss.isFinite ? "libraryError.lossInfinitePerplexity" : "libraryError.loss", ["loss": "\(loss)"])
      return tr("libraryError.diverged", ["epoch": epoch, "step": step, "what": what, "lr": "\(learningRate)"])
    }
  }
}
