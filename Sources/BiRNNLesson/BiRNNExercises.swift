import LessonEngine

/// The section's three exercises. Exercise 2 is code the learner writes and
/// `lessons check bi-rnn:2` verifies; exercises 1 and 3 are answered by a step of the
/// lesson, run on its own.
enum BiRNNExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] { [
    ExerciseInfo(
      number: 1, title: tr("exercise1.title"),
      kind: .experiment(command: "lessons run bi-rnn --step bi-sizes"), hint: tr("exercise1.hint")),
    ExerciseInfo(
      number: 2, title: tr("exercise2.title"),
      // Its starter, solution and checker: Exercises/2/ (the package's layout has not moved it).
      kind: .code(file: "DeepBiRNN.swift"),
      hint: tr("exercise2.hint")),
    ExerciseInfo(
      number: 3, title: tr("exercise3.title"),
      kind: .experiment(command: "lessons run bi-rnn --step bi-polysemy"), hint: tr("exercise3.hint")),
  ] }
}
