/// Unicode sub- and superscripts, with a readable fallback where a character has none.
///
/// Unicode only has sub/superscript forms for some characters (there is no subscript `q`,
/// no superscript `Q`), so a script is converted only when *every* character has a form;
/// a half-converted `ₜq` would be misleading. Otherwise it is written `_(hq)` / `^(…)`.
enum MathScripts {
  /// `text` as a subscript: `ₜ₋₁`, or `_(hq)` / `_q` when some character has no subscript.
  static func subscripted(_ text: String) -> String {
    convert(text, table: subscripts, marker: "_")
  }

  /// Whether every character of `text` has a Unicode subscript (or superscript) form.
  static func hasUnicodeForm(_ text: String, superscript: Bool) -> Bool {
    let table = superscript ? superscripts : subscripts
    return !text.isEmpty && text.allSatisfy { table[$0] != nil }
  }

  /// `text` in the fallback form only: `_t`, `_(hq)`, `^(l)`. A formula with one script that
  /// has no Unicode form writes all its scripts this way, so that one formula never mixes
  /// `𝐖_(hq)` with `𝐇ₜ⁽ᴸ⁾`.
  static func plain(_ text: String, marker: String) -> String {
    if text.count == 1 || isParenthesised(text) { return marker + text }
    return marker + "(" + text + ")"
  }

  /// `text` as a superscript: `⁽ˡ⁾`, or `^(…)` when some character has no superscript.
  static func superscripted(_ text: String) -> String {
    convert(text, table: superscripts, marker: "^")
  }

  private static func convert(_ text: String, table: [Character: Character], marker: String)
    -> String
  {
    var converted = ""
    var complete = true
    for character in text {
      guard let script = table[character] else {
        complete = false
        break
      }
      converted.append(script)
    }
    if complete, !text.isEmpty { return converted }
    if text.count == 1 || isParenthesised(text) { return marker + text }
    return marker + "(" + text + ")"
  }

  /// Whether `text` is one parenthesised group such as `(l-1)` (but not `(a)(b)`).
  static func isParenthesised(_ text: String) -> Bool {
    guard text.first == "(", text.last == ")" else { return false }
    var depth = 0
    for (offset, character) in text.enumerated() {
      if character == "(" { depth += 1 }
      if character == ")" {
        depth -= 1
        if depth == 0, offset != text.count - 1 { return false }
      }
    }
    return depth == 0
  }

  private static func table(_ from: String, _ to: String) -> [Character: Character] {
    precondition(from.count == to.count, "script table rows must pair up")
    return Dictionary(uniqueKeysWithValues: zip(from, to))
  }

  private static let subscripts = table(
    "0123456789+-−=()aehijklmnoprstuvxəβγρφχ",
    "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓₔᵦᵧᵨᵩᵪ")

  // `×` becomes `ˣ` (as in ℝⁿˣʰ), and characters that are already small (ᵀ from `\top`,
  // primes, `*`) stay as they are.
  private static let superscripts = table(
    "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφχ×ᵀ′″*∗",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᵠᵡˣᵀ′″**")
}
