/// The chapter's four exercises, and how to do each one with this tool.
enum ExerciseSteps {
  static let all: [StepDefinition] = [overview]

  static let overview = StepDefinition(
    id: "exercises", summary: "the four exercises and the commands that do them",
    parameters: [], requires: []
  ) { context, _ in
    context.say("  1. A two-layer RNN from scratch: edit exercises/Sources/Exercise1/StackedRNN.swift,")
    context.say("     then `lessons check 1` compares every Hₜ⁽ˡ⁾, state and gradient with the concise RNN.")
    context.say("     `lessons hint 1` helps; `lessons reset 1` starts over.")
    context.say("  2. GRU vs LSTM (and the vanilla RNN): `lessons experiment 2` trains each under the same budget.")
    context.say("  3. More books: `lessons experiment 3` trains on The Time Machine plus more of Wells' novels.")
    context.say("  4. Mixing authors: `lessons experiment 4` compares Wells alone with Wells among other authors.")
  }
}
