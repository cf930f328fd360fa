import Foundation

/// The language everything a learner reads is printed in: the lesson's prose (its file) and
/// every string the tool prints itself (titles, labels, tables, prompts, errors), looked up in
/// a `StringTable`.
///
/// A language is its code (`en`, `vi`); the languages there are are the keys of the string
/// tables (`StringTable.languages`), so that a lesson that brings a third language's strings
/// needs no change here. Chosen once per command: `--lang` when given; otherwise `LC_ALL`,
/// `LC_MESSAGES` or `LANG` (the first one set, as POSIX orders them) naming one of the
/// languages available (`vi_VN.UTF-8` → `vi`); otherwise English.
public struct Language: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

  public static let en = Language(rawValue: "en")
  public static let vi = Language(rawValue: "vi")

  public var description: String { rawValue }

  public static func < (a: Language, b: Language) -> Bool {
    // English first: it is every table's fallback.
    (a == .en ? "" : a.rawValue) < (b == .en ? "" : b.rawValue)
  }

  /// The language of this run, set by the command line before anything is printed; a task
  /// may speak another for a while (`speaking`) without changing it for the tasks beside it.
  public static var current: Language {
    get { spoken ?? chosen }
    set { chosen = newValue }
  }
  nonisolated(unsafe) private static var chosen: Language = .en
  @TaskLocal private static var spoken: Language?

  /// Runs `body` with `language` as `current` for this task only: a test walks a lesson in
  /// Vietnamese while others, in the same process, walk theirs in English.
  public static func speaking<T>(_ language: Language, _ body: () throws -> T) rethrows -> T {
    try $spoken.withValue(language, operation: body)
  }

  /// The language for `flag` (`--lang`, nil when absent) and the locale variables, among
  /// `available` (the tables' languages).
  /// - Throws: `LanguageError` for a flag that names no language available.
  public static func resolve(
    flag: String?, available: [Language] = [.en, .vi],
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> Language {
    if let flag {
      let language = Language(rawValue: flag)
      guard available.contains(language) else { throw LanguageError(flag: flag, available: available) }
      return language
    }
    return fromLocale(environment, available: available)
  }

  /// The language the environment's locale names, when it is available, else English.
  public static func fromLocale(_ environment: [String: String], available: [Language] = [.en, .vi]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      // The first variable set decides (LC_ALL=C overrides LANG=vi_VN, as in POSIX).
      let code = Language(rawValue: String(value.prefix { $0.isLetter }))
      return available.contains(code) ? code : .en
    }
    return .en
  }
}

/// `--lang` named a language the tool has no strings for.
public struct LanguageError: Error, CustomStringConvertible {
  public let flag: String
  public let available: [Language]

  public init(flag: String, available: [Language]) {
    self.flag = flag
    self.available = available
  }

  public var description: String {
    let names = available.sorted().map(\.rawValue)
    let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
    return "--lang must be \(list), got '\(flag)'"
  }
}
