import CourseKit
import LessonEngine

/// The section's five exercises. Exercise 4 is code the learner writes and
/// `lessons check lstm:4` verifies (its measured step is lstm-hidden-range); 3 is a
/// step of the lesson; 1, 2 and 5 are discussed in the lesson's exercises step.
enum LSTMExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] {
    ExerciseInfo.numbered([
      .experiment(command: "lessons run lstm --step lstm-scratch-train --set epochs=50 --set numHiddens=64"),
      .experiment(command: "lessons run lstm --step lstm-exercises"),
      .experiment(command: "lessons run lstm --step lstm-cost"),
      .code(file: "NoTanhLSTM.swift"),  // Exercises/4/: starter, solution, check
      .experiment(command: "lessons run lstm --step lstm-exercises"),
    ], strings: LSTMStrings.table)
  }
}
