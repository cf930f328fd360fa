import Foundation

/// The language everything a learner reads is printed in: the lesson's prose (its file) and
/// every string the tool prints itself (titles, labels, tables, prompts, errors), looked up in
/// a `StringTable`.
///
/// Chosen once per command: `--lang` when given; otherwise `LC_ALL`, `LC_MESSAGES` or `LANG`
/// (the first one set, as POSIX orders them) naming a Vietnamese locale (`vi_VN.UTF-8`, `vi`);
/// otherwise English.
public enum Language: String, CaseIterable, Sendable {
  case en, vi

  /// The language of this run, set by the command line before anything is printed.
  nonisolated(unsafe) public static var current: Language = .en

  /// The language for `flag` (`--lang`, nil when absent) and the locale variables.
  /// - Throws: `LanguageError` for a flag that names no language we have.
  public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> Language
  {
    if let flag {
      guard let language = Language(rawValue: flag.lowercased()) else { throw LanguageError(flag: flag) }
      return language
    }
    return fromLocale(environment)
  }

  /// Vietnamese when the locale the environment names is Vietnamese, else English.
  public static func fromLocale(_ environment: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      // The first variable set decides (LC_ALL=C overrides LANG=vi_VN, as in POSIX).
      return value.lowercased().hasPrefix("vi") ? .vi : .en
    }
    return .en
  }
}

/// `--lang` named a language the tool has no strings for.
public struct LanguageError: Error, CustomStringConvertible {
  public let flag: String
  public var description: String { "--lang must be en or vi, got '\(flag)'" }
}
