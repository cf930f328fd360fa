import LessonEngine
import Foundation

/// `lessons reset LESSON:N`: put the starting file back, after the learner confirms (rustlings #2030).
public struct ExerciseReset {
  public let lesson: Lesson
  public let info: ExerciseInfo
  public let files: CodeExercise
  public let package: ExercisesPackage
  /// The course, whose lessons' progress the progress file also holds.
  public let course: Course

  public init(lesson: Lesson, info: ExerciseInfo, files: CodeExercise, package: ExercisesPackage, course: Course) {
    self.lesson = lesson
    self.info = info
    self.files = files
    self.package = package
    self.course = course
  }

  /// What happened, for the message and the tests.
  public enum Outcome: Equatable { case alreadyPristine, declined, reset }

  /// Restores the starting file if `confirm` (asked only when the file differs) agrees, and
  /// forgets the exercise's progress.
  public func run(confirm: (String) -> Bool) throws -> Outcome {
    let starter = try package.read(files.starter)
    let shown = package.display(files.file)
    if (try? package.read(files.file)) == starter { return .alreadyPristine }
    guard confirm("Reset \(shown) to its starting file? Your changes will be lost. [y/N] ") else { return .declined }
    try starter.write(to: package.url(files.file), atomically: true, encoding: .utf8)
    var progress = ExerciseProgress.load(package, course: course)
    if progress.records.removeValue(forKey: lesson.exerciseName(info.number)) != nil { try progress.save(to: package.progressFile) }
    return .reset
  }

  /// Asks on the terminal: only `y` or `yes` agrees; end of input declines.
  public static func askOnStandardInput(_ question: String) -> Bool {
    Console.write(question)
    let answer = readLine()
    // Typed answers end their own line; piped ones (or none) do not.
    if answer == nil || isatty(STDIN_FILENO) == 0 { Console.write("\n") }
    guard let answer else { return false }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
