import ArgumentParser
import LessonEngine

/// `--tab mxnet|pytorch|tensorflow|jax|all`: which framework's code a D2L chapter shows.
/// The book writes each code cell once per framework; the walk shows one (pytorch by
/// default), or all of them one after another.
struct TabOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Framework whose code a D2L chapter shows: \(FrameworkTab.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "framework"),
    transform: { name in
      guard let tab = FrameworkTab(rawValue: name.lowercased()) else {
        throw ValidationError(
          "unknown framework '\(name)' (expected one of: \(FrameworkTab.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      return tab
    })
  var tab: FrameworkTab = .pytorch

  /// How the walk reads a lesson: this tab, and problems as warnings listed at the end.
  var parseOptions: LessonParseOptions { LessonParseOptions(tab: tab, strict: false) }
}
