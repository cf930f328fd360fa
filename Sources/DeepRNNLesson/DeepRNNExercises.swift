import CourseKit
import LessonEngine

/// The chapter's four exercises: rustlings' `info.toml` in Swift. Exercise 1 is code the learner
/// writes and `lessons check 1` verifies; exercises 2-4 are questions that only measurements
/// answer, run by `lessons experiment N`.
enum DeepRNNExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] { [
    ExerciseInfo(
      number: 1, title: tr("exercise1.title"),
      kind: .code(ExerciseInfo.CodeFiles(
        file: "Sources/Exercise1/StackedRNN.swift", starter: "Starters/Exercise1/StackedRNN.swift",
        solution: "Solutions/Exercise1/StackedRNN.swift", checker: "check-exercise1")),
      hint: tr("exercise1.hint")),
    ExerciseInfo(
      number: 2, title: tr("exercise2.title"),
      kind: .experiment(command: "lessons experiment 2"),
      hint: tr("exercise2.hint")),
    ExerciseInfo(
      number: 3, title: tr("exercise3.title"),
      kind: .experiment(command: "lessons experiment 3"),
      hint: tr("exercise3.hint")),
    ExerciseInfo(
      number: 4, title: tr("exercise4.title"),
      kind: .experiment(command: "lessons experiment 4"),
      hint: tr("exercise4.hint")),
  ] }
}

/// A string of the lesson's table in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  LessonStrings.table(key, arguments)
}
