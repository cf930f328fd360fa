/// The steps of the deep-rnn lesson, in lesson order.
enum DeepRNNSteps {
  static let all: [StepDefinition] = [
    ArchitectureStep.definition, TinyStackStep.definition, ScratchSteps.layer, ScratchSteps.stack,
    ConciseSteps.model, ConciseSteps.agreement, TrainingSteps.train, TrainingSteps.curve, TrainingSteps.predict,
  ]
}
