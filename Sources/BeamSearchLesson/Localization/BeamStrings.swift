import CourseKit
import LessonEngine

/// The beam-search lesson's strings, in every language: its steps' labels and the exercises.
/// English in `BeamStrings+en.swift`, Vietnamese in `BeamStrings+vi.swift`; the terms follow
/// `docs/glossary.md`.
public enum BeamStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  BeamStrings.table(key, arguments)
}
