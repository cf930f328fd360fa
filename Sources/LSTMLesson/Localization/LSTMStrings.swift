import CourseKit
import LessonEngine

/// The LSTM lesson's strings, in every language: English in `LSTMStrings+en.swift`,
/// Vietnamese in `LSTMStrings+vi.swift`; the terms follow `docs/glossary.md`.
public enum LSTMStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  LSTMStrings.table(key, arguments)
}
