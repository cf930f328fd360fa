import Foundation

/// Where the d2l-swift package's own files are: the `D2L` sources a learner's packages build
/// against, the lesson files (and their exercise folders, from which the `exercises/` package is
/// made), and the template of the `playground/` package. Either a source checkout (a git clone, the tool in its `.build/`) or an
/// installation (`make install`: the tool in `PREFIX/bin`, the files in `PREFIX/share/d2l-swift`).
public struct SourceTree: Equatable, Sendable {
  /// The folder holding `Package.swift`, `Sources/`, `lessons/`, `playground/`.
  public let root: URL
  /// Whether it is a git checkout (a developer's tree) rather than an installation.
  public let isCheckout: Bool

  /// The same folder (however its URL is spelled).
  public static func == (a: SourceTree, b: SourceTree) -> Bool { a.root.path == b.root.path }

  /// Where `make install` puts the files, relative to the folder of the `lessons` binary.
  public static let installedRelativePath = "../share/d2l-swift"

  /// The tree at `root`, nil when `root` does not hold the package.
  public init?(root: URL) {
    let root = root.standardizedFileURL
    guard Self.holdsPackage(root) else { return nil }
    self.root = root
    isCheckout = FolderSearch.exists(root.appendingPathComponent(".git"))
  }

  /// Whether `folder` holds the d2l-swift package (its manifest, sources and lessons).
  public static func holdsPackage(_ folder: URL) -> Bool {
    FolderSearch.exists(folder.appendingPathComponent("Package.swift"))
      && FolderSearch.isFolder(folder.appendingPathComponent("Sources/LessonEngine"))
      && FolderSearch.isFolder(folder.appendingPathComponent("lessons"))
  }

  /// The tree of the running tool: `<bin>/../share/d2l-swift` beside an installed binary, else
  /// the checkout above it (`.build/<config>/lessons`), else nil.
  /// - Parameter executable: the running binary, symbolic links resolved.
  public static func ofTool(executable: URL = SourceTree.executableURL) -> SourceTree? {
    let folder = executable.deletingLastPathComponent()
    if let installed = SourceTree(root: folder.appendingPathComponent(installedRelativePath)) { return installed }
    return FolderSearch.upward(from: folder, where: holdsPackage).flatMap(SourceTree.init(root:))
  }

  /// The checkout at `folder` (a git clone of the package), or nil.
  public static func checkout(at folder: URL) -> SourceTree? {
    guard let tree = SourceTree(root: folder), tree.isCheckout else { return nil }
    return tree
  }

  /// The checkout that holds `folder`, or nil.
  public static func checkout(containing folder: URL) -> SourceTree? {
    FolderSearch.upward(from: folder) { checkout(at: $0) != nil }.flatMap(checkout(at:))
  }

  /// The running executable, symbolic links resolved (Linux's /proc/self/exe; argv[0] elsewhere).
  public static var executableURL: URL {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  }

  /// The lesson files (`lessons/`, `lessons/vi/`).
  public var lessonsFolder: URL { root.appendingPathComponent("lessons") }
  /// The template of the learner's playground package.
  public var playgroundTemplate: URL { root.appendingPathComponent("playground") }
  /// `make install`'s record of what was installed (version, commit, compiler), if any.
  public var buildInfoFile: URL { root.appendingPathComponent("BUILD-INFO") }
}
