import CourseKit
import LessonEngine

/// The machine-translation lesson's strings, in every language: its steps' titles and output
/// labels and the exercises. English in `MTStrings+en.swift`, Vietnamese in `MTStrings+vi.swift`;
/// the terms follow `docs/glossary.md`.
public enum MTStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  MTStrings.table(key, arguments)
}
