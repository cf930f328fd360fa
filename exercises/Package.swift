// swift-tools-version:6.0
// The learner's side of d2l-swift's exercises: your answers, built apart from the project so that
// a half-edited answer never breaks the project's own `swift build` or `swift test`.
// `lessons check 1` builds this package and runs `check-exercise1`.
import Foundation
import PackageDescription

/// The d2l-swift package this one sits in. (Tests check a copy of this package elsewhere and
/// point this line at the project.)
let projectRoot = ".."

/// SwiftPM names a local dependency after its folder (`d2l-swift`, or whatever the clone is called).
let projectIdentity = (projectRoot.hasPrefix("/")
  ? URL(fileURLWithPath: projectRoot)
  : URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent(projectRoot))
  .standardized.lastPathComponent.lowercased()

/// One code exercise: the learner's answer (written from its starter by the exercise commands
/// the first time they need it) and the executable that checks it. An exercise whose answer
/// folder does not exist yet is left out, so that the package builds with only the answers of
/// the lesson at hand.
func exercise(_ name: String, checker: String, checkerPath: String) -> [Target] {
  let answer = "Sources/\(name)"
  guard FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + answer) else { return [] }
  let library: [Target.Dependency] = [
    .product(name: "D2L", package: projectIdentity), .product(name: "ExerciseChecks", package: projectIdentity),
  ]
  return [
    .target(name: name, dependencies: library, path: answer),
    .executableTarget(name: checker, dependencies: [.target(name: name)] + library, path: checkerPath),
  ]
}

let package = Package(
  name: "d2l-exercises",
  dependencies: [.package(path: projectRoot)],
  targets:
    // deep-rnn's exercise 1: stack RNNScratch layers into a deep RNN (`lessons check 1`).
    exercise("Exercise1", checker: "check-exercise1", checkerPath: "Sources/CheckExercise1")
    // bi-rnn's exercise 2: a multi-layer bidirectional RNN (`lessons check 2 --lesson bi-rnn`).
    + exercise("BiRNNExercise2", checker: "check-birnn-exercise2", checkerPath: "Sources/CheckBiRNNExercise2"),
  swiftLanguageModes: [.v5]
)
