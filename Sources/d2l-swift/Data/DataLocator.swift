import Foundation

/// Finds data files: first in `$D2L_DATA_DIR`, then in the local cache folder (`$D2L_CACHE_DIR`,
/// or `data/` by default), then by downloading the catalogue's pinned copy into the cache
/// (from `$D2L_DATA_URL/<name>` instead when that mirror is set).
///
/// A file with a known SHA-1 (every `CorpusCatalog` entry) is only accepted when its SHA-1
/// matches, wherever it was found; a download is checked (size, then SHA-1) before it is kept,
/// retried a few times when the failure may pass, and written atomically (temporary file +
/// rename) so that an interrupted or failed download never leaves a file behind.
///
///     let url = try DataLocator().locate(.timeMachine)
public struct DataLocator: Sendable {
  /// The environment variable that points at a folder of data files.
  public static let environmentVariable = "D2L_DATA_DIR"

  /// The environment variable that names the cache folder (default `data`).
  public static let cacheVariable = "D2L_CACHE_DIR"
  /// The environment variable that names a mirror: when set, every file is downloaded from
  /// `BASE/<file name>` instead of its catalogued source.
  public static let mirrorVariable = "D2L_DATA_URL"

  /// The folder named by `$D2L_DATA_DIR`, or nil when it is unset or empty.
  public static var environmentDataDirectory: String? { environment(environmentVariable) }

  /// The cache folder: `$D2L_CACHE_DIR`, or `data` (relative to the current directory).
  public static var environmentCacheDirectory: String { environment(cacheVariable) ?? "data" }

  /// The mirror named by `$D2L_DATA_URL`, or nil.
  public static var environmentMirror: URL? {
    environment(mirrorVariable).flatMap { URL(string: $0.hasSuffix("/") ? String($0.dropLast()) : $0) }
  }

  private static func environment(_ name: String) -> String? {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
    return value
  }

  /// The first folder looked in (normally `$D2L_DATA_DIR`); nil to skip it.
  public var dataDirectory: URL?
  /// The local cache folder, looked in second and where downloads go.
  public var cacheDirectory: URL
  /// Whether a file missing from both folders may be downloaded.
  public var allowDownload: Bool
  /// When set, every download comes from `mirror/<file name>` instead of the file's source.
  public var mirror: URL?
  /// How many times a download is tried in all, when its failure may pass (`isTransient`).
  public var attempts = 3
  /// Seconds before the second try; each later try waits twice as long.
  public var retryDelay = 1.0
  /// Fetches a file's bytes from a URL (the name is for progress lines); replaceable in tests.
  public var download: @Sendable (_ url: URL, _ name: String) throws -> Data

  /// Creates a locator.
  /// - Parameters:
  ///   - dataDirectory: the first folder to look in; defaults to `$D2L_DATA_DIR`.
  ///   - cacheDirectory: the cache folder, relative paths resolved against the current
  ///     directory; defaults to `$D2L_CACHE_DIR` or `data`.
  ///   - allowDownload: whether to download a missing file that has a known URL.
  ///   - mirror: a base URL that replaces every source; defaults to `$D2L_DATA_URL`.
  ///   - download: how to fetch a URL; defaults to a streaming HTTP GET that shows its
  ///     progress on a terminal.
  public init(
    dataDirectory: String? = DataLocator.environmentDataDirectory,
    cacheDirectory: String = DataLocator.environmentCacheDirectory,
    allowDownload: Bool = true,
    mirror: URL? = DataLocator.environmentMirror,
    download: @escaping @Sendable (_ url: URL, _ name: String) throws -> Data = DataLocator.httpDownload
  ) {
    self.dataDirectory = dataDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
    self.cacheDirectory = URL(fileURLWithPath: cacheDirectory, isDirectory: true).standardizedFileURL
    self.allowDownload = allowDownload
    self.mirror = mirror
    self.download = download
  }

  /// The default download: HTTP GET with a progress line on a terminal.
  public static let httpDownload: @Sendable (URL, String) throws -> Data = { url, name in
    try HTTPDownload.fetch(url, progress: DownloadProgressLine.terminalReporter(for: name))
  }

  /// The URL of a file known by name: a catalogued corpus is checked and may be downloaded,
  /// any other file is only looked for.
  /// - Throws: `DataError.fileNotFound` listing where it looked.
  public func locate(named name: String) throws -> URL {
    try locate(CorpusCatalog.spec(named: name) ?? DataFileSpec(name: name))
  }

  /// Where `file` is downloaded from: the mirror's copy when one is set, else its source.
  public func sourceURL(for file: DataFileSpec) -> URL? {
    guard file.remoteURL != nil else { return nil }
    return mirror.map { $0.appendingPathComponent(file.name) } ?? file.remoteURL
  }

  /// Where `file` is now without downloading it: the data folder's or the cache's copy, or nil.
  /// - Throws: `DataError.checksumMismatch` for a copy that is not the catalogued file.
  public func existing(_ file: DataFileSpec) throws -> URL? {
    var attempts: [DataError.LookupAttempt] = []
    return try present(file, attempts: &attempts)
  }

  /// The URL of `file`, downloading it into the cache if allowed and needed.
  /// - Throws: `DataError.checksumMismatch` for a found file with the wrong SHA-1;
  ///   `DataError.fileNotFound` listing every place tried and how to provide the file.
  public func locate(_ file: DataFileSpec) throws -> URL {
    var attempts: [DataError.LookupAttempt] = []
    if let found = try present(file, attempts: &attempts) { return found }

    if let remote = sourceURL(for: file) {
      if allowDownload {
        do {
          return try downloadIntoCache(file, from: remote)
        } catch {
          attempts.append(.init(location: remote.absoluteString, outcome: "\(error)"))
        }
      } else {
        attempts.append(
          .init(location: remote.absoluteString, outcome: "download disabled (allowDownload is false)"))
      }
    }
    throw DataError.fileNotFound(name: file.name, attempts: attempts, cacheDirectory: cacheDirectory.path)
  }

  /// The data folder's copy of `file`, else the cache's, recording every place looked in.
  private func present(_ file: DataFileSpec, attempts: inout [DataError.LookupAttempt]) throws -> URL? {
    if let dataDirectory {
      let url = dataDirectory.appendingPathComponent(file.name)
      if let found = try existingFile(url, file, attempts: &attempts) { return found }
    } else {
      attempts.append(
        .init(location: "$\(Self.environmentVariable)/\(file.name)",
              outcome: "\(Self.environmentVariable) is not set"))
    }
    return try existingFile(cacheDirectory.appendingPathComponent(file.name), file, attempts: &attempts)
  }

  /// `url` if a regular file is there (checked against the SHA-1), nil after recording why not.
  private func existingFile(
    _ url: URL, _ file: DataFileSpec, attempts: inout [DataError.LookupAttempt]
  ) throws -> URL? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      attempts.append(.init(location: url.path, outcome: "no such file"))
      return nil
    }
    if isDirectory.boolValue {
      attempts.append(.init(location: url.path, outcome: "is a directory, not a file"))
      return nil
    }
    if let expected = file.sha1, !VerifiedFiles.shared.contains(url, sha1: expected) {
      let got = sha1Hex(try Data(contentsOf: url))
      guard got == expected else {
        throw DataError.checksumMismatch(path: url.path, expected: expected, got: got)
      }
      VerifiedFiles.shared.insert(url, sha1: expected)
    }
    return url
  }

  /// Downloads `file` (retrying a failure that may pass), verifies its size and SHA-1 in
  /// memory, then moves it into the cache atomically.
  private func downloadIntoCache(_ file: DataFileSpec, from remote: URL) throws -> URL {
    var delay = retryDelay
    var tries = 1
    while true {
      do {
        return try write(try verifiedDownload(file, from: remote), of: file, from: remote)
      } catch let failure as DownloadFailure where failure.isTransient && tries < attempts {
        Thread.sleep(forTimeInterval: delay)
        delay *= 2
        tries += 1
      } catch let failure as DownloadFailure {
        let tried = tries > 1 ? " (tried \(tries) times)" : ""
        throw DataError.downloadFailed(url: remote.absoluteString, reason: "\(failure)\(tried); nothing was kept")
      }
    }
  }

  /// The body of `file` from `remote`, refused unless it has the catalogued size and SHA-1.
  private func verifiedDownload(_ file: DataFileSpec, from remote: URL) throws -> Data {
    let data = try download(remote, file.name)
    if let expected = file.byteCount, data.count != expected {
      throw DownloadFailure.wrongSize(received: data.count, expected: expected)
    }
    if let expected = file.sha1 {
      let got = sha1Hex(data)
      guard got == expected else { throw DownloadFailure.checksum(got: got, expected: expected) }
    }
    return data
  }

  /// Writes a verified download into the cache: a temporary file, then rename(2).
  private func write(_ data: Data, of file: DataFileSpec, from remote: URL) throws -> URL {
    try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
    let destination = cacheDirectory.appendingPathComponent(file.name)
    let temporary = cacheDirectory.appendingPathComponent(".\(file.name).\(UUID().uuidString).partial")
    do {
      try data.write(to: temporary)
      // rename(2) replaces atomically: readers see either no file or the whole file.
      guard rename(temporary.path, destination.path) == 0 else {
        throw DataError.downloadFailed(
          url: remote.absoluteString,
          reason: "could not move the download into \(destination.path) (errno \(errno))")
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
    return destination
  }
}

/// Files whose SHA-1 this process has already checked, by path, size and modification time:
/// a lesson reads the 11 MB translation pairs several times, and hashing them again each time
/// would cost more than reading them.
final class VerifiedFiles: @unchecked Sendable {
  static let shared = VerifiedFiles()
  private let lock = NSLock()
  private var verified: Set<String> = []

  private func key(_ url: URL, _ sha1: String) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
          let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date else { return nil }
    return "\(url.standardizedFileURL.path)|\(size)|\(date.timeIntervalSince1970)|\(sha1)"
  }

  func contains(_ url: URL, sha1: String) -> Bool {
    guard let key = key(url, sha1) else { return false }
    lock.lock()
    defer { lock.unlock() }
    return verified.contains(key)
  }

  func insert(_ url: URL, sha1: String) {
    guard let key = key(url, sha1) else { return }
    lock.lock()
    defer { lock.unlock() }
    verified.insert(key)
  }
}
