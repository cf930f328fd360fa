import CourseKit
import LessonEngine

/// The section's four exercises, and where this lesson does each.
public enum GRUExercisesStep: SectionExercisesStep {
  public static let id = "gru-exercises"
  public static let count = 4
  public static var strings: StringTable { GRUStrings.table }
}
