import Foundation

/// Why a data file or corpus could not be used, worded so that the learner knows what to do.
public enum DataError: Error, Equatable, CustomStringConvertible, LocalizedError {
  /// One place `DataLocator` looked for a file, and what it found there.
  public struct LookupAttempt: Equatable, Sendable {
    /// The path or URL that was tried.
    public var location: String
    /// What happened there ("no such file", "download disabled", ...).
    public var outcome: String

    /// Creates a record of one lookup.
    public init(location: String, outcome: String) {
      self.location = location
      self.outcome = outcome
    }
  }

  /// The file was in none of the places looked at.
  case fileNotFound(name: String, attempts: [LookupAttempt], cacheDirectory: String)
  /// A file exists but is not the expected one (a corrupt copy or another edition).
  case checksumMismatch(path: String, expected: String, got: String)
  /// The file has zero bytes.
  case emptyFile(path: String)
  /// The file is not text: NUL bytes or invalid UTF-8.
  case binaryFile(path: String, reason: String)
  /// The text holds no letters, so preprocessing leaves no tokens.
  case noTokens(source: String)
  /// A download did not complete.
  case downloadFailed(url: String, reason: String)
  /// A vocabulary given as a token list is unusable.
  case invalidVocabulary(reason: String)

  /// A message that says what went wrong and how to fix it.
  public var description: String {
    switch self {
    case let .fileNotFound(name, attempts, cacheDirectory):
      var lines = ["Could not find the data file '\(name)'. Looked in:"]
      for attempt in attempts { lines.append("  - \(attempt.location): \(attempt.outcome)") }
      lines.append("To provide it, either export \(DataLocator.environmentVariable)=<folder containing \(name)>")
      lines.append("or put \(name) into \(cacheDirectory)/.")
      return lines.joined(separator: "\n")
    case let .checksumMismatch(path, expected, got):
      return "Refusing \(path): its SHA-1 is \(got), expected \(expected). "
        + "It is not D2L's copy (corrupt, truncated or another edition); replace it with the original file."
    case let .emptyFile(path):
      return "Refusing \(path): the file is empty (0 bytes), so there is no text to train on."
    case let .binaryFile(path, reason):
      return "Refusing \(path): it does not look like a text file (\(reason))."
    case let .noTokens(source):
      return "Refusing \(source): it contains no letters A-Z/a-z, so D2L's preprocessing leaves no tokens."
    case let .downloadFailed(url, reason):
      return "Download of \(url) failed: \(reason)"
    case let .invalidVocabulary(reason):
      return "Invalid vocabulary: \(reason)"
    }
  }

  /// The gist in one line: for a file not found, what happened at the last place tried (the
  /// download's failure, when there was one); otherwise the description.
  public var shortReason: String {
    if case let .fileNotFound(name, attempts, _) = self {
      guard let last = attempts.last else { return "'\(name)' was not found" }
      return last.outcome.hasPrefix("Download of") ? last.outcome : "\(last.location): \(last.outcome)"
    }
    return description
  }

  /// The same text as `description`, for `localizedDescription`.
  public var errorDescription: String? { description }
}
