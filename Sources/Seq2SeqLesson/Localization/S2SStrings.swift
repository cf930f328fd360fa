import CourseKit
import LessonEngine

/// The seq2seq lesson's strings, in every language. English in `S2SStrings+en.swift`,
/// Vietnamese in `S2SStrings+vi.swift`; the terms follow `docs/glossary.md`.
public enum S2SStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  S2SStrings.table(key, arguments)
}
