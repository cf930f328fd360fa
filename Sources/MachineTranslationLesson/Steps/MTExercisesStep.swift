import CourseKit
import LessonEngine

/// The section's two exercises, and where this lesson does each.
public enum MTExercisesStep: SectionExercisesStep {
  public static let id = "mt-exercises"
  public static let count = 2
  public static var strings: StringTable { MTStrings.table }
}

/// The section's exercises for `lessons exercises --lesson machine-translation`: both are
/// answered by a step of the lesson, run on its own.
enum MTExercises {
  static var all: [ExerciseInfo] {
    ExerciseInfo.numbered([
      .experiment(command: "lessons run machine-translation --step mt-examples-sweep"),
      .experiment(command: "lessons run machine-translation --step mt-no-spaces"),
    ], strings: MTStrings.table)
  }
}
