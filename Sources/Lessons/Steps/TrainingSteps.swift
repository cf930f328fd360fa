import D2L
import Foundation

/// Training on The Time Machine with a live readout, the perplexity curve, and predictions.
enum TrainingSteps {
  static let train = StepDefinition(
    id: "train", summary: "train on The Time Machine (the chapter's run), with a live readout",
    parameters: [
      .choice("cell", ["rnn", "gru", "lstm"], "recurrent cell"), .integer("numLayers", 1...6, "layers"),
      .integer("numHiddens", 1...1024, "hidden units"), .integer("epochs", 1...100_000, "epochs"),
      .number("lr", 1e-6...1000, "learning rate"), .number("clip", 1e-6...1e6, "gradient clipping norm"),
      .integer("batchSize", 1...1024, "sequences per minibatch"), .integer("numSteps", 1...1000, "time steps"),
    ],
    requires: []
  ) { context, values in
    // ANCHOR: train
    var configuration = TrainingConfiguration()
    configuration.cell = CellKind(rawValue: values.string("cell"))!
    configuration.numLayers = values.int("numLayers")
    configuration.hiddenSize = values.int("numHiddens")
    configuration.epochs = values.int("epochs")
    configuration.learningRate = values.float("lr")
    configuration.clipNorm = values.float("clip")
    configuration.batchSize = values.int("batchSize")
    configuration.numSteps = values.int("numSteps")
    let run = TrainingRun(configuration: configuration, prefixes: [])
    context.training = try run.run()
    // ANCHOR_END: train
  }

  static let curve = StepDefinition(
    id: "perplexity-curve", summary: "the perplexity curve of the training run, drawn",
    parameters: [.integer("height", 4...40, "rows of the chart")],
    requires: ["train"]
  ) { context, values in
    guard let history = context.training?.history, !history.isEmpty else { throw StepError("run step train first") }
    for line in TextChart.lines(series: [("perplexity", history.map(\.perplexity))], height: values.int("height"), width: min(context.width - 12, 72)) {
      context.say(line)
    }
    let first = history.first!, last = history.last!
    context.say(String(format: "  epoch 1: %.2f  →  epoch %d: %.3f", first.perplexity, last.epoch, last.perplexity))
  }

  static let predict = StepDefinition(
    id: "predict", summary: "greedy predictions from the trained model",
    parameters: [.text("prefixes", "prefixes separated by |"), .integer("chars", 1...1000, "characters to predict")],
    requires: ["train"]
  ) { context, values in
    guard let outcome = context.training else { throw StepError("run step train first") }
    let prefixes = values.string("prefixes").split(separator: "|").map(String.init)
    let chars = values.int("chars")
    for prefix in prefixes {
      // ANCHOR: predict
      let text = outcome.model.predict(prefix: prefix, count: chars, vocab: outcome.vocab)
      // ANCHOR_END: predict
      context.say("  predict(\"\(prefix)\") → \(text)")
    }
  }
}
