import LessonEngine

/// The section's five exercises. Exercise 4 is code the learner writes and
/// `lessons check lstm:4` verifies (its measured step is lstm-hidden-range); 3 is a
/// step of the lesson; 1, 2 and 5 are discussed in the lesson's exercises step.
enum LSTMExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] { [
    ExerciseInfo(number: 1, title: tr("exercise1.title"),
                 kind: .experiment(command: "lessons run lstm --step lstm-scratch-train --set epochs=50 --set numHiddens=64"),
                 hint: tr("exercise1.hint")),
    ExerciseInfo(number: 2, title: tr("exercise2.title"), kind: .experiment(command: "lessons run lstm --step lstm-exercises"),
                 hint: tr("exercise2.hint")),
    ExerciseInfo(number: 3, title: tr("exercise3.title"),
                 kind: .experiment(command: "lessons run lstm --step lstm-cost"), hint: tr("exercise3.hint")),
    ExerciseInfo(number: 4, title: tr("exercise4.title"),
                 kind: .code(file: "NoTanhLSTM.swift"),  // Exercises/4/: starter, solution, check
                 hint: tr("exercise4.hint")),
    ExerciseInfo(number: 5, title: tr("exercise5.title"), kind: .experiment(command: "lessons run lstm --step lstm-exercises"),
                 hint: tr("exercise5.hint")),
  ] }
}
