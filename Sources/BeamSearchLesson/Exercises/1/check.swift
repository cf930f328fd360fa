// Checks your answer to beam-search's exercise 1 (Sources/BeamSearchExercise1/BeamStep.swift)
// against the library's beam step, and exits non-zero on any NOT OK.
// `lessons check beam-search:1` runs it.
import BeamSearchChecks
import BeamSearchExercise1
import Foundation

// Line-buffered even into a pipe: should your code stop with a crash, the rows so far still show.
setvbuf(stdout, nil, _IOLBF, 0)
let rows = BeamStepCheck.run(MyBeamStep.self) { print($0) }
print("\n" + rows.summary)
exit(rows.allPassed ? 0 : 1)
