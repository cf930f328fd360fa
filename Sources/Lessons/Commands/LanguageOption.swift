import ArgumentParser
import CourseKit
import LessonEngine

/// `--lang en|vi` for every command a learner reads: without it, a Vietnamese locale
/// (`LANG`/`LC_ALL` = `vi_*`) picks Vietnamese. Validating it sets `Language.current`, before
/// the command prints anything.
struct LanguageOption: ParsableArguments {
  @Option(help: "Language of everything printed: en or vi (Tiếng Việt). Default: from LANG / LC_ALL.")
  var lang: String?

  /// The language chosen, also made the current one.
  @discardableResult
  func apply() throws -> Language {
    do {
      let language = try Language.resolve(flag: lang)
      Language.current = language
      return language
    } catch let error as LanguageError {
      throw ValidationError(error.description)
    }
  }

  func validate() throws { try apply() }
}

/// A string of the lesson's catalogue in the current language.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  LessonStrings.table(key, arguments)
}
