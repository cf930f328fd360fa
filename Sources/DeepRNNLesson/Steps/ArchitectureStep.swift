import CourseKit
import LessonEngine
/// Draws the deep RNN of the chapter's figure as text: L layers × T steps, each H_t^(l) feeding
/// H_{t+1}^(l) (to its right) and H_t^(l+1) (above it).
enum ArchitectureStep: LessonStep {
  static let id = "architecture"
  static var summary: String { tr("architecture.summary") }
  static let parameters: [StepParameter] = [
    .integer("layers", 1...6, tr("help.layers")), .integer("steps", 1...8, tr("help.steps")),
  ]

  struct Input {
    var layers: Int
    var steps: Int
  }

  static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(layers: values.int("layers"), steps: values.int("steps"))
  }

  static func run(_ input: Input, _ out: StepOutput) {
    let (layers, steps) = (input.layers, input.steps)
    for line in diagram(layers: layers, steps: steps) { out.say(line) }
    out.say()
    out.say("  " + tr("architecture.count", ["layers": layers, "steps": steps, "states": layers * steps]))
  }

  /// The diagram's lines, bottom row X_t, top row O_t.
  static func diagram(layers: Int, steps: Int) -> [String] {
    let cell = 9
    func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, cell - s.count)) }
    func row(_ label: String, _ items: (Int) -> String, joiner: String) -> String {
      var line = label
      for t in 1...steps { line += pad(items(t)) + (t < steps ? joiner : "") }
      return line
    }
    let margin = "        "
    var lines: [String] = []
    lines.append(row(margin, { "O\(Scripts.sub($0))" }, joiner: "   "))
    lines.append(row(margin, { _ in "↑" }, joiner: "   "))
    for l in stride(from: layers, through: 1, by: -1) {
      lines.append(row("  l=\(l)   ".prefix(8).description, { Scripts.H($0, l) }, joiner: "→  "))
      lines.append(row(margin, { _ in "↑" }, joiner: "   "))
    }
    lines.append(row(margin, { "X\(Scripts.sub($0))" }, joiner: "   "))
    return lines
  }
}
