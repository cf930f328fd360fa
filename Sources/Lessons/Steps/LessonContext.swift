import D2L
import Foundation

/// What the steps of one lesson run share, like the variables of a notebook: each step reads
/// what earlier steps left and adds its own results.
final class LessonContext {
  /// Printing is off while `--step` runs a step's prerequisites quietly.
  var quiet = false
  let color: Bool
  let width: Int

  // Results of earlier steps.
  var vocab: Vocab?
  var corpus: [Int]?
  var firstBatch: SequenceBatch?
  /// The first minibatch as one-hot vectors, (T, B, V).
  var X: Tensor?
  var training: TrainingRun.Outcome?

  init(color: Bool, width: Int) {
    self.color = color
    self.width = width
  }

  // MARK: - Output

  /// Prints a line of a step's output.
  func say(_ text: String = "") {
    if !quiet { Console.write(text + "\n") }
  }

  /// `name: (batch 32, steps 35, vocab 28)`: a shape with the meaning of each axis.
  func shape(_ name: String, _ shape: [Int], _ axes: [String], note: String = "") {
    let parts = zip(axes, shape).map { "\($0) \($1)" }
    say("  \(name): (\(parts.joined(separator: ", ")))" + (note.isEmpty ? "" : "   \(note)"))
  }

  /// An equation line, highlighted when colour is on.
  func equation(_ text: String) {
    say(color ? "  \u{1B}[36m\(text)\u{1B}[0m" : "  \(text)")
  }

  /// An equation written in LaTeX, shown as Unicode (`\\mathbf{H}_t^{(l)}` as 𝐇ₜ⁽ˡ⁾).
  func latex(_ source: String) {
    equation((try? MathRenderer.render(source)) ?? source)
  }

  /// A matrix's values, one row per line, indented under its label.
  func values(_ tensor: Tensor, indent: String = "      ", digits: Int = 4) {
    let rows = tensor.rank >= 2 ? tensor.shape[0] : 1
    let columns = tensor.count / max(rows, 1)
    let v = tensor.scalars
    for r in 0..<rows {
      let row = v[(r * columns)..<((r + 1) * columns)].map { String(format: "%+.\(digits)f", $0) }
      say(indent + "[" + row.joined(separator: " ") + "]")
    }
  }

  /// The Time Machine: the chapter's corpus (first 10,000 tokens) and vocabulary, loaded once.
  func timeMachine() throws -> (corpus: [Int], vocab: Vocab) {
    if let corpus, let vocab { return (corpus, vocab) }
    do {
      let (c, v) = try loadCorpusTimeMachine(maxTokens: 10_000)
      corpus = c
      vocab = v
      return (c, v)
    } catch {
      throw StepError("cannot load The Time Machine: \(error)")
    }
  }
}

/// Unicode digits for H₁⁽²⁾-style labels.
enum Scripts {
  static func sub(_ n: Int) -> String { map(n, "₀₁₂₃₄₅₆₇₈₉") }
  static func sup(_ n: Int) -> String { map(n, "⁰¹²³⁴⁵⁶⁷⁸⁹") }
  private static func map(_ n: Int, _ digits: String) -> String {
    let d = Array(digits)
    return String(String(n).map { d[Int(String($0))!] })
  }
  /// H_t^(l) as `Hₜ⁽ˡ⁾` with numbers: `H₃⁽²⁾`.
  static func H(_ t: Int, _ l: Int) -> String { "H\(sub(t))⁽\(sup(l))⁾" }
}
