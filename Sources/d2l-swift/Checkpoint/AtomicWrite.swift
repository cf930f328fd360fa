import Foundation

/// Why a file could not be written, with the path and the system's reason.
public struct FileWriteError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let reason: String
  public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes `data` to `url` so that readers see the old file or the new one, never half of one:
/// write a temporary file beside it, flush it to disk, then rename it over the target (and
/// flush the folder, so that the rename itself survives a power cut). A process killed at any
/// point leaves the previous file as it was (and at worst a stray `.NAME.PID.tmp` beside it).
/// - Throws: `FileWriteError` naming the path and the reason (no such folder, disk full, …).
public func writeAtomically(_ data: Data, to url: URL) throws {
  let directory = url.deletingLastPathComponent()
  let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
  func failure(_ path: String) -> FileWriteError {
    FileWriteError(path: path, reason: String(cString: strerror(errno)))
  }
  let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
  guard fd >= 0 else { throw failure(url.path) }
  var error: FileWriteError?
  data.withUnsafeBytes { p in
    var written = 0
    while written < p.count {
      let n = write(fd, p.baseAddress! + written, p.count - written)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        error = n < 0 ? failure(url.path) : FileWriteError(path: url.path, reason: "no space left")
        return
      }
      written += n
    }
  }
  if error == nil, fsync(fd) != 0 { error = failure(url.path) }
  close(fd)
  if error == nil, rename(temporary.path, url.path) != 0 { error = failure(url.path) }
  if let error {
    unlink(temporary.path)
    throw error
  }
  let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  if folder >= 0 {
    _ = fsync(folder)
    close(folder)
  }
}
