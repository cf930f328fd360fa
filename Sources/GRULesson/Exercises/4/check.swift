// Checks your answer to the GRU lesson's exercise 4 (Sources/GRUExercise4/PartialGRU.swift)
// against the library's reset-only and update-only GRUs holding the same weights, and exits
// non-zero on any NOT OK. Once both pass, they train briefly beside the full GRU.
// `lessons check gru:4` runs it.
import D2L
import GRUChecks
import Foundation
import GRUExercise4

setvbuf(stdout, nil, _IOLBF, 0)
let rows = PartialGRUCheck.run(PartialGRU.self) { print($0) }
print("\n" + rows.summary)
if rows.allPassed {
  print()
  do {
    for line in try PartialGRUCheck.trainSideBySide(PartialGRU.self) { print(line) }
  } catch {
    print(PartialGRUCheck.noData(error))
  }
}
exit(rows.allPassed ? 0 : 1)
