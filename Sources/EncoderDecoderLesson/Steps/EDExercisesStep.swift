import CourseKit
import LessonEngine

/// The section's two exercises, and where this lesson does each.
public enum EDExercisesStep: SectionExercisesStep {
  public static let id = "ed-exercises"
  public static let count = 2
  public static var strings: StringTable { EDStrings.table }
}

/// The section's exercises for `lessons exercises --lesson encoder-decoder`: the first is
/// measured by a step, the second is a question to think about.
enum EDExercises {
  static var all: [ExerciseInfo] {
    ExerciseInfo.numbered([
      .experiment(command: "lessons run encoder-decoder --step ed-mixed"),
      .experiment(command: "lessons run encoder-decoder --step ed-exercises"),
    ], strings: EDStrings.table)
  }
}
