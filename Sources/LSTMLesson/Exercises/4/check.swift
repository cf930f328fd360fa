// Checks your answer to the LSTM lesson's exercise 4 (Sources/LSTMExercise4/NoTanhLSTM.swift)
// against the library's LSTM without the hidden state's tanh, holding the same weights, and
// exits non-zero on any NOT OK. `lessons check lstm:4` runs it.
import D2L
import LSTMChecks
import Foundation
import LSTMExercise4

setvbuf(stdout, nil, _IOLBF, 0)
let rows = NoTanhLSTMCheck.run(NoTanhLSTM.self) { print($0) }
print("\n" + rows.summary)
exit(rows.allPassed ? 0 : 1)
