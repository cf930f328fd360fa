import LessonEngine

/// The deep-RNN lesson's strings, in every language: its steps' titles and output labels, the
/// training readout, the experiments' tables and discussions, the exercises and their checks,
/// and the errors a learner can meet. English in `LessonStrings+en.swift`, Vietnamese in
/// `LessonStrings+vi.swift`; the terms follow `docs/glossary.md`.
public enum LessonStrings {
  public static let table = StringTable(en: en, vi: vi)
}

/// A string of the lesson's catalogue in the current language, `{name}`s filled in.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  LessonStrings.table(key, arguments)
}
