import Foundation

/// `s` at a step's prompt: asks for each of the step's parameters in turn, showing its current
/// value and range. A value is checked as `--set` checks it; a bad one says why and asks again;
/// Enter with nothing typed keeps the current value.
public enum ParameterPrompt {
  /// The step's new values, reading answers with `readLine` (one line per question; on the
  /// terminal a `LineEditor`, whose arrows move in the answer instead of typing `^[[D`).
  public static func ask(
    _ parameters: [StepParameter], current: StepValues, readLine: (() -> String?)? = nil
  ) -> StepValues {
    let readLine = readLine ?? { LineEditor.readLine() }
    var values = current
    for parameter in parameters {
      let now = current.all[parameter.name] ?? ""
      while true {
        // Broken at spaces to the terminal's width, with room left on the last line for the answer.
        let question = "  " + tr("set.ask", ["name": parameter.name, "value": now, "range": range(parameter), "help": parameter.help])
        Console.write(LineFitter.fit(question, width: max(20, Console.width - 12)).joined(separator: "\n") + " ")
        guard let line = readLine() else { return values }
        let answer = line.trimmingCharacters(in: .whitespaces)
        if answer.isEmpty { break }
        if let problem = parameter.problem(with: answer) {
          Console.write("    " + tr("set.again", ["problem": problem, "value": now]) + "\n")
          continue
        }
        values = values.setting(parameter.name, to: answer)
        break
      }
    }
    return values
  }

  /// The valid values, as a learner reads them: `1…6`, `rnn | gru | lstm`, `text`.
  static func range(_ parameter: StepParameter) -> String {
    switch parameter.kind {
    case .integer(let r): return "\(r.lowerBound)…\(r.upperBound)"
    case .number(let r): return "\(r.lowerBound)…\(r.upperBound)"
    case .text: return tr("set.text")
    case .choice(let options): return options.joined(separator: " | ")
    }
  }
}
