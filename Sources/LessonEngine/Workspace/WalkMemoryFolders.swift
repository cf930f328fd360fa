import Foundation

/// Where the walk keeps what it remembers: the step cache (issue 24) and the run records that
/// `lessons export` reads. Decided here and nowhere else.
///
/// - In a workspace (or this checkout's `.lessons/`): its `cache/` and `results/`.
/// - With `LESSONS_CACHE_DIR` set (the tests, a throwaway run): `steps/` and `runs/` inside it.
/// - Outside any workspace: the user's cache folder (`$XDG_CACHE_HOME/d2l-swift`, else
///   `~/.cache/d2l-swift`), so that a run never litters the folder it was started in.
public enum WalkMemoryFolders {
  public static let environmentVariable = "LESSONS_CACHE_DIR"

  /// The step cache's folder.
  public static func stepCache(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let explicit = explicit(environment) { return explicit.appendingPathComponent("steps") }
    if let location = try? Workspace.find(environment: environment) { return location.workspace.stepCacheDirectory }
    return userCache(environment).appendingPathComponent("steps")
  }

  /// The run records' folder.
  public static func runRecords(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let explicit = explicit(environment) { return explicit.appendingPathComponent("runs") }
    if let location = try? Workspace.find(environment: environment) { return location.workspace.resultsDirectory }
    return userCache(environment).appendingPathComponent("runs")
  }

  private static func explicit(_ environment: [String: String]) -> URL? {
    environment[environmentVariable].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
  }

  private static func userCache(_ environment: [String: String]) -> URL {
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("d2l-swift")
    }
    return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/d2l-swift")
  }
}
