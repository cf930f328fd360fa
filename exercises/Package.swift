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

let package = Package(
  name: "d2l-exercises",
  dependencies: [.package(path: projectRoot)],
  targets: [
    // Your answer to exercise 1: stack RNNScratch layers into a deep RNN.
    .target(
      name: "Exercise1",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/Exercise1"),
    // Verifies it against the concise RNN API with the same weights (`lessons check 1`).
    .executableTarget(
      name: "check-exercise1",
      dependencies: [
        "Exercise1", .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/CheckExercise1"),
    // bi-rnn's exercise 2: a multi-layer bidirectional RNN from RNNScratch layers.
    .target(
      name: "BiRNNExercise2",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/BiRNNExercise2"),
    // Verifies it against the concise bidirectional RNN (`lessons check 2 --lesson bi-rnn`).
    .executableTarget(
      name: "check-birnn-exercise2",
      dependencies: [
        "BiRNNExercise2", .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/CheckBiRNNExercise2"),
    // beam-search's exercise 1: the beam step (keep the k best of k × |V| extensions).
    .target(
      name: "BeamSearchExercise1",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/BeamSearchExercise1"),
    // Verifies it against the library's beam search (`lessons check 1 --lesson beam-search`).
    .executableTarget(
      name: "check-beam-search-exercise1",
      dependencies: ["BeamSearchExercise1", .product(name: "ExerciseChecks", package: projectIdentity)],
      path: "Sources/CheckBeamSearchExercise1"),
  ],
  swiftLanguageModes: [.v5]
)
