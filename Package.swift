// swift-tools-version:6.0
// d2l-swift: D2L's chapter on modern recurrent neural networks, as a Swift library (D2L) and a
// terminal walk-through (`lessons`). The targets, from the bottom up:
//
//   CBLAS, CCmark     system libraries (OpenBLAS, cmark) through pkg-config
//   CKernels          C kernels of the time loop, chosen at run time for the CPU
//   D2L               tensors, autodiff, layers, data, training, checkpoints
//   Localization      languages, string tables, numbers: for the engine, lessons and checks
//   ExerciseChecks    what every exercise checker shares (rows, tensor comparison, strings)
//   LessonEngine      lesson files: parsing, rendering, math, steps, the runner
//   CourseKit         what the course's commands share: training runs, the experiment
//                     machinery, exercises, the playground
//   <Name>Lesson      one lesson each (the list `lessons` below): its steps, strings,
//                     experiments, exercises and published results, in Sources/<Name>Lesson
//   Lessons           the thin `lessons` command line
import PackageDescription

/// The course's lessons, one line each: `Sources/<name>Lesson` is the lesson's target, its code
/// exercises' checks (if any) are the target `<name>Checks` in `Sources/<name>Lesson/Exercises/Checks`,
/// and its tests are `Tests/<name>LessonTests`. The course order is `Sources/Lessons/Course.swift`'s.
let lessons: [LessonFolder] = [
  LessonFolder("GRU", checks: true, testedAnswers: [4]),
  LessonFolder("LSTM", checks: true, testedAnswers: [4]),
  LessonFolder("DeepRNN", checks: true),
  LessonFolder("BiRNN", checks: true, testedAnswers: [2]),
  LessonFolder("MachineTranslation"),
  LessonFolder("EncoderDecoder"),
  LessonFolder("Seq2Seq", checks: true),
  LessonFolder("BeamSearch", checks: true),
]

/// One lesson's folder and the targets made from it.
struct LessonFolder {
  let name: String
  let hasChecks: Bool
  /// The code exercises whose shipped solution and starter the lesson's tests run as they ship:
  /// exercise N's are the targets `<name>Exercise<N>Solution` and `<name>Exercise<N>Starter`,
  /// built from the exercise's folder, so that the tests hold no copy of either.
  let testedAnswers: [Int]
  init(_ name: String, checks: Bool = false, testedAnswers: [Int] = []) {
    self.name = name
    self.hasChecks = checks
    self.testedAnswers = testedAnswers
  }
  var target: String { name + "Lesson" }
  var checks: String { name + "Checks" }
  var folder: String { "Sources/\(target)" }

  /// The targets of exercise `number`'s shipped answers: (name, folder) of its solution and
  /// its starter.
  func answers(_ number: Int) -> [(name: String, path: String)] {
    [("Solution", "Solution"), ("Starter", "Starter")].map { suffix, subfolder in
      ("\(name)Exercise\(number)\(suffix)", "\(folder)/Exercises/\(number)/\(subfolder)")
    }
  }

  /// The lesson's target (everything in its folder but its exercises, which the learner's
  /// exercises package builds), its checks, its shipped answers under test and its test target.
  var targets: [Target] {
    let answerTargets = testedAnswers.flatMap(answers)
    var made: [Target] = [
      .target(
        name: target, dependencies: ["D2L", "LessonEngine", "CourseKit"], path: folder,
        exclude: hasChecks ? ["Exercises"] : []),
      .testTarget(
        name: target + "Tests",
        dependencies: [.target(name: target), "CourseKit", "LessonEngine", "D2L", "ExerciseChecks", "LessonTestSupport"]
          + (hasChecks ? [.target(name: checks)] : []) + answerTargets.map { .target(name: $0.name) },
        path: "Tests/\(target)Tests"),
    ]
    if hasChecks {
      made.append(.target(name: checks, dependencies: ["D2L", "ExerciseChecks"], path: folder + "/Exercises/Checks"))
    }
    made += answerTargets.map { .target(name: $0.name, dependencies: ["D2L", .target(name: checks)], path: $0.path) }
    return made
  }
}


let package = Package(
  name: "d2l-swift",
  products: [
    .library(name: "D2L", targets: ["D2L"]),
    // The checks of every lesson's code exercises, for the learner's exercises/ package.
    .library(name: "ExerciseChecks", targets: ["ExerciseChecks"] + lessons.filter(\.hasChecks).map(\.checks)),
    // For the learner's playground/ package, which builds edited steps against the lesson.
    .library(name: "LessonEngine", targets: ["LessonEngine"]),
    .library(name: "CourseKit", targets: ["CourseKit"]),
    // Every lesson, for the learner's playground/ package (which edits any lesson's steps).
    .library(name: "CourseLessons", targets: lessons.map(\.target)),
    .executable(name: "lessons", targets: ["Lessons"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // `make docs`: DocC documentation of D2L (swift package generate-documentation).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    // C libraries from Debian packages, found through pkg-config.
    .systemLibrary(
      name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]),

    // The kernels beyond the baseline CPU (AVX2/FMA, AVX-512) as C functions with their own
    // `target` attributes, chosen at run time: no unsafe flags, so that others can depend on D2L.
    .target(name: "CKernels", path: "Sources/CKernels", exclude: ["cells.inc"]),

    // The library: tensors, autodiff, layers, data, training, checkpoints.
    .target(
      name: "D2L", dependencies: ["CBLAS", "CKernels"],
      path: "Sources/d2l-swift"),

    // The one localization mechanism: languages, string tables, numbers as a language writes them.
    .target(name: "Localization", path: "Sources/Localization"),

    // What every exercise checker shares: result rows, tensor comparison, the checker's language.
    .target(name: "ExerciseChecks", dependencies: ["D2L", "Localization"], path: "Sources/ExerciseChecks"),

    // Lesson files: Markdown through cmark, math as Unicode, step directives, the walk-through.
    .target(name: "LessonEngine", dependencies: ["D2L", "CCmark", "Localization"], path: "Sources/LessonEngine"),

    // What every lesson's commands share: the training run, the experiments, the exercises
    // package, the playground.
    .target(
      name: "CourseKit", dependencies: ["D2L", "LessonEngine"],
      path: "Sources/CourseKit"),

    // The `lessons` command line: argument parsing over the targets above.
    .executableTarget(
      name: "Lessons",
      dependencies: [
        "D2L", "LessonEngine", "CourseKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ] + lessons.map { .target(name: $0.target) },
      path: "Sources/Lessons"),

    // What the lessons' test targets share: the checks of a lesson's two files and its steps.
    .target(name: "LessonTestSupport", dependencies: ["D2L", "LessonEngine"], path: "Tests/LessonTestSupport"),

    .testTarget(name: "D2LTests", dependencies: ["D2L"], path: "Tests/D2LTests",
                resources: [.copy("Fixtures")]),
    .testTarget(name: "ExerciseChecksTests", dependencies: ["ExerciseChecks", "D2L"], path: "Tests/ExerciseChecksTests"),
    // Snapshots are read from the source tree (by path), not bundled.
    .testTarget(name: "LessonsTests", dependencies: ["Lessons", "LessonEngine", "CourseKit", "DeepRNNLesson", "D2L"],
                path: "Tests/LessonsTests", exclude: ["Snapshots"]),
  ] + lessons.flatMap(\.targets),
  swiftLanguageModes: [.v5]
)
