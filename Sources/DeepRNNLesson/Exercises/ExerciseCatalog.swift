import LessonEngine
/// The chapter's four exercises: rustlings' `info.toml` in Swift. Exercise 1 is code the learner
/// writes and `lessons check 1` verifies; exercises 2-4 are questions that only measurements
/// answer, run by `lessons experiment N`.
public struct ExerciseInfo {
  /// What doing the exercise means.
  public enum Kind {
    /// A file to fill in, checked by an executable of the exercises package.
    case code(CodeFiles)
    /// A measured experiment, run by a command.
    case experiment(command: String)
  }

  /// A code exercise's files, relative to the exercises package.
  public struct CodeFiles {
    /// The learner's file.
    public let file: String
    /// Its pristine copy, for `reset`.
    public let starter: String
    /// The project's answer, shown once the exercise is done.
    public let solution: String
    /// The executable product that checks the file.
    public let checker: String
  }

  public let number: Int
  /// The chapter's question, shortened.
  public let title: String
  public let kind: Kind
  /// What `lessons hint N` prints.
  public let hint: String
}

public enum ExerciseCatalog {
  public static let all: [ExerciseInfo] = [
    ExerciseInfo(
      number: 1, title: "A two-layer RNN from scratch, by stacking RNNScratch",
      kind: .code(ExerciseInfo.CodeFiles(
        file: "Sources/Exercise1/StackedRNN.swift", starter: "Starters/Exercise1/StackedRNN.swift",
        solution: "Solutions/Exercise1/StackedRNN.swift", checker: "check-exercise1")),
      hint: """
        Layer l computes H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l)), with H_t^(0) = X_t.

        In init: one RNNScratch per layer, `numLayers` of them (map over 0..<numLayers). The
        first reads the inputs, so its numInputs is `numInputs`; every layer above reads the
        hidden states of the layer below, so its numInputs is `numHiddens`. Pass the same
        `&generator` to each, so that each layer draws its own weights. (RNNScratch is a class:
        `Array(repeating:count:)` would make every layer the same object, sharing its weights.)

        In callAsFunction: keep a variable `outputs`, first the inputs X. For each layer i,
        `let (steps, state) = rnns[i](outputs, state: states?[i])`: layer i starts from its
        own initial state. `steps` holds T tensors (B, H); `Tensor.stack(steps)` makes them
        (T, B, H), the next layer's input, so assign it to `outputs`. Append `state` to the final
        states and the stacked outputs to the layer outputs. Return the last `outputs`.

        The library's StackedRNNScratch (Sources/d2l-swift/Layers/RNNScratch.swift) is the
        project's own answer; exercises/Solutions/Exercise1/StackedRNN.swift mirrors your file.
        """),
    ExerciseInfo(
      number: 2, title: "GRU vs LSTM (and the vanilla RNN): perplexity and speed",
      kind: .experiment(command: "lessons experiment 2"),
      hint: """
        Run `lessons experiment 2`: it trains each cell under the same budget and prints a table
        of training and held-out perplexity, tokens/s and wall time, with the curves as an SVG.
        Look at perplexity per second, not only per epoch: a GRU has 3 gates to the LSTM's 4.
        """),
    ExerciseInfo(
      number: 3, title: "Train on several books: how low does perplexity go?",
      kind: .experiment(command: "lessons experiment 3"),
      hint: """
        Run `lessons experiment 3`: it adds more of Wells' books (from D2L_DATA_DIR) and reports
        perplexity on held-out text for each setting. Compare held-out, not training, perplexity:
        more data should narrow the gap between them.
        """),
    ExerciseInfo(
      number: 4, title: "Mix authors: what goes right and what goes wrong?",
      kind: .experiment(command: "lessons experiment 4"),
      hint: """
        Run `lessons experiment 4`: it trains on Wells alone and on Wells mixed with other authors,
        then compares perplexity on held-out Wells text and shows generated samples side by side.
        Read the samples for style and vocabulary, not only the numbers.
        """),
  ]

  /// The exercise numbered `number`, or an error naming the valid ones.
  public static func exercise(_ number: Int) throws -> ExerciseInfo {
    guard let info = all.first(where: { $0.number == number }) else {
      throw ExerciseError.noSuchExercise(number)
    }
    return info
  }

  /// The files of code exercise `number`, or an error saying how to do that exercise instead
  /// (`action`: what the caller wanted to do, e.g. "check").
  public static func codeFiles(_ number: Int, for action: String) throws -> (ExerciseInfo, ExerciseInfo.CodeFiles) {
    let info = try exercise(number)
    switch info.kind {
    case .code(let files): return (info, files)
    case .experiment(let command): throw ExerciseError.notCode(number: number, command: command, action: action)
    }
  }
}
