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
    context.say("  2. GRU vs LSTM (and the vanilla RNN): `lessons experiment 2` trains each under the same budget")
    context.say("     and tabulates training and held-out perplexity, tokens/s and wall time.")
    context.say("  3. More books: `lessons experiment 3` adds Wells' novels to The Time Machine one by one and")
    context.say("     measures every setting on the same held-out Wells text.")
    context.say("  4. Mixing authors: `lessons experiment 4` compares Wells alone with Wells among five other")
    context.say("     authors, on as many training tokens, with samples side by side and what the numbers say.")
    context.say("  And the chapter's own question, what stacking layers buys: `lessons experiment depth` trains 1 to 4")
    context.say("     layers of the same width, then the deepest against one layer with as many parameters.")
    context.say("     Each takes 2-4 minutes (release build); sizes are flags (`lessons experiment --help`), and")
    context.say("     results go to results/ as JSON, CSV and SVG curves. Held-out text is never trained on.")
  }
}
