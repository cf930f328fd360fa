// swift-tools-version:6.0
// d2l-swift: the "Deep Recurrent Neural Networks" chapter of Dive into Deep Learning,
// as a Swift library (module D2L) and a terminal walk-through (executable `lessons`).
import PackageDescription

let package = Package(
  name: "d2l-swift",
  products: [
    .library(name: "D2L", targets: ["D2L"]),
    .executable(name: "lessons", targets: ["Lessons"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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

    // The `lessons` tool: Markdown through cmark, math, steps, exercises, commands.
    .executableTarget(
      name: "Lessons",
      dependencies: [
        "D2L", "CCmark", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/Lessons"),

    .testTarget(name: "D2LTests", dependencies: ["D2L"], path: "Tests/D2LTests",
                resources: [.copy("Fixtures")]),
    // Snapshots are read from the source tree (by path), not bundled.
    .testTarget(name: "LessonsTests", dependencies: ["Lessons", "D2L"], path: "Tests/LessonsTests",
                exclude: ["Snapshots"]),
  ],
  swiftLanguageModes: [.v5]
)
