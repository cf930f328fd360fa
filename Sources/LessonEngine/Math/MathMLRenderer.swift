import Foundation

/// Renders D2L's LaTeX subset as MathML, which browsers draw natively, from the same parser
/// as the terminal's Unicode math.
///
///     MathMLRenderer.render(#"\mathbf{H}_t^{(l)}"#, display: false)
///     // <math><semantics><mrow><msubsup><mi>𝐇</mi><mi>t</mi><mrow>…</mrow></msubsup></mrow>
///     //   <annotation encoding="application/x-tex">\mathbf{H}_t^{(l)}</annotation></semantics></math>
///
/// The parser reads the formula into rows of aligned cells of atoms, with fonts applied and
/// scripts written in their plain form (`𝐇_t^(l)`); each atom becomes the MathML element of
/// its TeX class (`<mo>` for relations and operators, `<mi>`, `<mn>`), each plain script a
/// `<msub>`/`<msup>`, and rows of cells an `<mtable>` aligned as LaTeX's `aligned` is. The
/// layout stays linear (a fraction is `a/b`, as in the terminal). The LaTeX source is kept in an
/// `<annotation>`, so copying the formula gives its source back.
public enum MathMLRenderer {
  /// The formula as one `<math>` element; a formula the parser cannot read is shown as its
  /// source inside `<merror>` (the lesson parser has already refused such a lesson).
  public static func render(_ latex: String, display: Bool) -> String {
    let open = display ? #"<math display="block">"# : "<math>"
    let annotation = #"<annotation encoding="application/x-tex">"# + escape(latex) + "</annotation>"
    var parser = MathParser(alignmentBody(latex) ?? latex)
    parser.plainScripts = true
    guard let rows = try? parser.parseFormula() else {
      return open + "<semantics><merror><mtext>" + escape(latex) + "</mtext></merror>" + annotation
        + "</semantics></math>"
    }
    let writer = Writer(parenthesisedSuperscripts: parenthesisedSuperscripts(latex))
    return open + "<semantics>" + writer.body(rows) + annotation + "</semantics></math>"
  }

  /// The rows of a formula that is one alignment environment (`\begin{aligned}…\end{aligned}`):
  /// parsed as the formula itself, they keep their atoms (and so become a table of MathML
  /// cells), where the environment would give the parser's laid-out text lines.
  static func alignmentBody(_ latex: String) -> String? {
    let names = ["aligned", "align", "align*", "split", "gathered", "gather", "gather*", "equation", "equation*"]
    let trimmed = latex.trimmingCharacters(in: .whitespacesAndNewlines)
    for name in names where trimmed.hasPrefix("\\begin{\(name)}") && trimmed.hasSuffix("\\end{\(name)}") {
      let body = trimmed.dropFirst("\\begin{\(name)}".count).dropLast("\\end{\(name)}".count)
      // `\begin{aligned}a\end{aligned} + \begin{aligned}b\end{aligned}` is not one environment.
      guard !body.contains("\\begin{\(name)}") else { return nil }
      return String(body)
    }
    return nil
  }

  /// The superscripts the source writes in parentheses (`^{(l)}`, `^{(l-1)}`), by their letters
  /// and digits (`l`, `l1`). The plain form parenthesises every longer script (`^(n×d)` for
  /// `^{n \times d}`), so the source decides which parentheses are the formula's own.
  static func parenthesisedSuperscripts(_ latex: String) -> Set<String> {
    var found: Set<String> = []
    var rest = latex[...]
    while let mark = rest.range(of: "^{") {
      rest = rest[mark.upperBound...]
      guard rest.drop(while: \.isWhitespace).first == "(" else { continue }
      var depth = 1, content = ""
      for character in rest {
        if character == "{" { depth += 1 }
        if character == "}" { depth -= 1 }
        if depth == 0 { break }
        content.append(character)
      }
      found.insert(signature(content))
    }
    return found
  }

  /// A script's letters and digits, commands (`\mathbf`) left out: the same for the source and
  /// for the parser's plain text.
  static func signature(_ text: String) -> String {
    var out = "", inCommand = false
    for character in text {
      if character == "\\" {
        inCommand = true
        continue
      }
      if inCommand, character.isLetter { continue }
      inCommand = false
      if character.isASCII, character.isLetter || character.isNumber { out.append(character) }
    }
    return out
  }

  /// Text for an XML element or attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}

/// Writes parsed rows as MathML elements.
private struct Writer {
  let parenthesisedSuperscripts: Set<String>

  /// One row as an `<mrow>`; several rows (or cells) as an `<mtable>` whose columns alternate
  /// right and left alignment.
  func body(_ rows: [MathParser.Row]) -> String {
    // An environment that fills the whole formula (`\begin{aligned}`) brings its own lines.
    if rows.count == 1, rows[0].count == 1, rows[0][0].count == 1, let lines = rows[0][0][0].lines {
      return "<mtable>" + lines.map { "<mtr><mtd><mtext>\(MathMLRenderer.escape($0))</mtext></mtd></mtr>" }.joined() + "</mtable>"
    }
    if rows.count == 1, rows[0].count == 1 { return row(rows[0][0]) }
    let columns = rows.map(\.count).max() ?? 1
    let alignment = (0..<columns).map { $0 % 2 == 0 ? "right" : "left" }.joined(separator: " ")
    // `columnalign` for MathML renderers that read it, the class for the page's stylesheet
    // (MathML Core, which Chromium implements, aligns cells with CSS).
    var out = #"<mtable class="aligned" columnalign="\#(alignment)" columnspacing="0" displaystyle="true">"#
    for cells in rows {
      out += "<mtr>"
      for (column, cell) in cells.enumerated() {
        // A cell after `&` that starts with a relation continues the cell before it.
        out += "<mtd>" + (column > 0 ? "<mi></mi>" : "") + row(cell) + "</mtd>"
      }
      out += "</mtr>"
    }
    return out + "</mtable>"
  }

  /// Atoms as an `<mrow>`.
  func row(_ atoms: [MathAtom]) -> String {
    "<mrow>" + atoms.map(element).joined() + "</mrow>"
  }

  /// The element of one atom. Classes are tested one by one (no exhaustive switch) so that a
  /// class added to the parser later still renders, as text.
  func element(_ atom: MathAtom) -> String {
    let operators: [MathAtom.Kind] = [.binary, .relation, .open, .close, .punctuation]
    if atom.kind == .space {
      let width = 0.28 * Double(max(1, atom.text.count))
      return #"<mspace width="\#(width)em"/>"#
    }
    if let lines = atom.lines {
      return "<mtable>" + lines.map { "<mtr><mtd><mtext>\(MathMLRenderer.escape($0))</mtext></mtd></mtr>" }.joined() + "</mtable>"
    }
    if operators.contains(atom.kind) {
      return scripted(atom.text) { "<mo>\(MathMLRenderer.escape($0))</mo>" }
    }
    if atom.kind == .largeOperator {
      return scripted(atom.text) { #"<mo largeop="true">\#(MathMLRenderer.escape($0))</mo>"# }
    }
    if atom.kind == .operatorName {
      return scripted(atom.text) { "<mi>\(MathMLRenderer.escape($0))</mi>" }
    }
    return scripted(atom.text) { ordinary($0) }
  }

  // MARK: - Plain scripts

  /// `text` with its plain scripts (`x_t`, `𝐖_(xh)^(l)`) as `<msub>`/`<msup>`/`<msubsup>` on the
  /// character before them; the rest is drawn by `base`.
  func scripted(_ text: String, base: (String) -> String) -> String {
    var scanner = ScriptScanner(text)
    let pieces = scanner.pieces()
    guard pieces.contains(where: { $0.sub != nil || $0.sup != nil }) else { return base(text) }
    var out = ""
    for piece in pieces {
      guard piece.sub != nil || piece.sup != nil else {
        out += base(piece.base)
        continue
      }
      // The script belongs to the last character of the run before it.
      let nucleus = piece.base.last.map(String.init) ?? ""
      let before = String(piece.base.dropLast())
      if !before.isEmpty { out += base(before) }
      let nucleusElement = nucleus.isEmpty ? "<mrow></mrow>" : base(nucleus)
      switch (piece.sub, piece.sup) {
      case (let sub?, let sup?):
        out += "<msubsup>" + nucleusElement + scriptRow(sub, superscript: false) + scriptRow(sup, superscript: true) + "</msubsup>"
      case (let sub?, nil):
        out += "<msub>" + nucleusElement + scriptRow(sub, superscript: false) + "</msub>"
      case (nil, let sup?):
        out += "<msup>" + nucleusElement + scriptRow(sup, superscript: true) + "</msup>"
      default:
        break
      }
    }
    return "<mrow>" + out + "</mrow>"
  }

  /// A script's content: its parentheses are the plain form's grouping (`_(xh)`, `^(n×d)`), unless
  /// the source wrote them (`^{(l)}`, the layer).
  private func scriptRow(_ script: String, superscript: Bool) -> String {
    var content = script
    let own = superscript && parenthesisedSuperscripts.contains(MathMLRenderer.signature(content))
    if !own, MathScripts.isParenthesised(content), content.count > 2 {
      content = String(content.dropFirst().dropLast())
    }
    return "<mrow>" + scripted(content) { ordinary($0, lettersAreVariables: true) } + "</mrow>"
  }

  /// A letter with a combining accent (`\tilde{\mathbf{H}}` is 𝐇 + U+0303) as `<mover>`: fonts
  /// rarely place a combining mark over a mathematical letter.
  func accented(_ character: Character) -> String? {
    let scalars = character.unicodeScalars
    guard scalars.count == 2, let mark = scalars.last, let accent = Self.accents[mark.value] else { return nil }
    let base = String(scalars.first!)
    let under = mark.value == 0x332
    let tag = under ? "munder" : "mover"
    return #"<\#(tag) accent\#(under ? "under" : "")="true"><mi>\#(MathMLRenderer.escape(base))</mi><mo>\#(accent)</mo></\#(tag)>"#
  }

  /// The spacing form of each combining accent the parser writes.
  static let accents: [UInt32: String] = [
    0x302: "^", 0x303: "~", 0x304: "¯", 0x305: "¯", 0x20D7: "→", 0x307: "˙", 0x308: "¨", 0x30C: "ˇ",
    0x306: "˘", 0x301: "´", 0x300: "`", 0x332: "_",
  ]

  /// Ordinary text: digits as `<mn>`, letters as `<mi>` (a word such as `softmax` stays one
  /// `<mi>`, upright, except in a script), words with spaces (`\text{…}`) as `<mtext>`, anything else as `<mo>`.
  /// In a script, `lettersAreVariables`: `W_{xh}` has two variables x and h, each in italics.
  func ordinary(_ text: String, lettersAreVariables: Bool = false) -> String {
    if text.isEmpty { return "" }
    if text.contains(" "), text.contains(where: \.isLetter) { return "<mtext>\(MathMLRenderer.escape(text))</mtext>" }
    var out = "", run = "", runIsNumber = false, runIsWord = false
    func flush() {
      guard !run.isEmpty else { return }
      out += runIsNumber ? "<mn>\(MathMLRenderer.escape(run))</mn>" : runIsWord ? "<mi>\(MathMLRenderer.escape(run))</mi>" : "<mo>\(MathMLRenderer.escape(run))</mo>"
      run = ""
    }
    for character in text where character != " " {
      if let accented = accented(character) {
        flush()
        out += accented
        continue
      }
      let isNumber = character.isASCII && (character.isNumber || character == ".")
      let isWord = character.isLetter || character == "′"
      if isNumber != runIsNumber || isWord != runIsWord || !(isNumber || isWord) || (isWord && lettersAreVariables) { flush() }
      runIsNumber = isNumber
      runIsWord = isWord
      run.append(character)
    }
    flush()
    return out
  }
}

/// Splits an atom's text at plain scripts: `𝐖_(xh)^(l)x` is `𝐖` with sub `xh`… and sup `(l)`,
/// then `x`. A script is one character or one balanced parenthesised group.
private struct ScriptScanner {
  struct Piece {
    var base: String
    var sub: String?
    var sup: String?
  }

  let characters: [Character]
  var index = 0

  init(_ text: String) { characters = Array(text) }

  mutating func pieces() -> [Piece] {
    var pieces: [Piece] = []
    var current = Piece(base: "")
    while index < characters.count {
      let character = characters[index]
      let isMarker = (character == "_" || character == "^") && index + 1 < characters.count
      guard isMarker else {
        if current.sub != nil || current.sup != nil {
          pieces.append(current)
          current = Piece(base: "")
        }
        current.base.append(character)
        index += 1
        continue
      }
      index += 1
      let script = readScript()
      if character == "_", current.sub == nil { current.sub = script } else if character == "^", current.sup == nil {
        current.sup = script
      } else {
        pieces.append(current)
        current = Piece(base: "", sub: character == "_" ? script : nil, sup: character == "^" ? script : nil)
      }
    }
    pieces.append(current)
    return pieces
  }

  /// One character, or a parenthesised group with its parentheses.
  private mutating func readScript() -> String {
    guard characters[index] == "(" else {
      defer { index += 1 }
      return String(characters[index])
    }
    var depth = 0, script = ""
    while index < characters.count {
      let character = characters[index]
      script.append(character)
      index += 1
      if character == "(" { depth += 1 }
      if character == ")" {
        depth -= 1
        if depth == 0 { break }
      }
    }
    return script
  }
}
