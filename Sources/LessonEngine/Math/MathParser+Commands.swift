/// Commands with arguments: fonts, text, fractions, roots, accents, delimiters, environments.
extension MathParser {
  mutating func parseCommand(_ name: String) throws -> MathAtom? {
    switch name {
    case "mathbf", "boldsymbol", "bm", "mathbfit", "pmb":
      return try fontArgument(.bold, command: name)
    case "mathbb":
      return try fontArgument(.blackboard, command: name)
    case "mathcal", "mathscr":
      return try fontArgument(.calligraphic, command: name)
    case "mathrm", "mathit", "mathsf", "mathtt", "mathnormal":
      return try fontArgument(.normal, command: name)
    case "operatorname", "mathop":
      if current == .character("*") { position += 1 }  // `\operatorname*`: limits placement
      var atom = try fontArgument(.normal, command: name)
      atom.kind = .operatorName
      return atom
    case "text", "textrm", "textnormal", "textup", "textit", "textsf", "texttt", "emph", "mbox",
      "hbox":
      return .ordinary(try textArgument(font: .normal, command: name))
    case "textbf":
      return .ordinary(try textArgument(font: .bold, command: name))
    case "frac", "dfrac", "tfrac", "cfrac":
      let numerator = try requiredArgument(name).text
      let denominator = try requiredArgument(name).text
      return .ordinary(
        parenthesisedIfCompound(numerator) + "/" + parenthesisedIfCompound(denominator))
    case "sqrt":
      return try squareRoot()
    case "binom", "dbinom", "tbinom":
      let upper = try requiredArgument(name)
      let lower = try requiredArgument(name)
      return MathParser.binomial([upper], [lower], script: inScript)
    case "stackrel", "overset", "underset":
      return try stacked(command: name)
    case "underbrace", "overbrace":
      return try braced(command: name)
    case "not":
      return try negated()
    case "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
      "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm":
      return try delimiter(command: name)
    case "begin":
      return try environment()
    case "label":
      _ = try requiredArgument(name)  // D2L labels equations with `:eqlabel:` instead
      return nil
    case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits", "nolimits",
      "nonumber", "notag", "relax":
      return nil
    case "\\", "end":
      throw MathError.unexpected("\\" + name)
    default:
      if let accent = MathParser.accents[name] {
        let argument = try requiredArgument(name).text
        return .ordinary(argument.map { String($0) + accent }.joined())
      }
      if let letter = MathSymbols.greek[name] {
        return .ordinary(letter.map { font.apply(to: $0) }.joined())  // `\boldsymbol{\theta}`
      }
      if let symbol = MathSymbols.symbol(name) { return symbol }
      throw MathError.unknownCommand("\\" + name)
    }
  }

  // MARK: - Arguments

  /// The next argument (a braced group or a single token) as one atom.
  mutating func requiredArgument(_ command: String) throws -> MathAtom {
    skipSpaces()
    guard current != nil, current != .closeBrace, let atom = try parseAtom() else {
      throw MathError.missingArgument("\\" + command)
    }
    return atom
  }

  mutating func fontArgument(_ newFont: MathFont, command: String) throws -> MathAtom {
    let saved = font
    font = newFont
    defer { font = saved }
    var atom = try requiredArgument(command)
    atom.kind = .ordinary
    return atom
  }

  /// The braced argument of `\text`: spaces kept, letters upright, `$…$` switches back to math.
  mutating func textArgument(font textFont: MathFont, command: String) throws -> String {
    skipSpaces()
    guard current == .openBrace else { throw MathError.missingArgument("\\" + command) }
    position += 1
    var text = ""
    var depth = 0
    while let token = current {
      position += 1
      switch token {
      case .openBrace:
        depth += 1
      case .closeBrace:
        if depth == 0 { return text }
        depth -= 1
      case .space:
        text += " "
      case .character("$"):
        var atoms: [MathAtom] = []
        while let next = current, next != .character("$") {
          try parseScriptedAtom(into: &atoms)
        }
        guard current == .character("$") else { throw MathError.unexpected("$") }
        position += 1
        text += MathLayout.join(atoms, script: inScript)
      case .character(let character):
        text += textFont.apply(to: character)
      case .superscriptMark:
        text += "^"
      case .subscriptMark:
        text += "_"
      case .alignmentTab:
        throw MathError.unexpected("&")
      case .command(let name):
        if name == "textbf" || name == "text" || name == "textit" || name == "emph" {
          text += try textArgument(font: name == "textbf" ? .bold : textFont, command: name)
        } else if let symbol = MathSymbols.symbol(name) {
          text += symbol.text
        } else {
          throw MathError.unknownCommand("\\" + name)
        }
      }
    }
    throw MathError.unbalancedBraces
  }

  /// Skips an optional `[…]` argument and returns its content as text.
  @discardableResult
  mutating func skipBracketedArgument() -> String? {
    skipSpaces()
    guard current == .character("[") else { return nil }
    position += 1
    var content = ""
    while let token = current {
      position += 1
      if token == .character("]") { return content }
      if case .character(let character) = token { content.append(character) }
    }
    return content
  }

  mutating func readEnvironmentName() throws -> String {
    skipSpaces()
    guard current == .openBrace else { throw MathError.missingArgument("\\begin") }
    position += 1
    var name = ""
    while let token = current {
      position += 1
      switch token {
      case .closeBrace: return name
      case .character(let character): name.append(character)
      default: throw MathError.unexpected("environment name")
      }
    }
    throw MathError.unbalancedBraces
  }

  // MARK: - Constructs

  /// `a/b` needs parentheses around a part such as `a + b`, not around `∂L` or `𝐇ₜ`.
  func parenthesisedIfCompound(_ text: String) -> String {
    if text.count <= 1 || MathScripts.isParenthesised(text) { return text }
    let compound = text.contains { " +-−=<>×·⊙/,∈±".contains($0) }
    return compound ? "(" + text + ")" : text
  }

  mutating func squareRoot() throws -> MathAtom {
    let index = skipBracketedArgument()
    let radicand = try requiredArgument("sqrt").text
    let body =
      radicand.count <= 1 || MathScripts.isParenthesised(radicand)
      ? radicand : "(" + radicand + ")"
    let prefix = index.map { MathScripts.superscripted($0) } ?? ""
    return .ordinary(prefix + "√" + body)
  }

  mutating func delimiter(command: String) throws -> MathAtom {
    skipSpaces()
    guard let token = current else { throw MathError.missingArgument("\\" + command) }
    position += 1
    let text: String
    switch token {
    case .character(let character):
      text = character == "." ? "" : String(character)  // `\right.`: an invisible delimiter
    case .command(let name):
      guard let delimiter = MathSymbols.delimiter(command: name) else {
        throw MathError.unknownCommand("\\" + name)
      }
      text = delimiter
    default:
      throw MathError.missingArgument("\\" + command)
    }
    let kind: MathAtom.Kind
    if command == "left" || command.hasSuffix("l") {
      kind = .open
    } else if command == "right" || command.hasSuffix("r") {
      kind = .close
    } else if command == "middle" || command.hasSuffix("m") || text.isEmpty {
      kind = .ordinary
    } else {
      kind = MathSymbols.kind(of: text.first!)
    }
    return MathAtom(kind: kind, text: text)
  }

  /// `\stackrel{def}{=}` and `\overset{def}{=}` put a note over a symbol, `\underset{x}{max}`
  /// under it. On one line: the special characters `≝` and `≟` where Unicode has them,
  /// otherwise the note as a superscript or subscript. The symbol keeps its class, so a
  /// stacked `=` is still spaced as a relation.
  mutating func stacked(command: String) throws -> MathAtom {
    let note = try requiredArgument(command).text
    var base = try classedArgument(command)
    if command != "underset", base.text == "=" {
      if note == "def" || note == "d" { return MathAtom(kind: .relation, text: "≝") }
      if note == "?" { return MathAtom(kind: .relation, text: "≟") }
    }
    let isOver = command != "underset"
    if !MathScripts.hasUnicodeForm(note, superscript: isOver) { metScriptWithoutUnicode = true }
    base.text +=
      plainScripts
      ? MathScripts.plain(note, marker: isOver ? "^" : "_")
      : isOver ? MathScripts.superscripted(note) : MathScripts.subscripted(note)
    return base
  }

  /// An argument that keeps its class when it is one atom: `{\to}` stays a relation and
  /// `{\operatorname{argmax}}` an operator (any other braced group is ordinary).
  mutating func classedArgument(_ command: String) throws -> MathAtom {
    skipSpaces()
    guard current == .openBrace else { return try requiredArgument(command) }
    position += 1
    let atoms = try parseGroupAtoms()
    if atoms.count == 1 { return atoms[0] }
    return .ordinary(MathLayout.join(atoms, script: inScript))
  }

  /// `\underbrace{a + b}_{n}` names a part of a formula: on one line, the part followed by
  /// the brace and its note, `a + b⏟(n)`.
  mutating func braced(command: String) throws -> MathAtom {
    let body = try requiredArgument(command).text
    let brace = command == "underbrace" ? "⏟" : "⏞"
    skipSpaces()
    let marker: MathToken = command == "underbrace" ? .subscriptMark : .superscriptMark
    guard current == marker else { return .ordinary(body + brace) }
    position += 1
    let note = try requiredArgument(command).text
    return .ordinary(body + brace + "(" + note + ")")
  }

  /// `\not=`, `\not\in`: the relation struck through (`≠`, `∉`), or followed by U+0338.
  mutating func negated() throws -> MathAtom {
    skipSpaces()
    guard current != nil, current != .closeBrace, var atom = try parseAtom() else {
      throw MathError.missingArgument("\\not")
    }
    let negations: [String: String] = [
      "=": "≠", "∈": "∉", "≡": "≢", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "<": "≮", ">": "≯",
      "≤": "≰", "≥": "≱", "∼": "≁", "≈": "≉", "|": "∤", "∃": "∄",
    ]
    atom.text = negations[atom.text] ?? atom.text + "\u{0338}"
    return atom
  }

  mutating func environment() throws -> MathAtom {
    let name = try readEnvironmentName()
    switch name {
    case "aligned", "align", "align*", "alignat", "alignat*", "split", "gathered", "gather",
      "gather*", "equation", "equation*", "eqnarray", "eqnarray*", "multline", "multline*":
      if name.hasPrefix("alignat") { _ = try requiredArgument("begin{\(name)}") }
      let lines = MathAlignment.lines(try parseRows(closingEnvironment: name))
      return MathAtom(kind: .ordinary, text: lines.joined(separator: "; "), lines: lines)
    case "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
      "cases", "array":
      if name == "array" { _ = try requiredArgument("begin{array}") }  // column spec
      let rows = try parseRows(closingEnvironment: name)
      // Matrices and cases stay on one line, rows separated by `;`, MATLAB style.
      let body = rows.map { cells in
        cells.map { MathLayout.join($0, script: inScript) }.joined(separator: " ")
      }.joined(separator: "; ")
      let (open, close) = MathParser.environmentDelimiters[name] ?? ("", "")
      return .ordinary(open + body + close)
    default:
      throw MathError.unknownEnvironment(name)
    }
  }

  static let environmentDelimiters: [String: (String, String)] = [
    "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
    "Vmatrix": ("‖", "‖"), "cases": ("{ ", ""),
  ]

  /// Combining marks for accents: `\hat{y}` is y followed by U+0302.
  static let accents: [String: String] = [
    "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}",
    "tilde": "\u{0303}", "widetilde": "\u{0303}", "vec": "\u{20D7}",
    "overrightarrow": "\u{20D7}", "overleftarrow": "\u{20D6}", "dot": "\u{0307}", "ddot": "\u{0308}", "check": "\u{030C}",
    "breve": "\u{0306}", "acute": "\u{0301}", "grave": "\u{0300}", "underline": "\u{0332}",
  ]
}
