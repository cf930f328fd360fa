import D2L
import CourseKit
import LessonEngine

/// The section's exercises and where this lesson does each.
public enum S2SExercisesStep: SectionExercisesStep {
  public static let id = "s2s-exercises"
  public static let count = 6
  public static var strings: StringTable { S2SStrings.table }
}

/// What an exercise step compares with: the book's run of step s2s-train.
public struct Baseline {
  public let trained: TrainedTranslator
  public let epochs: Int

  public init(_ results: StepResults, _ values: StepValues) throws {
    trained = try results.output(of: S2STrainStep.self)
    epochs = values.int("epochs")
  }

  public var run: ComparedRun { trained.comparedRun(tr("compare.book")) }

  /// The lesson's settings for a run of `epochs` at the book's learning rate.
  public var settings: TranslationSettings {
    var s = TranslationSettings()
    s.epochs = epochs
    s.learningRate = trained.configuration.learningRate
    return s
  }

  /// The book's configuration with `epochs`.
  public var configuration: Seq2SeqConfiguration {
    var c = trained.configuration
    c.epochs = epochs
    return c
  }
}

let epochsParameter = StepParameter.integer("epochs", 1...3000, tr("help.epochs"))

/// An exercise step that trains the book's model with one thing changed and compares it with
/// the book's run: it requires s2s-train and returns the runs compared, the book's first.
public protocol BaselineComparisonStep: LessonStep where Output == [ComparedRun] {}

extension BaselineComparisonStep {
  public static var requires: [String] { [S2STrainStep.id] }
}

extension BaselineComparisonStep where Input == Baseline {
  /// Only the epochs to train the changed model for.
  public static var parameters: [StepParameter] { [epochsParameter] }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Baseline { try Baseline(results, values) }
}

extension Baseline {
  /// The book's run and `changed`, shown as a table, then `reading` (what to read in it) if
  /// the step has one.
  public func compared(with changed: ComparedRun, reading: String? = nil, _ out: StepOutput) -> [ComparedRun] {
    let runs = [run, changed]
    show(runs, out)
    if let reading {
      out.say()
      for line in LineFitter.paragraph(reading, width: out.width, first: "  ", rest: "  ") { out.say(line) }
    }
    return runs
  }
}

/// Exercise 1: the book's model with one hyperparameter changed at a time.
public enum S2SHyperStep: BaselineComparisonStep {
  public static let id = "s2s-hyper"
  public static var summary: String { tr("hyper.summary") }
  public static let parameters: [StepParameter] = [
    .text("settings", tr("help.settings")), epochsParameter,
  ]

  public struct Input {
    public var changes: [(name: String, value: Double)]
    public let baseline: Baseline
  }

  static let names = ["embedSize", "numHiddens", "numLayers", "dropout", "lr"]

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let changes = try values.string("settings").split(separator: "|").map { part -> (String, Double) in
      let pair = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, names.contains(pair[0]), let v = Double(pair[1]), v > 0 || pair[0] == "dropout" else {
        throw StepError(tr("hyper.bad", ["part": String(part), "names": names.joined(separator: ", ")]))
      }
      return (pair[0], v)
    }
    return Input(changes: changes, baseline: try Baseline(results, values))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> [ComparedRun] {
    let data = input.baseline.trained.data
    var runs = [input.baseline.run]
    for (name, value) in input.changes {
      var configuration = input.baseline.configuration
      var settings = input.baseline.settings
      // ANCHOR: s2s-hyper
      switch name {
      case "embedSize": configuration.embedSize = Int(value)
      case "numHiddens": configuration.hiddenSize = Int(value)
      case "numLayers": configuration.numLayers = Int(value)
      case "dropout": configuration.dropout = Float(value)
      default: settings.learningRate = Float(value)
      }
      let run = compareBookModel("\(name)=\(value.formatted())",
        configuration: configuration, data: data, settings: settings)
      // ANCHOR_END: s2s-hyper
      runs.append(run)
    }
    show(runs, out)
    return runs
  }
}

/// Exercise 2: the book's model trained without the mask.
public enum S2SNoMaskStep: BaselineComparisonStep {
  public static let id = "s2s-no-mask"
  public static var summary: String { tr("nomask.summary") }

  public static func run(_ baseline: Baseline, _ out: StepOutput) -> [ComparedRun] {
    let (configuration, data) = (baseline.configuration, baseline.trained.data)
    var settings = baseline.settings
    // ANCHOR: s2s-no-mask
    settings.masked = false  // every padded position counts in the loss
    let unmasked = compareBookModel(tr("nomask.name"),
      configuration: configuration, data: data, settings: settings)
    // ANCHOR_END: s2s-no-mask
    return baseline.compared(with: unmasked, reading: tr("nomask.reading"), out)
  }
}

/// Exercise 3: an encoder of another size, its last state mapped to the decoder's first.
public enum S2SSizesStep: BaselineComparisonStep {
  public static let id = "s2s-sizes"
  public static var summary: String { tr("sizes.summary") }
  public static let parameters: [StepParameter] = [
    .integer("encoderHiddens", 1...512, tr("help.encoderHiddens")), .integer("encoderLayers", 1...4, tr("help.encoderLayers")),
    epochsParameter,
  ]

  public struct Input {
    public var encoderHiddens, encoderLayers: Int
    public let baseline: Baseline
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(encoderHiddens: values.int("encoderHiddens"), encoderLayers: values.int("encoderLayers"), baseline: try Baseline(results, values))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> [ComparedRun] {
    let (c, data, settings) = (input.baseline.configuration, input.baseline.trained.data, input.baseline.settings)
    let (encoderHiddens, encoderLayers) = (input.encoderHiddens, input.encoderLayers)
    var g = RandomGenerator(seed: c.seed)
    // ANCHOR: s2s-sizes
    let encoder = Seq2SeqEncoder(
      vocabSize: data.sourceVocab.count, embedSize: c.embedSize,
        hiddenSize: encoderHiddens,
      numLayers: encoderLayers, dropout: c.dropout, using: &g)
    let decoder = BridgedDecoder(
      Seq2SeqDecoder(vocabSize: data.targetVocab.count, embedSize: c.embedSize,
        hiddenSize: c.hiddenSize,
                     numLayers: c.numLayers, dropout: c.dropout, using: &g),
      encoderHiddens: encoderHiddens, using: &g)
    let model = EncoderDecoder(encoder: encoder, decoder: decoder)
    xavierInitWeights(model, using: &g)
    let run = compare(tr("sizes.name", ["hidden": encoderHiddens,
      "layers": encoderLayers]), model,
                      data: data, settings: settings, numSteps: c.numSteps)
    // ANCHOR_END: s2s-sizes
    out.shape("encoder state", [encoderLayers, data.loader.batchSize, encoderHiddens],
              [tr("axis.layers"), tr("axis.batch"), tr("axis.hidden")])
    out.shape("bridge → decoder state", [c.numLayers, data.loader.batchSize, c.hiddenSize],
              [tr("axis.layers"), tr("axis.batch"), tr("axis.hidden")], note: "tanh(W h_T + b)")
    return input.baseline.compared(with: run, out)
  }
}

/// Exercise 4: training without teacher forcing.
public enum S2SNoTeacherStep: BaselineComparisonStep {
  public static let id = "s2s-no-teacher"
  public static var summary: String { tr("noteacher.summary") }

  public static func run(_ baseline: Baseline, _ out: StepOutput) -> [ComparedRun] {
    let (configuration, data) = (baseline.configuration, baseline.trained.data)
    var settings = baseline.settings
    // ANCHOR: s2s-no-teacher
    // the decoder reads its own best word of the step before
    settings.teacherForcing = false
    let free = compareBookModel(tr("noteacher.name"),
      configuration: configuration, data: data, settings: settings)
    // ANCHOR_END: s2s-no-teacher
    return baseline.compared(with: free, reading: tr("noteacher.reading"), out)
  }
}

/// Exercise 5: LSTM layers in place of the GRU layers.
public enum S2SLSTMStep: BaselineComparisonStep {
  public static let id = "s2s-lstm"
  public static var summary: String { tr("lstm.summary") }

  public static func run(_ baseline: Baseline, _ out: StepOutput) -> [ComparedRun] {
    var configuration = baseline.configuration
    let (data, settings) = (baseline.trained.data, baseline.settings)
    // ANCHOR: s2s-lstm
    // the book's Xavier initialisation applies to GRU weights only
    configuration.cell = .lstm
    let lstm = compareBookModel("LSTM", configuration: configuration,
      data: data, settings: settings)
    // ANCHOR_END: s2s-lstm
    return baseline.compared(with: lstm, out)
  }
}

/// The section's exercises for `lessons exercises --lesson seq2seq`: exercise 2 has a code part,
/// the others are measured by a step or are questions to think about.
enum S2SExercises {
  static var all: [ExerciseInfo] {
    ExerciseInfo.numbered([
      .experiment(command: "lessons run seq2seq --step s2s-hyper"),
      .code(file: "MaskedLoss.swift"),  // its starter, solution and checker: Exercises/2/
      .experiment(command: "lessons run seq2seq --step s2s-sizes"),
      .experiment(command: "lessons run seq2seq --step s2s-no-teacher"),
      .experiment(command: "lessons run seq2seq --step s2s-lstm"),
      .experiment(command: "lessons run seq2seq --step s2s-exercises"),
    ], strings: S2SStrings.table)
  }
}
