import LessonEngine

/// What the course's shared pieces print, whichever lesson is at hand: the training run's
/// readout, the experiment machinery's tables, the exercise commands and the command line's
/// messages and errors. English in `CourseStrings+en.swift`, Vietnamese in
/// `CourseStrings+vi.swift`; the terms follow `docs/glossary.md`. A lesson's own strings are
/// its table (`Lesson.strings`), which falls back on this one.
public enum CourseStrings {
  public static let table = StringTable(en: en, vi: vi)
}

/// A string of the course's table in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  CourseStrings.table(key, arguments)
}
