// Checks your answer to exercise 1 (Sources/Exercise1/StackedRNN.swift) against the concise RNN
// API holding the same weights, and exits non-zero on any NOT OK. `lessons check 1` runs it.
import D2L
import Exercise1
import ExerciseChecks
import Foundation

// Line-buffered even into a pipe: should your code stop with a crash, the rows so far still show.
setvbuf(stdout, nil, _IOLBF, 0)
let rows = Exercise1Check.run(StackedRNN.self) { print($0) }
print("\n" + rows.summary)
exit(rows.allPassed ? 0 : 1)
