import CourseKit
import LessonEngine

/// The chapter's four exercises: rustlings' `info.toml` in Swift. Exercise 1 is code the learner
/// writes and `lessons check deep-rnn:1` verifies; exercises 2-4 are questions that only
/// measurements answer, run by `lessons experiment deep-rnn:N` (`DeepRNNExperiments`).
enum DeepRNNExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] { [
    ExerciseInfo(
      number: 1, title: tr("exercise1.title"),
      // Its starter, solution and checker: Exercises/1/. Version 0.4.0 kept the answer elsewhere.
      kind: .code(file: "StackedRNN.swift", formerly: "Sources/Exercise1/StackedRNN.swift"),
      hint: tr("exercise1.hint")),
    ExerciseInfo(
      number: 2, title: tr("exercise2.title"),
      kind: .experiment(command: "lessons experiment deep-rnn:2"),
      hint: tr("exercise2.hint")),
    ExerciseInfo(
      number: 3, title: tr("exercise3.title"),
      kind: .experiment(command: "lessons experiment deep-rnn:3"),
      hint: tr("exercise3.hint")),
    ExerciseInfo(
      number: 4, title: tr("exercise4.title"),
      kind: .experiment(command: "lessons experiment deep-rnn:4"),
      hint: tr("exercise4.hint")),
  ] }
}
