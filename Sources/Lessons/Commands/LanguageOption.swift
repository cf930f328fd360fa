import ArgumentParser
import CourseKit
import LessonEngine

/// `--lang CODE` for every command a learner reads: any language the string tables have (the
/// engine's, the course's, the lessons'); without it, the locale's (`LANG`/`LC_ALL` = `vi_*`
/// picks Vietnamese). Validating it sets `Language.current`, before the command prints anything.
struct LanguageOption: ParsableArguments {
  @Option(help: "Language of everything printed: en or vi (Tiếng Việt), or any other the lessons bring. Default: from LANG / LC_ALL.")
  var lang: String?

  /// Every language some table has strings for.
  static var available: [Language] {
    let tables = [EngineStrings.table, CourseStrings.table] + course.lessons.map(\.strings)
    return Array(Set(tables.flatMap(\.languages))).sorted()
  }

  /// The language chosen, also made the current one.
  @discardableResult
  func apply() throws -> Language {
    do {
      let language = try Language.resolve(flag: lang, available: Self.available)
      Language.current = language
      return language
    } catch let error as LanguageError {
      throw ValidationError(error.description)
    }
  }

  func validate() throws { try apply() }

  /// The language of `--lang` (or `--lang=`) in `arguments`, else the locale's, made the current
  /// one before the arguments are parsed: the checks of other options (which run before this
  /// group's `validate`) then speak it too. A `--lang` no table has is left to `validate`.
  static func applyEarly(_ arguments: [String]) {
    var flag: String?
    for (k, argument) in arguments.enumerated() {
      if argument == "--lang", k + 1 < arguments.count { flag = arguments[k + 1] }
      if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
    }
    if let language = try? Language.resolve(flag: flag, available: available) { Language.current = language }
  }
}

/// A string of the course's table in the current language.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  CourseStrings.table(key, arguments)
}
