import CourseKit
import LessonEngine

/// The encoder–decoder lesson's strings, in every language. English in `EDStrings+en.swift`,
/// Vietnamese in `EDStrings+vi.swift`; the terms follow `docs/glossary.md`.
public enum EDStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  EDStrings.table(key, arguments)
}
