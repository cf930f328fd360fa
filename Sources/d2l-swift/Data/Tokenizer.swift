/// The unit a line is split into, as D2L's `tokenize(lines, token)`.
public enum TokenKind: String, Sendable, CaseIterable {
  /// One token per character (D2L's `'char'`).
  case char
  /// One token per space-separated word (D2L's `'word'`).
  case word
}

/// Splits preprocessed lines into tokens: one array per line, as D2L's `tokenize`.
public func tokenize(_ lines: [String], as kind: TokenKind = .word) -> [[String]] {
  switch kind {
  case .char:
    // Python's list(line) splits into code points, so split into Unicode scalars.
    return lines.map { line in line.unicodeScalars.map { String($0) } }
  case .word:
    // Python's str.split(): runs of whitespace separate, no empty tokens.
    return lines.map { line in line.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
  }
}
