import Foundation

/// A learner's workspace: a folder with a `.lessons-workspace.json` manifest that holds
/// everything a learner makes, so that nothing is ever written into the tool's sources.
///
///     ws/
///       .lessons-workspace.json   what made it, and the stock files it manages
///       exercises/                the exercises package: your answers (`lessons check`), .progress
///       playground/               the playground package: your edited steps (`lessons edit`)
///       results/                  experiments' JSON, CSV and SVG (`lessons experiment`)
///       data/                     downloaded corpora (D2L_CACHE_DIR)
///       cache/                    cached step results
///
/// Every command finds it from the current folder upward, or through `$LESSONS_HOME`. Inside a
/// source checkout, the checkout is a developer's workspace whose files live in its ignored
/// `.lessons/` folder, made on first use.
public struct Workspace: Equatable, Sendable {
  /// The folder holding the manifest.
  public let root: URL

  /// The environment variable naming a workspace to use wherever the command runs.
  public static let environmentVariable = "LESSONS_HOME"
  /// The workspace folder of a source checkout, at its root (ignored by git).
  public static let checkoutFolderName = ".lessons"
  /// The folders a workspace is made of (the manifest aside).
  public static let folderNames = ["exercises", "playground", "results", "data", "cache"]

  /// The workspace at `root` (not checked; see `find`).
  public init(root: URL) { self.root = root.standardizedFileURL }

  /// The same folder (however its URL is spelled: `ws` and `ws/` are one workspace).
  public static func == (a: Workspace, b: Workspace) -> Bool { a.root.path == b.root.path }

  /// The learner's exercises package.
  public var exercisesDirectory: URL { root.appendingPathComponent("exercises") }
  /// The learner's playground package.
  public var playgroundDirectory: URL { root.appendingPathComponent("playground") }
  /// Where experiments write their results.
  public var resultsDirectory: URL { root.appendingPathComponent("results") }
  /// The data cache: downloaded corpora.
  public var dataDirectory: URL { root.appendingPathComponent("data") }
  /// Where cached step results live.
  public var stepCacheDirectory: URL { root.appendingPathComponent("cache") }
  /// The manifest file.
  public var manifestFile: URL { root.appendingPathComponent(WorkspaceManifest.fileName) }

  /// Whether `folder` is a workspace (holds a manifest).
  public static func isWorkspace(_ folder: URL) -> Bool {
    FolderSearch.exists(folder.appendingPathComponent(WorkspaceManifest.fileName))
  }

  /// Where a command's workspace is, or would be.
  public enum Location: Equatable, Sendable {
    /// A made workspace.
    case workspace(Workspace)
    /// A source checkout: its workspace is `.lessons/` at its root, made on first use.
    case checkout(SourceTree)
    /// The workspace a command uses.
    public var workspace: Workspace {
      switch self {
      case .workspace(let workspace): return workspace
      case .checkout(let tree): return Workspace(root: tree.root.appendingPathComponent(Workspace.checkoutFolderName))
      }
    }
  }

  /// Finds the workspace without writing anything: `$LESSONS_HOME` when set, else the nearest
  /// folder from `start` upward that is a workspace or a source checkout.
  /// - Parameters:
  ///   - start: the folder to search from (the current folder).
  ///   - environment: the process's environment (`LESSONS_HOME`).
  /// - Returns: where it is, or nil when there is none.
  /// - Throws: `WorkspaceError.homeNotAWorkspace` when `LESSONS_HOME` names something else.
  public static func find(
    from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> Location? {
    if let home = environment[environmentVariable], !home.isEmpty {
      let url = URL(fileURLWithPath: home, relativeTo: start.appendingPathComponent("/")).standardizedFileURL
      guard isWorkspace(url) else { throw WorkspaceError.homeNotAWorkspace(path: url.path) }
      return .workspace(Workspace(root: url))
    }
    let found = FolderSearch.upward(from: start) { folder in
      isWorkspace(folder) || SourceTree.checkout(at: folder) != nil
    }
    guard let found else { return nil }
    if isWorkspace(found) { return .workspace(Workspace(root: found)) }
    return SourceTree.checkout(at: found).map(Location.checkout)
  }

  /// The workspace a command that needs one works in, made first when it is a checkout's
  /// `.lessons/` that does not exist yet.
  /// - Throws: `WorkspaceError.notFound` (one line saying how to make one); a manifest that
  ///   is unreadable, from a newer tool, or names sources that are gone; or why the checkout's
  ///   workspace could not be made.
  public static func current(
    from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> Workspace {
    switch try find(from: start, environment: environment) {
    case nil:
      throw WorkspaceError.notFound(searchedFrom: start.standardizedFileURL.path)
    case .workspace(let workspace)?:
      let manifest = try WorkspaceManifest.load(from: workspace.root)
      guard SourceTree.holdsPackage(URL(fileURLWithPath: manifest.sources)) else {
        throw WorkspaceError.sourcesGone(path: workspace.root.path, sources: manifest.sources)
      }
      return workspace
    case .checkout(let tree)?:
      let workspace = Location.checkout(tree).workspace
      if !isWorkspace(workspace.root) {
        try FolderLock.holding(workspace.root) {
          if !isWorkspace(workspace.root) { _ = try WorkspaceSetup(root: workspace.root, sources: tree).run(repair: true) }
        }
      }
      return workspace
    }
  }

  /// The path of `url` as the learner would type it: relative to the current folder when under it.
  public static func display(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    if path == cwd { return "." }
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}

extension Workspace {
  /// Points the library's data cache (`D2L_CACHE_DIR`) at the workspace's `data/` for this
  /// process, unless the variable is set already or there is no workspace. Nothing is written.
  public static func exportDataCache(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard environment["D2L_CACHE_DIR"].map({ $0.isEmpty }) ?? true,
          let location = try? find(environment: environment) else { return }
    setenv("D2L_CACHE_DIR", location.workspace.dataDirectory.path, 1)
  }

  /// The folder experiments write into by default: the workspace's `results/`, else `results`
  /// in the current folder (outside any workspace, the learner's own folder).
  public static var defaultResultsPath: String {
    guard let workspace = try? current() else { return "results" }
    return display(workspace.resultsDirectory)
  }
}
