import Foundation
import LessonEngine

extension ExercisesPackage {
  /// Gives the learner their file for each of `lesson`'s code exercises that has none yet, a
  /// copy of its starter (atomically). The starter is the one file the project ships for an
  /// exercise; the learner's copy is theirs (not in the repository, like the playground's).
  /// - Returns: the files written, relative to the package.
  @discardableResult
  public func prepare(for lesson: Lesson) throws -> [String] {
    var written: [String] = []
    for info in lesson.exercises() {
      guard case .code(let files) = info.kind, !FileManager.default.fileExists(atPath: url(files.file).path) else { continue }
      try FileManager.default.createDirectory(at: url(files.file).deletingLastPathComponent(), withIntermediateDirectories: true)
      try read(files.starter).write(to: url(files.file), atomically: true, encoding: .utf8)
      written.append(files.file)
    }
    return written
  }
}
