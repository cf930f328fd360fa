// swift-tools-version:6.0
// The learner's playground: the steps of a lesson whose code you changed (`e` in the walk, or
// `lessons edit STEP`), built apart from the project so that an edit that does not compile
// never breaks the project's own build. `lessons` writes Sources/Playground/ and builds it;
// each edited step is one file there, and yours: it is never overwritten without --reset.
import Foundation
import PackageDescription

/// The d2l-swift package this one sits in.
let projectRoot = ".."

/// SwiftPM names a local dependency after its folder (`d2l-swift`, or whatever the clone is called).
let projectIdentity = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent(projectRoot)
  .standardized.lastPathComponent.lowercased()

let package = Package(
  name: "d2l-playground",
  dependencies: [.package(path: projectRoot)],
  targets: [
    .executableTarget(
      name: "playground",
      dependencies: [
        .product(name: "D2L", package: projectIdentity),
        .product(name: "LessonEngine", package: projectIdentity),
        .product(name: "CourseKit", package: projectIdentity),
        // Every lesson, whose steps may be edited here.
        .product(name: "CourseLessons", package: projectIdentity),
      ],
      path: "Sources/Playground"),
  ],
  swiftLanguageModes: [.v5]
)
