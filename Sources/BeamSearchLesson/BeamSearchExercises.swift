import LessonEngine

/// The section's three exercises. Exercise 1 (is exhaustive search a kind of beam search?) is
/// answered by code the learner writes, the beam step, which `lessons check beam-search:1`
/// verifies; exercises 2 and 3 are answered by steps of the lesson.
enum BeamSearchExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] { [
    ExerciseInfo(
      number: 1, title: tr("exercise1.title"),
      // Its starter, solution and checker: Exercises/1/.
      kind: .code(file: "BeamStep.swift"),
      hint: tr("exercise1.hint")),
    ExerciseInfo(
      number: 2, title: tr("exercise2.title"),
      kind: .experiment(command: "lessons run beam-search --step beam-table"), hint: tr("exercise2.hint")),
    ExerciseInfo(
      number: 3, title: tr("exercise3.title"),
      kind: .experiment(command: "lessons run beam-search --step beam-char"), hint: tr("exercise3.hint")),
  ] }
}
