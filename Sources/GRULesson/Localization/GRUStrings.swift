import CourseKit
import LessonEngine

/// The GRU lesson's strings, in every language: English in `GRUStrings+en.swift`, Vietnamese
/// in `GRUStrings+vi.swift`; the terms follow `docs/glossary.md`.
public enum GRUStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  GRUStrings.table(key, arguments)
}
