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
    // The GRU lesson's exercise 4: a GRU step with only a reset gate, and one with only an update gate.
    .target(
      name: "GRUExercise4",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/GRUExercise4"),
    // Verifies them against the library's variants with the same weights (`lessons check 4 --lesson gru`).
    .executableTarget(
      name: "check-gru-exercise4",
      dependencies: [
        "GRUExercise4", .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/CheckGRUExercise4"),
    // The LSTM lesson's exercise 4: an LSTM step without the hidden state's tanh.
    .target(
      name: "LSTMExercise4",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/LSTMExercise4"),
    // Verifies it against the library's variant with the same weights (`lessons check 4 --lesson lstm`).
    .executableTarget(
      name: "check-lstm-exercise4",
      dependencies: [
        "LSTMExercise4", .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/CheckLSTMExercise4"),
  ],
  swiftLanguageModes: [.v5]
)
