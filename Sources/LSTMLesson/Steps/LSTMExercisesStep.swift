import CourseKit
import LessonEngine

/// The section's five exercises, and where this lesson answers each.
public enum LSTMExercisesStep: SectionExercisesStep {
  public static let id = "lstm-exercises"
  public static let count = 5
  public static var strings: StringTable { LSTMStrings.table }
}
