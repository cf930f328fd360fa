import Foundation

/// Why there is no usable workspace, or why `lessons init` stopped: each one line that says
/// what to do next. Nothing is written or removed before one of these is thrown.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
  /// No workspace from the current folder upward, and no `LESSONS_HOME`.
  case notFound(searchedFrom: String)
  /// `LESSONS_HOME` names a folder that is not a workspace.
  case homeNotAWorkspace(path: String)
  /// The folder (or the folder it would be made in) cannot be written.
  case notWritable(path: String, reason: String)
  /// The path exists and is a file.
  case notAFolder(path: String)
  /// `init` in a folder that already holds files of something else.
  case notEmpty(path: String, entries: [String])
  /// Part of a workspace is there and part is not (an interrupted `init`, a deleted folder).
  case halfMade(path: String, missing: String)
  /// `init` in a folder inside the source checkout, which would write into the tracked tree.
  case insideCheckout(path: String, checkout: String)
  /// `init` in a folder inside another workspace.
  case insideWorkspace(path: String, workspace: String)
  /// The manifest cannot be read.
  case unreadableManifest(path: String, reason: String)
  /// The manifest was written by a newer `lessons`.
  case newerFormat(path: String, format: Int, supported: Int)
  /// The sources the workspace's packages build against are no longer there (a moved
  /// checkout, an uninstalled prefix).
  case sourcesGone(path: String, sources: String)
  /// The tool cannot find the D2L sources a workspace builds against.
  case noSources(executable: String)

  public var description: String {
    switch self {
    case .notFound(let folder):
      return "no lessons workspace in \(folder) or above it: make one with `lessons init DIR` and work in DIR (or set LESSONS_HOME=DIR)"
    case .homeNotAWorkspace(let path):
      return "LESSONS_HOME=\(path) is not a lessons workspace (no \(WorkspaceManifest.fileName)): make it with `lessons init \(path)`"
    case .notWritable(let path, let reason):
      return "cannot write to \(path) (\(reason)): choose a folder you can write, e.g. `lessons init ~/d2l-workspace`"
    case .notAFolder(let path):
      return "\(path) is a file, not a folder: choose another place for the workspace"
    case .notEmpty(let path, let entries):
      let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
      return "\(path) already holds other files (\(shown)): `lessons init` makes a workspace in a new or empty folder, e.g. `lessons init \(path)/d2l`"
    case .halfMade(let path, let missing):
      return "\(path) is a half-made workspace (\(missing)): `lessons init --repair \(path)` completes it and keeps every file that is there"
    case .insideCheckout(let path, let checkout):
      return "\(path) is inside the source checkout \(checkout): its workspace is \(checkout)/\(Workspace.checkoutFolderName) (made for you); make yours outside it"
    case .insideWorkspace(let path, let workspace):
      return "\(path) is inside the workspace \(workspace): run `lessons init \(workspace)` to update that one, or choose a folder outside it"
    case .unreadableManifest(let path, let reason):
      return "\(path): \(reason): move the file away and run `lessons init --repair` in its folder (your files are kept)"
    case .newerFormat(let path, let format, let supported):
      return "\(path): workspace format \(format) is newer than this lessons reads (\(supported)): update lessons (`make install`)"
    case .sourcesGone(let path, let sources):
      return "the workspace \(path) builds against \(sources), which is gone: run `lessons init \(path)` to point it at this tool's sources (your files are kept)"
    case .noSources(let executable):
      return "cannot find the d2l-swift sources for \(executable): expected \(SourceTree.installedRelativePath) beside it (`make install`) or a checkout above it"
    }
  }
}
