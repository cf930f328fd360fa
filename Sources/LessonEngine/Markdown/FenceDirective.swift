/// What a fenced code block's info string asks for: a step, a display equation, or nothing.
///
/// Info strings keep the language first (mdBook style) so any CommonMark viewer still
/// highlights the block, followed by space-separated `name=value` attributes:
///
///     ```swift step=stack-layers layers=2     a step that shows its Swift code
///     ```step train epochs=20                 a step that shows no code
///     ```math label=eq_deep_rnn_H             a numbered display equation
///     ```swift                                an ordinary code block
enum FenceDirective: Equatable {
  case step(id: String, language: String?, parameters: [Attribute])
  case math(label: String?)
  case code(language: String?)

  struct Attribute: Equatable {
    var name: String
    var value: String
  }

  /// Reads an info string.
  /// - Throws: `DirectiveError` with the reason (the caller adds `FILE:LINE:`).
  static func parse(info: String) throws -> FenceDirective {
    let words = try splitWords(info)
    guard let language = words.first else { return .code(language: nil) }
    let rest = Array(words.dropFirst())
    // A misspelt `step` would make the step an ordinary code block, silently dropped from the walk.
    if nearlyStep(language) { throw DirectiveError("'\(language)' is not a directive: did you mean 'step'?") }
    if language == "step" {
      guard let id = rest.first, !id.contains("=") else {
        throw DirectiveError("step directive has no id")
      }
      try validate(id: id)
      return .step(id: id, language: nil, parameters: try attributes(rest.dropFirst()))
    }
    if language == "math" {
      let attributes = try attributes(rest[...])
      for attribute in attributes where attribute.name != "label" {
        throw DirectiveError("unknown math attribute '\(attribute.name)' (expected label=NAME)")
      }
      return .math(label: attributes.first?.value)
    }
    // Any other language is a step only if it carries `step=…` (or a bare `step` by mistake).
    guard rest.contains(where: { $0 == "step" || $0.hasPrefix("step=") }) else {
      if let typo = rest.first(where: { $0.contains("=") && nearlyStep(String($0.prefix { $0 != "=" })) }) {
        throw DirectiveError("'\(typo.prefix { $0 != "=" })' is not a directive: did you mean 'step'?")
      }
      return .code(language: language)
    }
    var parameters = try attributes(rest[...])
    guard let index = parameters.firstIndex(where: { $0.name == "step" }) else {
      throw DirectiveError("step directive has no id")
    }
    let id = parameters.remove(at: index).value
    try validate(id: id)
    return .step(id: id, language: language, parameters: parameters)
  }

  /// Whether `word` is `step` with one letter added, dropped, changed, or two swapped (any case).
  static func nearlyStep(_ word: String) -> Bool {
    word != "step" && NameSuggestion.distance(word.lowercased(), "step") <= 1
  }

  /// Splits at white space, except inside double quotes: `prefixes="time traveller|traveller"`
  /// is one word whose value keeps its space (the quotes are dropped).
  private static func splitWords(_ info: String) throws -> [String] {
    var words: [String] = [], current = "", quoted = false, inWord = false
    for ch in info {
      if ch == "\"" {
        quoted.toggle()
        inWord = true
      } else if ch.isWhitespace && !quoted {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(ch)
        inWord = true
      }
    }
    if quoted { throw DirectiveError("unterminated quote in '\(info)'") }
    if inWord { words.append(current) }
    return words
  }

  private static func attributes(_ words: ArraySlice<String>) throws -> [Attribute] {
    var result: [Attribute] = []
    for word in words {
      if word == "step" || word == "step=" { throw DirectiveError("step directive has no id") }
      guard let equals = word.firstIndex(of: "="), equals != word.startIndex,
        word.index(after: equals) != word.endIndex, isName(word[..<equals])
      else {
        throw DirectiveError("malformed attribute '\(word)' (expected name=value)")
      }
      let attribute = Attribute(
        name: String(word[..<equals]), value: String(word[word.index(after: equals)...]))
      if result.contains(where: { $0.name == attribute.name }) {
        throw DirectiveError("duplicate attribute '\(attribute.name)'")
      }
      result.append(attribute)
    }
    return result
  }

  private static func validate(id: String) throws {
    guard isName(id[...]) else {
      throw DirectiveError("invalid step id '\(id)' (use letters, digits, '-' and '_')")
    }
  }

  private static func isName(_ text: Substring) -> Bool {
    !text.isEmpty
      && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
  }
}

/// Why an info string is not a valid directive (positioned by the lesson parser).
struct DirectiveError: Error, Equatable {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}
