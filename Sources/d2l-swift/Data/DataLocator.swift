import Foundation

/// Finds data files: first in `$D2L_DATA_DIR`, then in the local cache folder (`data/` by
/// default), then by downloading D2L's public copy into the cache.
///
/// A file with a known SHA-1 (such as `timemachine.txt`) is only accepted when its SHA-1
/// matches, wherever it was found; a download is checked before it is kept, and written
/// atomically (temporary file + rename) so that an interrupted run never leaves half a file.
///
///     let url = try DataLocator().locate(.timeMachine)
public struct DataLocator: Sendable {
  /// The environment variable that points at a folder of data files.
  public static let environmentVariable = "D2L_DATA_DIR"

  /// The folder named by `$D2L_DATA_DIR`, or nil when it is unset or empty.
  public static var environmentDataDirectory: String? {
    guard let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty
    else { return nil }
    return value
  }

  /// The first folder looked in (normally `$D2L_DATA_DIR`); nil to skip it.
  public var dataDirectory: URL?
  /// The local cache folder, looked in second and where downloads go.
  public var cacheDirectory: URL
  /// Whether a file missing from both folders may be downloaded.
  public var allowDownload: Bool
  /// Fetches a URL's bytes; replaceable so that tests never touch the network.
  public var download: @Sendable (URL) throws -> Data

  /// Creates a locator.
  /// - Parameters:
  ///   - dataDirectory: the first folder to look in; defaults to `$D2L_DATA_DIR`.
  ///   - cacheDirectory: the cache folder, relative paths resolved against the current
  ///     directory; defaults to `data`.
  ///   - allowDownload: whether to download a missing file that has a known URL.
  ///   - download: how to fetch a URL; defaults to a blocking HTTP GET.
  public init(
    dataDirectory: String? = DataLocator.environmentDataDirectory,
    cacheDirectory: String = "data",
    allowDownload: Bool = true,
    download: @escaping @Sendable (URL) throws -> Data = { try HTTPDownload.fetch($0) }
  ) {
    self.dataDirectory = dataDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
    self.cacheDirectory = URL(fileURLWithPath: cacheDirectory, isDirectory: true).standardizedFileURL
    self.allowDownload = allowDownload
    self.download = download
  }

  /// The URL of a file known only by name (no checksum, never downloaded).
  /// - Throws: `DataError.fileNotFound` listing where it looked.
  public func locate(named name: String) throws -> URL {
    try locate(DataFileSpec(name: name))
  }

  /// The URL of `file`, downloading it into the cache if allowed and needed.
  /// - Throws: `DataError.checksumMismatch` for a found file with the wrong SHA-1;
  ///   `DataError.fileNotFound` listing every place tried and how to provide the file.
  public func locate(_ file: DataFileSpec) throws -> URL {
    var attempts: [DataError.LookupAttempt] = []

    if let dataDirectory {
      let url = dataDirectory.appendingPathComponent(file.name)
      if let found = try existingFile(url, file, attempts: &attempts) { return found }
    } else {
      attempts.append(
        .init(location: "$\(Self.environmentVariable)/\(file.name)",
              outcome: "\(Self.environmentVariable) is not set"))
    }

    let cached = cacheDirectory.appendingPathComponent(file.name)
    if let found = try existingFile(cached, file, attempts: &attempts) { return found }

    if let remote = file.remoteURL {
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
    if let expected = file.sha1 {
      let got = sha1Hex(try Data(contentsOf: url))
      guard got == expected else {
        throw DataError.checksumMismatch(path: url.path, expected: expected, got: got)
      }
    }
    return url
  }

  /// Downloads `file`, verifies its SHA-1 in memory, then moves it into the cache atomically.
  private func downloadIntoCache(_ file: DataFileSpec, from remote: URL) throws -> URL {
    let data = try download(remote)
    if let expected = file.sha1 {
      let got = sha1Hex(data)
      guard got == expected else {
        throw DataError.downloadFailed(
          url: remote.absoluteString,
          reason: "downloaded file has SHA-1 \(got), expected \(expected); discarded, not kept")
      }
    }
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
