import CourseKit
import D2L
import LessonEngine

/// The scratch GRU trained as the section trains it (D2L's `RNNModelScratch` with `gru`).
public enum GRUScratchTrainStep: ScratchTrainingStep {
  public typealias Cell = GRUScratch
  public static let id = "gru-scratch-train"
  public static var summary: String { tr("scratchTrain.summary") }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainedScratch<GRUScratch> {
    let configuration = SectionTraining.configuration(cell: .gru, values)
    // ANCHOR: gru-scratch-train
    // RNNLMScratch(gru, vocab_size=len(vocab)) fit on The Time Machine
    let trained = try ScratchTraining.fit(
      configuration, reference: GRUPublished.scratch.result
    ) { vocab, generator in
      GRUScratch(
        numInputs: vocab.count, numHiddens: configuration.hiddenSize,
        using: &generator)
    }
    // ANCHOR_END: gru-scratch-train
    return trained
  }
}

/// The concise GRU (`GRU` inside `RNNModel`) trained with the same settings.
public enum GRUConciseTrainStep: ConciseTrainingStep {
  public static let id = "gru-concise-train"
  public static var summary: String { tr("conciseTrain.summary") }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    let configuration = SectionTraining.configuration(cell: .gru, values)
    // ANCHOR: gru-concise-train
    // RNNModel(kind: .gru, …), trained as the scratch one was
    let run = TrainingRun(
      configuration: configuration, reference: GRUPublished.concise.result)
    let outcome = try run.run()
    // ANCHOR_END: gru-concise-train
    return outcome
  }
}
