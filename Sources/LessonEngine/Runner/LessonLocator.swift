import Foundation

/// Finds a lesson file: a path to a `.md` file, or a lesson name looked up in `lessons/`
/// (`lessons/vi/` for Vietnamese), from the current folder or the folder the tool was built in.
public enum LessonLocator {
  /// The `lessons/` folders to search, nearest first.
  public static var lessonDirectories: [URL] {
    var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("lessons")]
    // .build/<config>/lessons → the package root is three levels up.
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(folder.appendingPathComponent("lessons"))
      folder = folder.deletingLastPathComponent()
    }
    return candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// The file for `nameOrPath` in `language` ("en" or "vi"), or why there is none.
  public static func locate(_ nameOrPath: String, language: String) throws -> String {
    if nameOrPath.hasSuffix(".md") || nameOrPath.contains("/") {
      guard FileManager.default.fileExists(atPath: nameOrPath) else {
        throw LessonError(file: nameOrPath, line: nil, reason: tr("lesson.noFile"))
      }
      return nameOrPath
    }
    let relative = language == "en" ? "\(nameOrPath).md" : "\(language)/\(nameOrPath).md"
    for directory in lessonDirectories {
      let url = directory.appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: url.path) { return relativePath(url) }
    }
    let known = available().map(\.name).joined(separator: ", ")
    throw LessonError(file: "lessons/\(relative)", line: nil, reason: tr("lesson.noLesson", ["known": known.isEmpty ? tr("lesson.noneFound") : known]))
  }

  /// The lessons found, with their languages.
  public static func available() -> [(name: String, path: String)] {
    guard let directory = lessonDirectories.first,
          let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
    return files.filter { $0.hasSuffix(".md") }.sorted().map {
      (String($0.dropLast(3)), relativePath(directory.appendingPathComponent($0)))
    }
  }

  /// `lessons/my-lesson.md` rather than an absolute path when under the current folder, so
  /// diagnostics read as the learner would type them.
  public static func relativePath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }
}
