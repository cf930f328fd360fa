// swift-tools-version:6.0
// The learner's side of bi-rnn's exercise 2, built apart from the project so that a half-edited
// answer never breaks the project's own `swift build` or `swift test`.
// `swift run --package-path exercises/BiRNN check-birnn-exercise2` checks it.
import Foundation
import PackageDescription

/// The d2l-swift package this one sits in.
let projectRoot = "../.."

/// SwiftPM names a local dependency after its folder (`d2l-swift`, or whatever the clone is called).
let projectIdentity = (projectRoot.hasPrefix("/")
  ? URL(fileURLWithPath: projectRoot)
  : URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent(projectRoot))
  .standardized.lastPathComponent.lowercased()

let package = Package(
  name: "d2l-birnn-exercises",
  dependencies: [.package(path: projectRoot)],
  targets: [
    // Your answer to exercise 2: a multi-layer bidirectional RNN from RNNScratch layers.
    .target(
      name: "BiRNNExercise2",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/BiRNNExercise2"),
    // Verifies it against the concise bidirectional RNN with the same weights.
    .executableTarget(
      name: "check-birnn-exercise2",
      dependencies: [
        "BiRNNExercise2", .product(name: "D2L", package: projectIdentity),
        .product(name: "ExerciseChecks", package: projectIdentity),
      ],
      path: "Sources/CheckBiRNNExercise2"),
  ],
  swiftLanguageModes: [.v5]
)
