import CourseKit
import LessonEngine
import ArgumentParser
import D2L

extension CellKind: ExpressibleByArgument {}

/// The model and data options that `train` and `bench` share.
struct ModelOptions: ParsableArguments {
  @Option(help: "Recurrent cell: lstm, gru or rnn.")
  var cell: CellKind = .lstm

  @Option(parsing: .unconditional, help: "Number of stacked recurrent layers (numLayers).")
  var layers: Int = 2

  @Option(parsing: .unconditional, help: "Hidden units per layer.")
  var hidden: Int = 256

  @Flag(help: "Each layer also reads the sequence backwards (a bidirectional RNN; the output layer reads 2 × hidden).")
  var bidirectional = false

  @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Sequences per minibatch.")
  var batchSize: Int = 32

  @Option(name: .customLong("num-steps"), parsing: .unconditional, help: "Time steps per sequence.")
  var numSteps: Int = 35

  func validate() throws {
    guard (1...16).contains(layers) else { throw ValidationError(tr("option.range", ["option": "--layers", "low": 1, "high": 16, "value": layers])) }
    guard (1...8192).contains(hidden) else { throw ValidationError(tr("option.range", ["option": "--hidden", "low": 1, "high": 8192, "value": hidden])) }
    guard (1...4096).contains(batchSize) else { throw ValidationError(tr("option.range", ["option": "--batch-size", "low": 1, "high": 4096, "value": batchSize])) }
    guard (1...10_000).contains(numSteps) else { throw ValidationError(tr("option.range", ["option": "--num-steps", "low": 1, "high": 10000, "value": numSteps])) }
  }

  /// A training configuration with these sizes.
  func configuration() -> TrainingConfiguration {
    var c = TrainingConfiguration()
    c.cell = cell
    c.numLayers = layers
    c.hiddenSize = hidden
    c.bidirectional = bidirectional
    c.batchSize = batchSize
    c.numSteps = numSteps
    return c
  }
}
