// swift-tools-version:6.0
// d2l-swift: the "Deep Recurrent Neural Networks" chapter of Dive into Deep Learning, as a Swift
// library (D2L) and a terminal walk-through (`lessons`). The targets, from the bottom up:
//
//   CBLAS, CCmark     system libraries (OpenBLAS, cmark) through pkg-config
//   CKernels          C kernels of the time loop, chosen at run time for the CPU
//   D2L               tensors, autodiff, layers, data, training, checkpoints
//   Localization      languages, string tables, numbers: for the engine, lessons and checks
//   ExerciseChecks    the checks behind `lessons check` and the learner's exercises/ package
//   LessonEngine      lesson files: parsing, rendering, math, steps, the runner
//   CourseKit         what the course's commands share: training runs, experiments, exercises,
//                     the playground
//   DeepRNNLesson     the deep-RNN lesson: its `Lesson` value, typed steps and exercises
//   BiRNNLesson       the bidirectional-RNN lesson, the same way
//   MachineTranslationLesson, EncoderDecoderLesson, Seq2SeqLesson
//                     the translation lessons: data, the interface, the RNN encoder–decoder
//   Lessons           the thin `lessons` command line
import PackageDescription

let package = Package(
  name: "d2l-swift",
  products: [
    .library(name: "D2L", targets: ["D2L"]),
    .library(name: "ExerciseChecks", targets: ["ExerciseChecks"]),
    // For the learner's playground/ package, which builds edited steps against the lesson.
    .library(name: "LessonEngine", targets: ["LessonEngine"]),
    .library(name: "CourseKit", targets: ["CourseKit"]),
    .library(name: "DeepRNNLesson", targets: ["DeepRNNLesson"]),
    .library(name: "BiRNNLesson", targets: ["BiRNNLesson"]),
    .library(name: "MachineTranslationLesson", targets: ["MachineTranslationLesson"]),
    .library(name: "EncoderDecoderLesson", targets: ["EncoderDecoderLesson"]),
    .library(name: "Seq2SeqLesson", targets: ["Seq2SeqLesson"]),
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

    // Exercise 1's checker: a learner's stacked scratch RNN against the concise RNN.
    .target(name: "ExerciseChecks", dependencies: ["D2L", "Localization"], path: "Sources/ExerciseChecks"),

    // Lesson files: Markdown through cmark, math as Unicode, step directives, the walk-through.
    .target(name: "LessonEngine", dependencies: ["D2L", "CCmark", "Localization"], path: "Sources/LessonEngine"),

    // What every lesson's commands share: the training run, the experiments, the exercises
    // package, the playground.
    .target(
      name: "CourseKit", dependencies: ["D2L", "LessonEngine", "ExerciseChecks"],
      path: "Sources/CourseKit"),

    // The deep-RNN lesson: its `Lesson` value, its steps (typed inputs and outputs), exercises.
    // A lesson is one such target plus one line in Sources/Lessons/Course.swift.
    .target(
      name: "DeepRNNLesson", dependencies: ["D2L", "LessonEngine", "CourseKit", "ExerciseChecks"],
      path: "Sources/DeepRNNLesson"),
    // The bidirectional-RNN lesson (the section after deep RNNs): its steps and exercises.
    .target(name: "BiRNNLesson", dependencies: ["D2L", "LessonEngine", "CourseKit", "ExerciseChecks", "DeepRNNLesson"], path: "Sources/BiRNNLesson"),
    // The machine-translation lesson: the English–French pairs, from the raw file to a minibatch.
    .target(name: "MachineTranslationLesson", dependencies: ["D2L", "LessonEngine", "CourseKit"], path: "Sources/MachineTranslationLesson"),
    // The encoder–decoder lesson: the interface, run on a small model, and its exercises.
    .target(name: "EncoderDecoderLesson", dependencies: ["D2L", "LessonEngine", "CourseKit", "MachineTranslationLesson"], path: "Sources/EncoderDecoderLesson"),
    // The seq2seq lesson: the RNN encoder–decoder trained as the book, BLEU, mean against sum.
    .target(name: "Seq2SeqLesson", dependencies: ["D2L", "LessonEngine", "CourseKit", "MachineTranslationLesson", "EncoderDecoderLesson"], path: "Sources/Seq2SeqLesson"),

    // The `lessons` command line: argument parsing over the targets above.
    .executableTarget(
      name: "Lessons",
      dependencies: [
        "D2L", "LessonEngine", "CourseKit", "DeepRNNLesson", "ExerciseChecks", "BiRNNLesson",
        "MachineTranslationLesson", "EncoderDecoderLesson", "Seq2SeqLesson",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/Lessons"),

    .testTarget(name: "D2LTests", dependencies: ["D2L"], path: "Tests/D2LTests",
                resources: [.copy("Fixtures")]),
    .testTarget(name: "ExerciseChecksTests", dependencies: ["ExerciseChecks", "D2L"], path: "Tests/ExerciseChecksTests"),
    // Snapshots are read from the source tree (by path), not bundled.
    .testTarget(name: "LessonsTests", dependencies: ["Lessons", "LessonEngine", "CourseKit", "DeepRNNLesson", "D2L"],
                path: "Tests/LessonsTests", exclude: ["Snapshots"]),
    .testTarget(name: "TranslationLessonsTests", dependencies: ["MachineTranslationLesson", "EncoderDecoderLesson", "Seq2SeqLesson", "LessonEngine", "D2L"], path: "Tests/TranslationLessonsTests"),
    .testTarget(name: "BiRNNLessonTests", dependencies: ["BiRNNLesson", "DeepRNNLesson", "CourseKit", "LessonEngine", "ExerciseChecks", "D2L"], path: "Tests/BiRNNLessonTests"),
  ],
  swiftLanguageModes: [.v5]
)
