import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock between processes, held while `body` runs: several `lessons` started at
/// once in a fresh checkout (a test suite, two terminals) must not make its workspace together,
/// or each would see the other's half-made folder. The lock file lives in the temporary folder,
/// so that nothing is written into the checkout for it.
enum FolderLock {
  static func holding<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
    let name = "d2l-swift-\(WorkspaceManifest.fingerprint(Data(folder.standardizedFileURL.path.utf8))).lock"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    let descriptor = open(path, O_CREAT | O_RDWR, 0o644)
    guard descriptor >= 0 else { return try body() }  // no lock to be had: as before, unguarded
    defer { close(descriptor) }
    flock(descriptor, LOCK_EX)
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}
