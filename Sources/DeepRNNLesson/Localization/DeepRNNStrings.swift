import CourseKit
import LessonEngine

/// The deep-RNN lesson's strings, in every language: its steps' titles and output labels, its
/// experiments' tables and discussions, its exercises. English in `DeepRNNStrings+en.swift`,
/// Vietnamese in `DeepRNNStrings+vi.swift`; the terms follow `docs/glossary.md`. What the
/// course's shared pieces print (the training readout, …) comes from `CourseStrings`.
public enum DeepRNNStrings {
  public static let table = StringTable(en: en, vi: vi).falling(back: CourseStrings.table)
}

/// A string of the lesson's table in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  DeepRNNStrings.table(key, arguments)
}
