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
  /// Tables asked, in order, for a key this one lacks (a lesson's table falls back on the
  /// course's shared one).
  public let fallbacks: [StringTable]

  /// A table with the templates of every language it has; English is every key's fallback.
  public init(_ templates: [Language: [String: String]], fallbacks: [StringTable] = []) {
    self.templates = templates
    self.fallbacks = fallbacks
  }

  /// This table, then `other` for the keys it lacks.
  public func falling(back other: StringTable) -> StringTable {
    StringTable(templates, fallbacks: fallbacks + [other])
  }

  /// The template for `key` in `language`, or in English, here or in a fallback.
  public func template(_ key: String, language: Language) -> String? {
    if let own = templates[language]?[key] { return own }
    for table in fallbacks { if let found = table.templates[language]?[key] { return found } }
    if let own = templates[.en]?[key] { return own }
    for table in fallbacks { if let found = table.template(key, language: language) { return found } }
    return nil
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
    Self.fill(template(key, language: language) ?? key, arguments)
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
