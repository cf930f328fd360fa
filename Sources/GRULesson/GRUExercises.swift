import CourseKit
import LessonEngine

/// The section's four exercises. Exercise 4 is code the learner writes and
/// `lessons check gru:4` verifies; the others are answered by a step of the lesson, run
/// on its own.
enum GRUExercises {
  /// The exercises, their titles and hints in the current language.
  static var all: [ExerciseInfo] {
    ExerciseInfo.numbered([
      .experiment(command: "lessons run gru --step gru-only-one-input"),
      .experiment(command: "lessons run gru --step gru-scratch-train --set epochs=50 --set numHiddens=64"),
      .experiment(command: "lessons run gru --step gru-cost"),
      .code(file: "PartialGRU.swift"),  // Exercises/4/: starter, solution, check
    ], strings: GRUStrings.table)
  }
}
