import CourseKit
import LessonEngine

/// The section's three exercises, and where this lesson does each.
public enum BiExercisesStep: SectionExercisesStep {
  public static let id = "bi-exercises"
  public static let count = 3
  public static var strings: StringTable { BiRNNStrings.table }
}
