import CourseKit
import LessonEngine

/// The bi-rnn lesson's strings, in every language: its steps' titles and output labels and the
/// exercises. English in `BiRNNStrings+en.swift`, Vietnamese in `BiRNNStrings+vi.swift`; the
/// terms follow `docs/glossary.md`.
public enum BiRNNStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  BiRNNStrings.table(key, arguments)
}
