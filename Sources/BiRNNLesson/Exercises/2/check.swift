// Checks your answer to bi-rnn's exercise 2 (Sources/BiRNNExercise2/DeepBiRNN.swift) against the
// concise RNN(numLayers:bidirectional: true) holding the same weights, and exits non-zero on any
// NOT OK. `lessons check bi-rnn:2` runs it.
import BiRNNChecks
import BiRNNExercise2
import D2L
import Foundation

// Line-buffered even into a pipe: should your code stop with a crash, the rows so far still show.
setvbuf(stdout, nil, _IOLBF, 0)
let rows = BiRNNExercise2Check.run(DeepBiRNN.self) { print($0) }
print("\n" + rows.summary)
exit(rows.allPassed ? 0 : 1)
