import Foundation
import LessonEngine

extension ExercisesPackage {
  /// Gives the learner their file for each code exercise that has none yet: a copy of its
  /// starter (atomically). The starter is the one file the project ships for an exercise; the
  /// learner's copy is theirs (not in the repository, like the playground's). Every lesson's
  /// answers are prepared at once, because the package builds all its targets.
  /// - Returns: the files written, relative to the package.
  @discardableResult
  public func prepareAnswers() throws -> [String] {
    var written: [String] = []
    let starters = url("Starters")
    let found = FileManager.default.enumerator(atPath: starters.path)?.compactMap { $0 as? String } ?? []
    for path in found.sorted() where path.hasSuffix(".swift") {
      let file = "Sources/" + path
      guard !FileManager.default.fileExists(atPath: url(file).path) else { continue }
      try FileManager.default.createDirectory(at: url(file).deletingLastPathComponent(), withIntermediateDirectories: true)
      try read("Starters/" + path).write(to: url(file), atomically: true, encoding: .utf8)
      written.append(file)
    }
    return written
  }
}
