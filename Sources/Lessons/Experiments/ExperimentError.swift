/// Why an experiment cannot run, worded so that the learner knows what to do.
enum ExperimentError: Error, CustomStringConvertible, Equatable {
  /// A book the experiment trains or evaluates on is not in the data folder.
  case missingData(file: String, reason: String)
  /// The sizes leave too little text for one minibatch.
  case tooLittleData(setting: String, tokens: Int, needed: Int)

  var description: String {
    switch self {
    case let .missingData(file, reason):
      return """
        this experiment needs the data file '\(file)', which was not found.
        Set D2L_DATA_DIR to the folder that holds it (in this project: ../shared/data).
        \(reason)
        """
    case let .tooLittleData(setting, tokens, needed):
      return "setting '\(setting)' has \(tokens) training tokens, fewer than the \(needed) of one minibatch; "
        + "raise --train-tokens or lower --batch-size / --num-steps"
    }
  }
}
