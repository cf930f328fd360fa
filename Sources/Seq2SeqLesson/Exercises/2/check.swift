// Checks your answer to seq2seq's exercise 2 (Sources/Seq2SeqExercise2/MaskedLoss.swift) against
// the definitions of the sequence mask and the book's masked softmax cross-entropy, and exits
// non-zero on any NOT OK. `lessons check seq2seq:2` runs it.
import D2L
import Foundation
import Seq2SeqChecks
import Seq2SeqExercise2

// Line-buffered even into a pipe: should your code stop with a crash, the rows so far still show.
setvbuf(stdout, nil, _IOLBF, 0)
let rows = MaskedLossCheck.run(MaskedLoss.self) { print($0) }
print("\n" + rows.summary)
exit(rows.allPassed ? 0 : 1)
