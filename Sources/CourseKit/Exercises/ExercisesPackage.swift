import LessonEngine
import Foundation

/// The nested SwiftPM package `exercises/` that holds the learner's answers, apart from the
/// project so that a half-edited answer never breaks the project's own build.
public struct ExercisesPackage {
  /// The `exercises/` folder.
  public let root: URL

  /// Finds the package: `explicit` when given; otherwise an `exercises/` folder in or above the
  /// current folder (or the current folder itself); otherwise above the `lessons` executable
  /// (`.build/debug/lessons` sits three levels below the project).
  public static func locate(
    explicit: String? = nil,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    executable: URL = ExercisesPackage.executableURL
  ) throws -> ExercisesPackage {
    if let explicit {
      let url = URL(fileURLWithPath: explicit, relativeTo: URL(fileURLWithPath: currentDirectory + "/")).standardizedFileURL
      guard isPackage(url) else { throw ExerciseError.packageNotFound(searched: [url.path]) }
      return ExercisesPackage(root: url)
    }
    var searched: [String] = []
    for start in [URL(fileURLWithPath: currentDirectory), executable.deletingLastPathComponent()] {
      var folder = start.standardizedFileURL
      while true {
        for candidate in [folder, folder.appendingPathComponent("exercises")] {
          if isPackage(candidate) { return ExercisesPackage(root: candidate) }
        }
        searched.append(folder.appendingPathComponent("exercises").path)
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
    }
    throw ExerciseError.packageNotFound(searched: Array(searched.prefix(3)) + (searched.count > 3 ? ["…"] : []))
  }

  /// Is `url` the exercises package (a manifest, and the starting files beside it)?
  public static func isPackage(_ url: URL) -> Bool {
    let files = FileManager.default
    return files.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
      && files.fileExists(atPath: url.appendingPathComponent("Starters").path)
  }

  /// The running executable, symlinks resolved (Linux's /proc/self/exe; argv[0] elsewhere).
  public static var executableURL: URL {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
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
