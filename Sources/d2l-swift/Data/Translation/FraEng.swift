import Foundation

/// The English–French pairs of D2L's machine-translation sections (Tatoeba, via manythings.org):
/// `fra-eng/fra.txt`, one `English<TAB>French` pair a line.
///
/// D2L downloads `fra-eng.zip` and reads `fra-eng/fra.txt` from it. The lookup here does the same
/// as a last resort: first the extracted file in `$D2L_DATA_DIR` or the cache, then the zip (in
/// those folders, or downloaded from D2L's URL and checked against D2L's SHA-1), extracted into
/// the cache with the system's `unzip`.
extension DataFileSpec {
  /// `fra-eng/fra.txt` as extracted from D2L's `fra-eng.zip` (11,669,748 bytes, 167,130 lines).
  public static let fraEng = DataFileSpec(
    name: "fra-eng/fra.txt", title: "English-French sentence pairs", author: "Tatoeba contributors (CC BY 2.0)",
    sha1: "c43f99dce27311d3afd4d3e0716848194cfcc103", byteCount: 11_669_748)

  /// D2L's `fra-eng.zip`, as `d2l.DATA_HUB['fra-eng']` pins it.
  public static let fraEngZip = DataFileSpec(
    name: "fra-eng.zip", title: "English-French sentence pairs (zip)", author: "Tatoeba contributors (CC BY 2.0)",
    remoteURL: URL(string: "http://d2l-data.s3-accelerate.amazonaws.com/fra-eng.zip")!,
    sha1: "94646ad1522d915e7b0f9296181140edcf86a4f5")
}

extension DataLocator {
  /// Where `file` (a member of `archive`, by its path) is: found as it is, or extracted from the
  /// archive, which is found or downloaded like any data file. The extracted file must match its
  /// own SHA-1 too.
  /// - Throws: `DataError.fileNotFound` listing every place tried for both; the archive's
  ///   `DataError`s; `ArchiveError` when extraction fails.
  public func locate(_ file: DataFileSpec, extractingFrom archive: DataFileSpec) throws -> URL {
    if let found = try existing(file) { return found }
    let zip: URL
    do {
      zip = try locate(archive)
    } catch DataError.fileNotFound(_, let attempts, let cache) {
      throw DataError.fileNotFound(name: file.name, attempts: lookedFor(file) + attempts, cacheDirectory: cache)
    }
    try ZipArchive.extract(member: file.name, from: zip, into: cacheDirectory)
    guard let extracted = try existing(file) else {
      throw ArchiveError(archive: zip.path, reason: "it holds no \(file.name)")
    }
    return extracted
  }

  /// The places `existing` looks for `file`, for an error message.
  private func lookedFor(_ file: DataFileSpec) -> [DataError.LookupAttempt] {
    let folders = [dataDirectory, cacheDirectory].compactMap { $0 }
    return folders.map { .init(location: $0.appendingPathComponent(file.name).path, outcome: "no such file") }
  }
}

/// Why a zip archive could not be extracted.
public struct ArchiveError: Error, CustomStringConvertible, Equatable {
  public let archive: String
  public let reason: String
  public var description: String { "cannot extract from \(archive): \(reason)" }
}

/// Extraction with the system's `unzip` (Info-ZIP), as D2L's `download_extract` uses Python's
/// `zipfile`: a well-kept reader, not one written here.
enum ZipArchive {
  /// Extracts `member` of `zip` to `folder/member`, through a temporary folder and rename(2), so
  /// that an interrupted extraction leaves no partial file.
  static func extract(member: String, from zip: URL, into folder: URL) throws {
    let fm = FileManager.default
    let temporary = folder.appendingPathComponent(".extract-\(UUID().uuidString)")
    try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: temporary) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["unzip", "-q", "-o", zip.path, member, "-d", temporary.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw ArchiveError(archive: zip.path, reason: "could not run unzip (\(error)); install it (apt-get install unzip)")
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      let reason = process.terminationStatus == 127 ? "unzip is not installed (apt-get install unzip)"
        : "unzip exited with \(process.terminationStatus): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
      throw ArchiveError(archive: zip.path, reason: reason)
    }
    let destination = folder.appendingPathComponent(member)
    try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard rename(temporary.appendingPathComponent(member).path, destination.path) == 0 else {
      throw ArchiveError(archive: zip.path, reason: "could not move \(member) into \(destination.path) (errno \(errno))")
    }
  }
}
