extension StepOutput {
  /// The output of the step running now, if a walk is running one: code deep inside a step
  /// (a training run's readout) prints through it, so that what it prints is kept with the
  /// step's other events (and shown again from the cache).
  nonisolated(unsafe) public static var running: StepOutput?
}
