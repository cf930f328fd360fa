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
    // seq2seq's exercise 2: the sequence mask and the book's masked softmax cross-entropy.
    .target(
      name: "Seq2SeqExercise2",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/Seq2SeqExercise2"),
    // Verifies it against the definitions (`lessons check 2 --lesson seq2seq`).
    .executableTarget(
      name: "check-seq2seq-exercise2",
      dependencies: [
        "Seq2SeqExercise2", .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/CheckSeq2SeqExercise2"),
  ],
  swiftLanguageModes: [.v5]
)
