import LessonEngine

/// The section's four exercises. Exercise 4 is code the learner writes and
/// `lessons check gru:4` verifies; the others are answered by a step of the lesson, run
/// on its own.
enum GRUExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] { [
    ExerciseInfo(number: 1, title: tr("exercise1.title"),
                 kind: .experiment(command: "lessons run gru --step gru-only-one-input"), hint: tr("exercise1.hint")),
    ExerciseInfo(number: 2, title: tr("exercise2.title"),
                 kind: .experiment(command: "lessons run gru --step gru-scratch-train --set epochs=50 --set numHiddens=64"),
                 hint: tr("exercise2.hint")),
    ExerciseInfo(number: 3, title: tr("exercise3.title"),
                 kind: .experiment(command: "lessons run gru --step gru-cost"), hint: tr("exercise3.hint")),
    ExerciseInfo(number: 4, title: tr("exercise4.title"),
                 kind: .code(file: "PartialGRU.swift"),  // Exercises/4/: starter, solution, check
                 hint: tr("exercise4.hint")),
  ] }
}
