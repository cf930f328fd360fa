import D2L
import LessonEngine

extension TrainingRun {
  /// The parameters of a lesson step that trains a character model with this run: the
  /// `TrainingConfiguration` fields a lesson file sets (`cell=lstm numLayers=2 …`). `precision`
  /// is `fp32` (PyTorch's numerics) or `bf16` (bf16 products, where the CPU has AVX512_BF16: a
  /// learner can `--set precision=bf16`, and is refused in one line where it cannot run).
  public static let stepParameters: [StepParameter] = [
    .choice("cell", CellKind.names, tr("help.cell")), .integer("numLayers", 1...6, tr("help.numLayers")),
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .integer("epochs", 1...100_000, tr("help.epochs")),
    .number("lr", 1e-6...1000, tr("help.lr")), .number("clip", 1e-6...1e6, tr("help.clip")),
    .integer("batchSize", 1...1024, tr("help.batchSize")), .integer("numSteps", 1...1000, tr("help.numSteps")),
    .choice("precision", Precision.allCases.map(\.rawValue), tr("help.precision")),
  ]
}

extension TrainingConfiguration {
  /// The configuration a step's line sets with the names of `TrainingRun.stepParameters`
  /// (`cell=lstm numLayers=2 …`): each field the step declares, every other at its default.
  /// A lesson's training step shows it as one line of its code.
  public init(_ values: StepValues) {
    self.init()
    let given = values.all
    if let name = given["cell"] { cell = CellKind(rawValue: name)! }
    if given["numLayers"] != nil { numLayers = values.int("numLayers") }
    if given["numHiddens"] != nil { hiddenSize = values.int("numHiddens") }
    if given["epochs"] != nil { epochs = values.int("epochs") }
    if given["lr"] != nil { learningRate = values.float("lr") }
    if given["clip"] != nil { clipNorm = values.float("clip") }
    if given["batchSize"] != nil { batchSize = values.int("batchSize") }
    if given["numSteps"] != nil { numSteps = values.int("numSteps") }
    if let name = given["precision"] { precision = Precision(rawValue: name)! }
  }
}
