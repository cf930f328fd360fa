import D2L
import LessonEngine

extension TrainingRun {
  /// The parameters of a lesson step that trains a character model with this run: the
  /// `TrainingConfiguration` fields a lesson file sets (`cell=lstm numLayers=2 …`).
  public static let stepParameters: [StepParameter] = [
    .choice("cell", CellKind.names, tr("help.cell")), .integer("numLayers", 1...6, tr("help.numLayers")),
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .integer("epochs", 1...100_000, tr("help.epochs")),
    .number("lr", 1e-6...1000, tr("help.lr")), .number("clip", 1e-6...1e6, tr("help.clip")),
    .integer("batchSize", 1...1024, tr("help.batchSize")), .integer("numSteps", 1...1000, tr("help.numSteps")),
  ]
}
