/// Why a LaTeX formula could not be rendered.
///
/// The description names the offending piece (for example `unknown LaTeX command \foo`) and
/// carries no position: the lesson parser prefixes `FILE:LINE:` because only it knows where the
/// formula sits in the lesson.
enum MathError: Error, Equatable, CustomStringConvertible {
  /// A `\command` that the renderer does not know; the payload includes the backslash.
  case unknownCommand(String)
  /// `\begin{name}` for an environment the renderer does not know.
  case unknownEnvironment(String)
  /// A `{` without its `}`, or a `}` without its `{`.
  case unbalancedBraces
  /// `\begin{name}` without `\end{name}`, or an `\end` that closes something else.
  case unterminatedEnvironment(String)
  /// A command that needs an argument reached the end of its group.
  case missingArgument(String)
  /// Two subscripts (`x_a_b`) or two superscripts on one base.
  case doubleScript(String)
  /// A token that cannot appear where it was found (for example `&` outside an alignment).
  case unexpected(String)
  /// Groups or arguments nested more levels deep than the parser follows.
  case nestedTooDeeply(Int)

  var description: String {
    switch self {
    case .unknownCommand(let name): return "unknown LaTeX command \(name)"
    case .unknownEnvironment(let name): return "unknown LaTeX environment '\(name)'"
    case .unbalancedBraces: return "unbalanced braces in LaTeX"
    case .unterminatedEnvironment(let name): return "LaTeX environment '\(name)' is not closed"
    case .missingArgument(let name): return "LaTeX command \(name) is missing its argument"
    case .doubleScript(let kind): return "double \(kind) in LaTeX (use braces)"
    case .unexpected(let token): return "unexpected '\(token)' in LaTeX"
    case .nestedTooDeeply(let limit): return "LaTeX nested more than \(limit) levels deep"
    }
  }
}
