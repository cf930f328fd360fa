import CourseKit
import LessonEngine
@testable import Lessons

/// The registered course's lessons as the tool's messages list them. A test that needs "every
/// lesson of the course" takes them from here, so that adding a lesson changes no test; only
/// `CourseTests.theRegisteredCourseIsTheChaptersOrder` names the lessons, to check their order.
enum CourseLessons {
  /// Every lesson's name, in course order, comma-separated.
  static var names: String { course.lessons.map(\.name).joined(separator: ", ") }

  /// The names of the lessons whose `dataFiles` list `file`, in course order, comma-separated.
  static func needing(_ file: String) -> String {
    course.lessons.filter { $0.dataFiles.contains { $0.name == file } }.map(\.name).joined(separator: ", ")
  }

  /// `lesson:number` for every lesson that has an exercise `number`, in course order,
  /// comma-separated.
  static func exercises(numbered number: Int) -> String {
    course.lessons.filter { $0.exercises().contains { $0.number == number } }.map { "\($0.name):\(number)" }
      .joined(separator: ", ")
  }

  /// The same for the code exercises only (those `check`, `hint` and `reset` apply to).
  static func codeExercises(numbered number: Int) -> String {
    course.lessons.filter { $0.exercises().contains { $0.number == number && $0.isCode } }.map { "\($0.name):\(number)" }
      .joined(separator: ", ")
  }
}

extension ExerciseInfo {
  var isCode: Bool { if case .code = kind { return true } else { return false } }
}
