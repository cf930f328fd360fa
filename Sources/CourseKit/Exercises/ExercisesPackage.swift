import LessonEngine
import Foundation

/// The nested SwiftPM package `exercises/` that holds the learner's answers, apart from the
/// project so that a half-edited answer never breaks the project's own build.
public struct ExercisesPackage {
  /// The `exercises/` folder.
  public let root: URL

  /// Finds the package: `explicit` when given; otherwise the `exercises/` of the workspace
  /// (`Workspace.current`: from the current folder upward, or `$LESSONS_HOME`).
  /// - Throws: `WorkspaceError` outside a workspace (saying how to make one), or
  ///   `ExerciseError.packageNotFound`.
  public static func locate(
    explicit: String? = nil,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) throws -> ExercisesPackage {
    let url = try explicit.map {
      URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: currentDirectory + "/")).standardizedFileURL
    } ?? Workspace.current(from: URL(fileURLWithPath: currentDirectory)).exercisesDirectory
    guard isPackage(url) else { throw ExerciseError.packageNotFound(searched: [url.path]) }
    return ExercisesPackage(root: url)
  }

  /// Is `url` the exercises package (a manifest, and the starting files beside it)?
  public static func isPackage(_ url: URL) -> Bool {
    let files = FileManager.default
    return files.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
      && files.fileExists(atPath: url.appendingPathComponent("Starters").path)
  }

  /// A file of the package.
  public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// Where the learner sees `relative`: relative to the current folder when inside it.
  public func display(_ relative: String) -> String {
    let path = url(relative).standardizedFileURL.path
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }

  /// The file of progress records.
  public var progressFile: URL { url(".progress") }

  /// Reads a text file of the package, with a message the learner can act on.
  public func read(_ relative: String) throws -> String {
    do {
      return try String(contentsOf: url(relative), encoding: .utf8)
    } catch {
      throw ExerciseError.unreadable(path: display(relative), reason: error.localizedDescription)
    }
  }
}
