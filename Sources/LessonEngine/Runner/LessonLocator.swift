import Foundation

/// Finds a lesson file: a path to a `.md` file, or a registered lesson's file in a language, as
/// its `Lesson.files` names it, from the current folder or the tool's sources (`SourceTree`:
/// the checkout it was built in, or where `make install` put them).
public enum LessonLocator {
  /// The `lessons/` folders to search, nearest first.
  public static var lessonDirectories: [URL] {
    let candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("lessons"),
                      SourceTree.ofTool()?.lessonsFolder].compactMap { $0 }
    return candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// The folders a lesson's files (`Lesson.files`, relative paths) are looked for in, nearest
  /// first: the current folder, then the tool's sources.
  public static var roots: [URL] {
    [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), SourceTree.ofTool()?.root].compactMap { $0 }
  }

  /// The file for `nameOrPath` in `language` ("en" or "vi"), or why there is none: a path to a
  /// `.md` file as given, or a lesson of `course` by name, its file as its description says.
  public static func locate(_ nameOrPath: String, language: String, course: Course) throws -> String {
    if nameOrPath.hasSuffix(".md") || nameOrPath.contains("/") {
      guard FileManager.default.fileExists(atPath: nameOrPath) else {
        throw LessonError(file: nameOrPath, line: nil, reason: tr("lesson.noFile"))
      }
      return nameOrPath
    }
    let known = course.lessons.map(\.name).joined(separator: ", ")
    guard let lesson = course.lesson(named: nameOrPath), let relative = lesson.file(language: language) else {
      // Named as the learner typed it: no lesson of that name, so no file of theirs either.
      let suggestion = NameSuggestion.note(nameOrPath, among: course.lessons.map(\.name))
      throw LessonError(
        file: nameOrPath, line: nil,
        reason: tr("lesson.noLesson", ["suggestion": suggestion, "known": known.isEmpty ? tr("lesson.noneFound") : known]))
    }
    for root in roots {
      let url = root.appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: url.path) { return relativePath(url) }
    }
    throw LessonError(file: relative, line: nil, reason: tr("lesson.noFile"))
  }

  /// `lessons/my-lesson.md` rather than an absolute path when under the current folder, so
  /// diagnostics read as the learner would type them.
  public static func relativePath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }
}
