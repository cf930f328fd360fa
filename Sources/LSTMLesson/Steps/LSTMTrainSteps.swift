import CourseKit
import D2L
import LessonEngine

/// The scratch LSTM trained as the section trains it (D2L's `RNNModelScratch` with `lstm`).
public enum LSTMScratchTrainStep: ScratchTrainingStep {
  public typealias Cell = LSTMScratch
  public static let id = "lstm-scratch-train"
  public static var summary: String { tr("scratchTrain.summary") }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainedScratch<LSTMScratch> {
    let configuration = SectionTraining.configuration(cell: .lstm, values)
    // ANCHOR: lstm-scratch-train
    // RNNLMScratch(lstm, vocab_size=len(vocab)) fit on The Time Machine
    let trained = try ScratchTraining.fit(
      configuration, reference: LSTMPublished.scratch.result
    ) { vocab, generator in
      LSTMScratch(
        numInputs: vocab.count, numHiddens: configuration.hiddenSize,
        using: &generator)
    }
    // ANCHOR_END: lstm-scratch-train
    return trained
  }
}

/// The concise LSTM (`LSTM` inside `RNNModel`) trained with the same settings.
public enum LSTMConciseTrainStep: ConciseTrainingStep {
  public static let id = "lstm-concise-train"
  public static var summary: String { tr("conciseTrain.summary") }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    let configuration = SectionTraining.configuration(cell: .lstm, values)
    // ANCHOR: lstm-concise-train
    // RNNModel(kind: .lstm, …), trained as the scratch one was
    let run = TrainingRun(
      configuration: configuration, reference: LSTMPublished.concise.result)
    let outcome = try run.run()
    // ANCHOR_END: lstm-concise-train
    return outcome
  }
}

/// The concise `LSTM` holding the trained scratch cell's weights: the same function, so the
/// two agree to rounding on a minibatch of the book.
public enum LSTMConciseAgreesStep: TrainedScratchReader {
  public typealias Training = LSTMScratchTrainStep
  public typealias Input = TrainedScratch<LSTMScratch>
  public static let id = "lstm-concise-agrees"
  public static var summary: String { tr("agrees.summary") }

  /// The largest difference from the concise layer over every Hₜ and the last Cₜ.
  public static func run(_ input: TrainedScratch<LSTMScratch>, _ out: StepOutput) throws -> Float {
    let (lstm, vocab) = (input.cell, input.vocab)
    let X = try ConciseAgreement.bookMinibatch(vocab: vocab)  // (T, B, V)
    // ANCHOR: lstm-concise-agrees
    var generator = RandomGenerator(seed: 0)
    let concise = LSTM(
      inputSize: vocab.count, hiddenSize: lstm.numHiddens, using: &generator)
    lstm.copyWeights(to: concise)  // weight_ih_l0 = [W_xi W_xf W_xc W_xo]ᵀ, …
    let (conciseH, conciseState) = withoutGradients { concise(X) }  // (T, B, H)
    let scratch = withoutGradients { lstm(X) }
    // ANCHOR_END: lstm-concise-agrees
    let largest = ConciseAgreement.largestDifference
    let (h, c) = (largest(Tensor.stack(scratch.outputs), conciseH), largest(scratch.state.C!, conciseState.cell!))
    out.shape("H", conciseH.shape, [tr("axis.steps"), tr("axis.batch"), tr("axis.hidden")])
    out.say("  " + tr("agrees.difference", ["h": Num.scientific(Double(h), 1), "c": Num.scientific(Double(c), 1)]))
    return max(h, c)
  }
}
