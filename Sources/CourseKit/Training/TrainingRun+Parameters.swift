import D2L
import LessonEngine

extension TrainingRun {
  /// The parameters of a lesson step that trains a character model with this run: the
  /// `TrainingConfiguration` fields a lesson file sets (`cell=lstm numLayers=2 …`).
  public static let stepParameters: [StepParameter] = [
    .choice("cell", CellKind.names, "recurrent cell"), .integer("numLayers", 1...6, "layers"),
    .integer("numHiddens", 1...1024, "hidden units"), .integer("epochs", 1...100_000, "epochs"),
    .number("lr", 1e-6...1000, "learning rate"), .number("clip", 1e-6...1e6, "gradient clipping norm"),
    .integer("batchSize", 1...1024, "sequences per minibatch"), .integer("numSteps", 1...1000, "time steps"),
  ]
}
