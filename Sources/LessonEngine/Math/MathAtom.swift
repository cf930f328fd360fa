/// A rendered piece of a formula with TeX's spacing class.
///
/// TeX decides the space between two pieces from their classes (a relation such as `=` gets
/// space on both sides, a `-` at the start is a sign, not a binary minus); the renderer keeps
/// the class next to the text so `MathLayout` can make the same decisions in plain text.
struct MathAtom: Equatable {
  enum Kind: Equatable {
    case ordinary
    /// A function name such as `tanh` or `log`: spaced from a following ordinary atom.
    case operatorName
    /// `∑`, `∏`, `∫`: spaced from their operand.
    case largeOperator
    case binary
    case relation
    case open
    case close
    case punctuation
    /// Explicit space (`\quad`, `\,`): suppresses the automatic spacing around it.
    case space
  }

  var kind: Kind
  var text: String
  /// The lines of an `aligned`-like environment; `text` then holds the one-line form used
  /// when the environment is not the whole formula.
  var lines: [String]? = nil

  static func ordinary(_ text: String) -> MathAtom { MathAtom(kind: .ordinary, text: text) }
}

/// Joins atoms into text with TeX-like spacing.
enum MathLayout {
  /// Joins `atoms` into one string.
  /// - Parameters:
  ///   - script: inside a sub- or superscript, where TeX adds no space at all.
  ///   - continuesCell: the atoms follow an alignment `&`, so a leading relation
  ///     (`&= b`) is spaced as if something stood before it.
  static func join(_ atoms: [MathAtom], script: Bool, continuesCell: Bool = false) -> String {
    var output = ""
    var previous: MathAtom.Kind? = continuesCell ? .ordinary : nil
    for atom in atoms {
      var kind = atom.kind
      // A binary operator with nothing sensible on its left is a sign: `-x`, `(-1)`, `= -b`.
      if kind == .binary, previous == nil || isOperatorLike(previous!) {
        kind = .ordinary
      }
      if !script, let previous, needsSpace(between: previous, and: kind) {
        output += " "
      }
      output += atom.text
      previous = kind
    }
    return output
  }

  private static func isOperatorLike(_ kind: MathAtom.Kind) -> Bool {
    switch kind {
    case .binary, .relation, .open, .punctuation, .largeOperator, .operatorName: return true
    default: return false
    }
  }

  private static func needsSpace(between left: MathAtom.Kind, and right: MathAtom.Kind) -> Bool {
    if left == .space || right == .space { return false }
    if left == .binary || right == .binary { return true }
    if left == .relation || right == .relation { return left != .open && right != .close }
    if left == .punctuation { return right != .close }
    switch (left, right) {
    case (.operatorName, .ordinary), (.operatorName, .operatorName),
      (.operatorName, .largeOperator), (.largeOperator, .ordinary),
      (.largeOperator, .operatorName), (.largeOperator, .largeOperator),
      (.ordinary, .operatorName), (.ordinary, .largeOperator),
      (.close, .operatorName), (.close, .largeOperator):
      return true
    default:
      return false
    }
  }
}
