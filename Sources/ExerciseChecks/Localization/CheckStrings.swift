import Foundation
import Localization

/// The exercise checker's strings, in English and Vietnamese: its rows, their details and the
/// diagnoses, in a `StringTable` like every other string the tool prints. The checker runs in
/// the learner's exercises package, apart from the tool: `lessons check --lang vi` passes the
/// language on in `LESSONS_LANG`; run directly, the checker follows `LC_ALL` / `LC_MESSAGES` /
/// `LANG`.
public enum CheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  /// `LESSONS_LANG` when it names a language of the table, or, without it, the locale's.
  public static var language: Language {
    let environment = ProcessInfo.processInfo.environment
    if let code = environment["LESSONS_LANG"], !code.isEmpty {
      return (try? Language.resolve(flag: code, available: table.languages)) ?? .en
    }
    return Language.fromLocale(environment, available: table.languages)
  }

  public static let en: [String: String] = [
    "asAbove": "as above: ",
    "andAlso": "and: ",
    "summary": "{passed} of {count} checks OK",
    "expected": "expected",
    "got": "got",
    "shape": "shape: expected {expected}, got {got}",
    "empty": "empty tensors",
    "maxDifference": "max |difference| {difference}{place}",
    "at": " at ",
  ]

  public static let vi: [String: String] = [
    "asAbove": "như ở trên: ",
    "andAlso": "và: ",
    "summary": "{passed}/{count} phép kiểm tra OK",
    "expected": "cần",
    "got": "nhận được",
    "shape": "kích thước: cần {expected}, nhận được {got}",
    "empty": "tensor rỗng",
    "maxDifference": "max |sai khác| {difference}{place}",
    "at": " tại ",
  ]
}

/// A checker string in the checker's language, each `{name}` replaced by its argument.
func ct(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  CheckStrings.table(key, arguments, language: CheckStrings.language)
}
