/// One catalogue of the strings a target prints to a learner, in every `Language`.
///
/// Keys are dotted names (`train.readout`); values are templates whose `{name}` placeholders
/// are filled from the arguments, already formatted (numbers through `Num`, so that they follow
/// the language too). A test checks that every key exists in every language and that every key
/// the sources look up is in the table.
///
///     Strings.engine("run.stopped", ["step": "2/13", "command": "lessons run my-lesson"])
public struct StringTable: Sendable {
  /// The templates, by language, by key.
  public let templates: [Language: [String: String]]

  /// A table with the templates of every language it has; English is every key's fallback.
  public init(_ templates: [Language: [String: String]]) {
    self.templates = templates
  }

  public init(en: [String: String], vi: [String: String]) {
    self.init([.en: en, .vi: vi])
  }

  /// The languages this table has strings for, English first.
  public var languages: [Language] { templates.keys.sorted() }

  /// The template for `key` in `language` (English when missing, then the key itself, so that
  /// a forgotten entry shows up rather than crashing), with `{name}` replaced by `arguments`.
  public func callAsFunction(
    _ key: String, _ arguments: [String: Any] = [:], language: Language = Language.current
  ) -> String {
    let template = templates[language]?[key] ?? templates[.en]?[key] ?? key
    return Self.fill(template, arguments)
  }

  /// `template` with every `{name}` that `arguments` has replaced by its value.
  public static func fill(_ template: String, _ arguments: [String: Any]) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var result = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      let name = String(rest[rest.index(after: open)..<close])
      if let value = arguments[name] {
        result += "\(value)"
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  /// Keys present in one language but not in another, as `vi: missing key` lines (empty when
  /// the table is complete).
  public var missingKeys: [String] {
    let all = Set(templates.values.flatMap(\.keys))
    return languages.flatMap { language in
      all.subtracting(templates[language]?.keys.map { $0 } ?? []).sorted().map { "\(language.rawValue): \($0)" }
    }
  }
}
