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

extension ExercisesPackage {
  /// Moves a learner's answer from where an older layout of the package kept it
  /// (`ExerciseInfo.Kind.code`'s `formerly`: 0.4.0's `Sources/Exercise1/StackedRNN.swift`) to
  /// the exercise's file, when the file there is missing or still the starter: nothing a
  /// learner wrote is lost when the package's layout changes.
  /// - Returns: the files moved, as (from, to) relative to the package.
  @discardableResult
  public func moveFormerAnswers(course: Course) throws -> [(String, String)] {
    var moved: [(String, String)] = []
    let manager = FileManager.default
    for lesson in course.lessons {
      for info in lesson.exercises() {
        guard let exercise = lesson.codeExercise(info), let former = exercise.formerFile,
              manager.fileExists(atPath: url(former).path) else { continue }
        let starter = try? read(exercise.starter)
        let formerText = try? read(former)
        // The former file untouched (a starter) holds nothing of the learner's.
        guard formerText != starter, (try? read(exercise.file)).map({ $0 == starter }) ?? true else { continue }
        try manager.createDirectory(at: url(exercise.file).deletingLastPathComponent(), withIntermediateDirectories: true)
        if manager.fileExists(atPath: url(exercise.file).path) { try manager.removeItem(at: url(exercise.file)) }
        try manager.moveItem(at: url(former), to: url(exercise.file))
        moved.append((former, exercise.file))
      }
    }
    return moved
  }
}
