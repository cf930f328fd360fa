/// Reads D2L's LaTeX subset into rows of alignment cells, each a list of rendered atoms.
///
/// A recursive-descent parser over `MathToken`s. Characters and symbol commands become atoms
/// at once (already in Unicode), sub- and superscripts are folded into the atom they follow,
/// and groups collapse into one ordinary atom, as TeX treats `{…}`. The commands with
/// arguments (fonts, `\frac`, environments, …) live in `MathParser+Commands.swift`.
struct MathParser {
  /// One line of an alignment: its cells, split at `&`.
  typealias Row = [[MathAtom]]

  let tokens: [MathToken]
  var position = 0
  /// The letter style set by the enclosing font command (`\mathbf{…}`).
  var font: MathFont = .normal
  /// Inside a sub- or superscript, groups are joined without spaces.
  var inScript = false
  /// Atoms being parsed inside one another (groups, arguments, environments).
  var depth = 0
  /// Write every script in the fallback form (`_t`, `^(l)`): set when some script of the
  /// formula has no Unicode form, so that the formula uses one notation throughout.
  var plainScripts = false
  /// Whether a script without a Unicode form was met.
  var metScriptWithoutUnicode = false
  /// Deeper nesting is refused: no formula needs it, and the parser recurses.
  static let maximumDepth = 64

  init(_ latex: String) {
    tokens = MathLexer.tokenize(latex)
  }

  /// Parses the whole formula: lines separated by `\\`, cells by `&`.
  mutating func parseFormula() throws -> [Row] {
    try parseRows(closingEnvironment: nil)
  }

  // MARK: - Token access

  var current: MathToken? { position < tokens.count ? tokens[position] : nil }

  mutating func skipSpaces() {
    while current == .space { position += 1 }
  }

  // MARK: - Rows, groups, atoms

  /// Parses rows until the end of input or `\end{environment}`.
  mutating func parseRows(closingEnvironment environment: String?) throws -> [Row] {
    var rows: [Row] = []
    var cells: [[MathAtom]] = []
    var atoms: [MathAtom] = []
    var closed = environment == nil
    // `n \choose k` at the top of a cell: what precedes it is the upper part.
    var upper: [MathAtom]?
    func finishCell() -> [MathAtom] {
      defer { upper = nil }
      return upper.map { [MathParser.binomial($0, atoms, script: inScript)] } ?? atoms
    }
    while let token = current {
      if token == .alignmentTab {
        position += 1
        cells.append(finishCell())
        atoms = []
      } else if token == .command("\\") || token == .command("cr") {
        position += 1
        skipBracketedArgument()  // `\\[2pt]`: vertical space, meaningless here
        cells.append(finishCell())
        rows.append(cells)
        cells = []
        atoms = []
      } else if MathParser.isBinomialInfix(token) {
        position += 1
        guard upper == nil else { throw MathError.unexpected("\\choose") }
        upper = atoms
        atoms = []
      } else if token == .command("end") {
        position += 1
        let name = try readEnvironmentName()
        guard name == environment else { throw MathError.unexpected("\\end{\(name)}") }
        closed = true
        break
      } else if token == .closeBrace {
        throw MathError.unbalancedBraces
      } else {
        try parseScriptedAtom(into: &atoms)
      }
    }
    if !closed, let environment { throw MathError.unterminatedEnvironment(environment) }
    cells.append(finishCell())
    rows.append(cells)
    // A trailing `\\` leaves an empty last row.
    if rows.count > 1, rows[rows.count - 1].allSatisfy(\.isEmpty) { rows.removeLast() }
    return rows
  }

  /// Parses the atoms of a group whose `{` has been consumed, through its `}`.
  mutating func parseGroupAtoms() throws -> [MathAtom] {
    var atoms: [MathAtom] = []
    var upper: [MathAtom]?  // `{n \choose k}`
    while let token = current {
      switch token {
      case .closeBrace:
        position += 1
        return upper.map { [MathParser.binomial($0, atoms, script: inScript)] } ?? atoms
      case _ where MathParser.isBinomialInfix(token):
        position += 1
        guard upper == nil else { throw MathError.unexpected("\\choose") }
        upper = atoms
        atoms = []
      case .alignmentTab:
        throw MathError.unexpected("&")
      case .command("\\"):
        throw MathError.unexpected("\\\\")
      default:
        try parseScriptedAtom(into: &atoms)
      }
    }
    throw MathError.unbalancedBraces
  }

  /// Parses one atom and any sub/superscripts after it, and appends it to `atoms`.
  mutating func parseScriptedAtom(into atoms: inout [MathAtom]) throws {
    var atom: MathAtom
    if current == .superscriptMark || current == .subscriptMark {
      atom = .ordinary("")  // `{}_t` or a formula that starts with `^`: an empty base
    } else {
      guard let parsed = try parseAtom() else { return }
      atom = parsed
    }
    var sub: String?
    var sup: String?
    while true {
      skipSpaces()
      guard let token = current, token == .superscriptMark || token == .subscriptMark else { break }
      position += 1
      let script = try parseScriptArgument(marker: token == .superscriptMark ? "^" : "_")
      if token == .subscriptMark {
        guard sub == nil else { throw MathError.doubleScript("subscript") }
        sub = script
      } else {
        guard sup == nil else { throw MathError.doubleScript("superscript") }
        sup = script
      }
    }
    // Subscript first, whatever the source order: 𝐇ₜ⁽ˡ⁾ for both `_t^{(l)}` and `^{(l)}_t`.
    for (script, isSuper) in [(sub, false), (sup, true)] {
      guard let script else { continue }
      if !MathScripts.hasUnicodeForm(script, superscript: isSuper) { metScriptWithoutUnicode = true }
      atom.text += plainScripts
        ? MathScripts.plain(script, marker: isSuper ? "^" : "_")
        : isSuper ? MathScripts.superscripted(script) : MathScripts.subscripted(script)
    }
    atoms.append(atom)
  }

  /// The text of a script argument: one token or a braced group, joined without spaces.
  mutating func parseScriptArgument(marker: String) throws -> String {
    let wasInScript = inScript
    inScript = true
    defer { inScript = wasInScript }
    skipSpaces()
    guard current != nil, current != .closeBrace, let atom = try parseAtom() else {
      throw MathError.missingArgument(marker)
    }
    return atom.text
  }

  /// Parses one token into an atom; nil for tokens that print nothing (spaces, `\label`).
  mutating func parseAtom() throws -> MathAtom? {
    guard let token = current else { return nil }
    depth += 1
    defer { depth -= 1 }
    guard depth <= MathParser.maximumDepth else { throw MathError.nestedTooDeeply(MathParser.maximumDepth) }
    position += 1
    switch token {
    case .space:
      return nil
    case .openBrace:
      let atoms = try parseGroupAtoms()
      return .ordinary(MathLayout.join(atoms, script: inScript))
    case .closeBrace:
      throw MathError.unbalancedBraces
    case .superscriptMark:
      throw MathError.unexpected("^")
    case .subscriptMark:
      throw MathError.unexpected("_")
    case .alignmentTab:
      throw MathError.unexpected("&")
    case .character(let character):
      return characterAtom(character)
    case .command(let name):
      return try parseCommand(name)
    }
  }

  /// `\choose` (and `\atop`'s relative `\brace`) split their group in two.
  static func isBinomialInfix(_ token: MathToken) -> Bool {
    token == .command("choose")
  }

  /// A binomial coefficient in one line: `{n \choose k}` and `\binom{n}{k}` are `C(n, k)`.
  static func binomial(_ upper: [MathAtom], _ lower: [MathAtom], script: Bool) -> MathAtom {
    .ordinary(
      "C(" + MathLayout.join(upper, script: script) + ", " + MathLayout.join(lower, script: script)
        + ")")
  }

  func characterAtom(_ character: Character) -> MathAtom {
    switch character {
    case "'": return .ordinary("′")
    case "~": return MathAtom(kind: .space, text: " ")  // TeX's non-breaking space
    default:
      let kind = MathSymbols.kind(of: character)
      return MathAtom(
        kind: kind, text: kind == .ordinary ? font.apply(to: character) : String(character))
    }
  }
}
