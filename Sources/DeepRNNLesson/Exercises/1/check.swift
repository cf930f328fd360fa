// Checks your answer to deep-rnn's exercise 1 (Sources/DeepRNNExercise1/StackedRNN.swift) against
// the concise RNN API holding the same weights, and exits non-zero on any NOT OK.
// `lessons check deep-rnn:1` runs it.
import D2L
import DeepRNNChecks
import DeepRNNExercise1
import Foundation

// Line-buffered even into a pipe: should your code stop with a crash, the rows so far still show.
setvbuf(stdout, nil, _IOLBF, 0)
let rows = Exercise1Check.run(StackedRNN.self) { print($0) }
print("\n" + rows.summary)
exit(rows.allPassed ? 0 : 1)
