import Foundation

/// Writes `data` to `url` so that readers see the old file or the new one, never half of one:
/// write a temporary file beside it, flush it to disk, then rename it over the target.
public func writeAtomically(_ data: Data, to url: URL) throws {
  let directory = url.deletingLastPathComponent()
  let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
  let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
  var ok = data.withUnsafeBytes { p -> Bool in
    var written = 0
    while written < p.count {
      let n = write(fd, p.baseAddress! + written, p.count - written)
      if n <= 0 { return false }
      written += n
    }
    return true
  }
  ok = ok && fsync(fd) == 0
  close(fd)
  guard ok, rename(temporary.path, url.path) == 0 else {
    unlink(temporary.path)
    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
  }
}
