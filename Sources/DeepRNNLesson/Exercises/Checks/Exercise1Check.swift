import ExerciseChecks
import D2L
/// Verifies an answer to exercise 1 (stack `RNNScratch` layers into a deep RNN) against the
/// concise `RNN(numLayers:)` holding the same weights, in the spirit of llm.c's tensor checker:
/// every fact is a row, `OK` or `NOT OK`, with expected vs got and the largest difference.
///
/// Three cases are run, each on fixed seeded weights, inputs and (non-zero) initial states:
///
/// 1. `L=2 (I=5, H=4)`: the exercise itself, row by row: the layers' shapes, their own weights,
///    output shape, every H_t^(l), the outputs, the final states, and the gradients of every
///    parameter for a fixed random projection of outputs and states.
/// 2. `L=2 (I = H = 4)`, one row: inputs as wide as the hidden state, so that a layer 2 wired to
///    the inputs X still runs and is caught by its values (with I ≠ H it would stop inside
///    `RNNScratch`). Run before case 1, so that case 1 does not run such an answer.
/// 3. `L=3 (I=5, H=4)`, one row: the answer must be general in L.
///
/// Wrong answers are named: a layer reading X instead of the layer below, layers sharing their
/// weights, a layer ignoring its previous state. The checker never traps on a wrong answer's
/// results (shapes are compared before any operation that would trap); it cannot guard the
/// answer's own code, but it skips a forward pass known to trap.
public enum Exercise1Check {
  /// Runs every check on `type` and returns the rows in order.
  ///
  /// - Parameters:
  ///   - type: the answer's type.
  ///   - onResult: sees each row as soon as it is known (so a crash in the answer's code later
  ///     on still leaves the earlier rows printed).
  public static func run<Answer: StackedRNNExercise>(
    _ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }
  ) -> [CheckResult] {
    var rows: [CheckResult] = []
    func emit(_ row: CheckResult) { rows.append(row); onResult(row) }

    // Run first (shown second): it finds a layer reading X while such an answer still runs.
    let wiring = Exercise1Case(numInputs: 4, numHiddens: 4, numLayers: 2, seed: 101)
    let wiringRun = Exercise1Run<Answer>(wiring)
    let wiringRows = wiringRun.rows()
    // With I ≠ H, a layer that reads X would stop inside RNNScratch: say so instead of running it.
    let skip = wiringRun.readsInputs.map { l in
      ct("skip.readsInputs", ["layer": l + 1])
    }

    let main = Exercise1Case(numInputs: 5, numHiddens: 4, numLayers: 2, seed: 102)
    let mainRows = Exercise1Run<Answer>(main).rows(skippingForward: skip, onRow: emit)
    let shown = Set(mainRows.filter { !$0.passed }.map(\.topic))
    emit(CheckResult.condense(wiringRows, name: ct("row.wiring", ["label": wiring.label]), shown: shown))

    let general = Exercise1Case(numInputs: 5, numHiddens: 4, numLayers: 3, seed: 103)
    let generalRows = Exercise1Run<Answer>(general).rows(skippingForward: skip)
    emit(CheckResult.condense(generalRows, name: ct("row.general", ["label": general.label]), shown: shown))
    return rows
  }

  /// The rows as a report: one per line (details indented), then the summary.
  public static func report(_ rows: [CheckResult]) -> String {
    (rows.map(\.description) + ["", rows.summary]).joined(separator: "\n")
  }

}
