import Foundation
import Testing

@testable import LessonEngine

/// `lessons init` and the workspace search, on folders under the system's temporary folder
/// (outside the checkout), against this checkout's sources.
@Suite struct WorkspaceTests {
  static let sources = SourceTree(root: LessonsBinary.packageRoot)!

  /// A new, empty folder outside the checkout.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every file under `folder` with its contents: what "lose nothing" compares.
  static func snapshot(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
    while let path = walker.nextObject() as? String {
      let url = folder.appendingPathComponent(path)
      if !FolderSearch.isFolder(url) { files[path] = (try? Data(contentsOf: url)) ?? Data() }
    }
    return files
  }

  static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  // MARK: - init

  @Test func freshInitMakesEveryFolderAndPointsThePackagesAtTheSources() throws {
    let root = try Self.temporaryFolder().appendingPathComponent("ws")
    let report = try WorkspaceSetup(root: root, sources: Self.sources).run()
    #expect(report.created && report.added.isEmpty && report.kept.isEmpty)
    let workspace = Workspace(root: root)
    for folder in [workspace.exercisesDirectory, workspace.playgroundDirectory, workspace.resultsDirectory,
                   workspace.dataDirectory, workspace.stepCacheDirectory] {
      #expect(FolderSearch.isFolder(folder), "\(folder.path)")
    }
    let manifest = try WorkspaceManifest.load(from: root)
    #expect(manifest.format == WorkspaceManifest.currentFormat && manifest.sources == Self.sources.root.path)
    #expect(manifest.files.keys.contains("exercises/Sources/DeepRNNExercise1/StackedRNN.swift"))
    for package in ["exercises", "playground"] {
      let text = try Self.read(root.appendingPathComponent("\(package)/Package.swift"))
      #expect(text.contains("let projectRoot = \"\(Self.sources.root.path)\""), "\(package)")
    }
    // The learner's answer starts as the starter, whatever the template's copy holds.
    #expect(try Self.read(workspace.exercisesDirectory.appendingPathComponent("Sources/DeepRNNExercise1/StackedRNN.swift"))
      == Self.read(Self.sources.root.appendingPathComponent("Sources/DeepRNNLesson/Exercises/1/Starter/StackedRNN.swift")))
  }

  @Test func runningInitAgainKeepsTheLearnersFilesAndUpdatesTheStockOnes() throws {
    let root = try Self.temporaryFolder()
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    let workspace = Workspace(root: root)
    let answer = workspace.exercisesDirectory.appendingPathComponent("Sources/DeepRNNExercise1/StackedRNN.swift")
    let progress = workspace.exercisesDirectory.appendingPathComponent(".progress")
    let step = workspace.playgroundDirectory.appendingPathComponent("Sources/Playground/scratch-stack.swift")
    try FileManager.default.createDirectory(at: step.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "// my answer\n".write(to: answer, atomically: true, encoding: .utf8)
    try "1 failing 0123456789abcdef\n".write(to: progress, atomically: true, encoding: .utf8)
    try "// my step\n".write(to: step, atomically: true, encoding: .utf8)
    try "a result\n".write(to: workspace.resultsDirectory.appendingPathComponent("exercise-2.csv"), atomically: true, encoding: .utf8)
    // An older tool wrote a different stock manifest, which the learner never touched.
    let manifestFile = workspace.exercisesDirectory.appendingPathComponent("Package.swift")
    let older = Data("// swift-tools-version:6.0\n// an older stock manifest\n".utf8)
    try older.write(to: manifestFile)
    var manifest = try WorkspaceManifest.load(from: root)
    manifest.files["exercises/Package.swift"] = WorkspaceManifest.fingerprint(older)
    try manifest.save(to: root)
    let before = Self.snapshot(root)

    let report = try WorkspaceSetup(root: root, sources: Self.sources).run()
    #expect(!report.created && report.previousFormat == 1)
    #expect(report.updated == ["exercises/Package.swift"])
    #expect(report.kept == ["exercises/Sources/DeepRNNExercise1/StackedRNN.swift"])
    #expect(try Self.read(answer) == "// my answer\n")
    #expect(try Self.read(progress) == "1 failing 0123456789abcdef\n")
    #expect(try Self.read(step) == "// my step\n")
    #expect(try Self.read(manifestFile).contains("let projectRoot = \"\(Self.sources.root.path)\""))
    let after = Self.snapshot(root)
    for (path, data) in before where path != "exercises/Package.swift" && path != WorkspaceManifest.fileName {
      #expect(after[path] == data, "\(path) changed")
    }
    // Once more: nothing to do, and the answer still reads as the learner's.
    let third = try WorkspaceSetup(root: root, sources: Self.sources).run()
    #expect(third.updated.isEmpty && third.added.isEmpty && third.kept == ["exercises/Sources/DeepRNNExercise1/StackedRNN.swift"])
  }

  @Test func aFolderHoldingOtherFilesIsRefusedAndLeftAsItWas() throws {
    let root = try Self.temporaryFolder()
    try "mine\n".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let before = Self.snapshot(root)
    #expect(throws: WorkspaceError.notEmpty(path: root.path, entries: ["notes.txt"])) {
      try WorkspaceSetup(root: root, sources: Self.sources).run()
    }
    #expect(Self.snapshot(root) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
  }

  @Test func aHalfMadeWorkspaceIsRefusedUntilRepairedAndRepairKeepsItsFiles() throws {
    // Folders without a manifest (an interrupted init).
    let root = try Self.temporaryFolder()
    let answer = root.appendingPathComponent("exercises/Sources/DeepRNNExercise1/StackedRNN.swift")
    try FileManager.default.createDirectory(at: answer.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "// half-written answer\n".write(to: answer, atomically: true, encoding: .utf8)
    let before = Self.snapshot(root)
    do {
      _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
      Issue.record("a half-made workspace was accepted")
    } catch let error as WorkspaceError {
      guard case .halfMade = error else { Issue.record("\(error)"); return }
      #expect(!error.description.contains("\n") && error.description.contains("--repair"))
    }
    #expect(Self.snapshot(root) == before)
    let repaired = try WorkspaceSetup(root: root, sources: Self.sources).run(repair: true)
    #expect(repaired.kept == ["exercises/Sources/DeepRNNExercise1/StackedRNN.swift"])
    #expect(try Self.read(answer) == "// half-written answer\n")
    #expect(Workspace.isWorkspace(root))

    // A manifest whose playground/ is gone.
    try FileManager.default.removeItem(at: root.appendingPathComponent("playground"))
    #expect(throws: WorkspaceError.halfMade(path: root.path, missing: "no playground/")) {
      try WorkspaceSetup(root: root, sources: Self.sources).run()
    }
    #expect(!FolderSearch.exists(root.appendingPathComponent("playground")))
  }

  /// A folder that cannot be written: read-only by mode for an ordinary user; for root, whom
  /// modes do not stop, immutable (`chattr +i`), when the file system allows it.
  @Test func aFolderThatCannotBeWrittenGetsOneLine() throws {
    let root = try Self.temporaryFolder()
    let isRoot = geteuid() == 0
    func run(_ arguments: [String]) -> Int32 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { return -1 }
      process.waitUntilExit()
      return process.terminationStatus
    }
    if isRoot {
      guard run(["chattr", "+i", root.path]) == 0 else {
        print("skipped: running as root on a file system without chattr +i, nothing here is unwritable")
        return
      }
    } else {
      try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: root.path)
    }
    defer {
      if isRoot { _ = run(["chattr", "-i", root.path]) }
      else { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path) }
    }
    do {
      _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
      Issue.record("an unwritable folder was accepted")
    } catch let error as WorkspaceError {
      guard case .notWritable(let path, _) = error else { Issue.record("\(error)"); return }
      #expect(path == root.path && !error.description.contains("\n") && !error.description.contains("Domain="), "\(error)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
  }

  @Test func manifestsFromOtherVersionsUpgradeOrSayWhy() throws {
    let root = try Self.temporaryFolder()
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    var manifest = try WorkspaceManifest.load(from: root)
    manifest.format = 0
    try manifest.save(to: root)
    #expect(try WorkspaceSetup(root: root, sources: Self.sources).run().previousFormat == 0)
    #expect(try WorkspaceManifest.load(from: root).format == WorkspaceManifest.currentFormat)

    manifest.format = WorkspaceManifest.currentFormat + 1
    try manifest.save(to: root)
    #expect(throws: WorkspaceError.newerFormat(path: root.appendingPathComponent(WorkspaceManifest.fileName).path,
                                               format: manifest.format, supported: WorkspaceManifest.currentFormat)) {
      try WorkspaceSetup(root: root, sources: Self.sources).run()
    }
    // Commands refuse it too, in one line, rather than half-working.
    do {
      _ = try Workspace.current(from: root, environment: [:])
      Issue.record("a newer workspace was used")
    } catch let error as WorkspaceError {
      #expect(error.description.contains("newer") && !error.description.contains("\n"), "\(error)")
    }
    try "{ not json".write(to: root.appendingPathComponent(WorkspaceManifest.fileName), atomically: true, encoding: .utf8)
    #expect(throws: WorkspaceError.unreadableManifest(path: root.appendingPathComponent(WorkspaceManifest.fileName).path,
                                                      reason: "not valid JSON")) {
      try Workspace.current(from: root, environment: [:])
    }
  }

  @Test func aWorkspaceWhoseSourcesAreGoneSaysHowToRepointIt() throws {
    let root = try Self.temporaryFolder()
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    var manifest = try WorkspaceManifest.load(from: root)
    manifest.sources = root.appendingPathComponent("moved-away").path
    try manifest.save(to: root)
    #expect(throws: WorkspaceError.sourcesGone(path: root.path, sources: manifest.sources)) {
      try Workspace.current(from: root, environment: [:])
    }
    // init points it at the sources it is given, and the workspace works again.
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    #expect(try Workspace.current(from: root, environment: [:]) == Workspace(root: root))
  }

  @Test func initInsideTheCheckoutIsRefused() throws {
    let inside = LessonsBinary.packageRoot.appendingPathComponent("Sources/my-workspace")
    #expect(throws: WorkspaceError.insideCheckout(path: inside.path, checkout: Self.sources.root.path)) {
      try WorkspaceSetup(root: inside, sources: Self.sources).run()
    }
    #expect(!FolderSearch.exists(inside))
  }

  @Test func initInsideAnotherWorkspaceIsRefused() throws {
    let root = try Self.temporaryFolder()
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    let nested = root.appendingPathComponent("results/ws")
    #expect(throws: WorkspaceError.insideWorkspace(path: nested.path, workspace: root.path)) {
      try WorkspaceSetup(root: nested, sources: Self.sources).run()
    }
    #expect(!FolderSearch.exists(nested))
  }

  // MARK: - Search

  @Test func theWorkspaceIsFoundUpwardFromAnyFolderInIt() throws {
    let root = try Self.temporaryFolder().appendingPathComponent("ws")
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    let deep = root.appendingPathComponent("results/deeper/still")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    #expect(try Workspace.find(from: deep, environment: [:]) == .workspace(Workspace(root: root)))
    #expect(try Workspace.current(from: root, environment: [:]) == Workspace(root: root))
    // Above it there is none, and the error says how to make one, on one line.
    let outside = root.deletingLastPathComponent()
    #expect(try Workspace.find(from: outside, environment: [:]) == nil)
    #expect(throws: WorkspaceError.notFound(searchedFrom: outside.path)) { try Workspace.current(from: outside, environment: [:]) }
    #expect(WorkspaceError.notFound(searchedFrom: "/x").description.contains("lessons init"))
  }

  @Test func lessonsHomeWinsOverTheCurrentFolder() throws {
    let root = try Self.temporaryFolder().appendingPathComponent("home")
    _ = try WorkspaceSetup(root: root, sources: Self.sources).run()
    let elsewhere = try Self.temporaryFolder()
    #expect(try Workspace.find(from: elsewhere, environment: ["LESSONS_HOME": root.path]) == .workspace(Workspace(root: root)))
    // Even from inside the checkout.
    #expect(try Workspace.find(from: LessonsBinary.packageRoot, environment: ["LESSONS_HOME": root.path])
      == .workspace(Workspace(root: root)))
    #expect(throws: WorkspaceError.homeNotAWorkspace(path: elsewhere.path)) {
      try Workspace.find(from: root, environment: ["LESSONS_HOME": elsewhere.path])
    }
  }

  @Test func inTheCheckoutTheWorkspaceIsItsIgnoredFolder() throws {
    let below = LessonsBinary.packageRoot.appendingPathComponent("Sources/LessonEngine")
    let location = try Workspace.find(from: below, environment: [:])
    #expect(location == .checkout(Self.sources))
    #expect(location?.workspace.root.path == LessonsBinary.packageRoot.appendingPathComponent(".lessons").standardizedFileURL.path)
    let gitignore = try Self.read(LessonsBinary.packageRoot.appendingPathComponent(".gitignore"))
    #expect(gitignore.split(separator: "\n").contains("/.lessons/"))
  }

  @Test func theToolFindsItsSourcesBesideAnInstalledBinary() throws {
    let prefix = try Self.temporaryFolder()
    let share = prefix.appendingPathComponent("share/d2l-swift")
    for folder in ["Sources/LessonEngine", "lessons", "bin"] {
      try FileManager.default.createDirectory(at: (folder == "bin" ? prefix : share).appendingPathComponent(folder),
                                              withIntermediateDirectories: true)
    }
    try Data().write(to: share.appendingPathComponent("Package.swift"))
    let tree = SourceTree.ofTool(executable: prefix.appendingPathComponent("bin/lessons"))
    #expect(tree?.root.path == share.standardizedFileURL.path && tree?.isCheckout == false)
    #expect(SourceTree.ofTool(executable: LessonsBinary.url) == Self.sources)
  }

  // MARK: - The command

  @Test func initCommandSaysWhatChangedAndCommandsUseTheWorkspace() throws {
    let root = try Self.temporaryFolder().appendingPathComponent("ws")
    let made = try LessonsBinary.run(["init", root.path])
    #expect(made.status == 0 && made.stdout.contains("Made a lessons workspace") && made.stdout.contains("lessons run deep-rnn"))
    let again = try LessonsBinary.run(["init", root.path])
    #expect(again.status == 0 && again.stdout.contains("is up to date"), "\(again.stdout)")
    let list = try LessonsBinary.run(["exercises"], environment: ["LESSONS_HOME": root.path])
    #expect(list.status == 0 && list.stdout.contains("not started"), "\(list.stdout)\(list.stderr)")
    let nowhere = try LessonsBinary.run(["exercises"], environment: ["LESSONS_HOME": root.deletingLastPathComponent().path])
    #expect(nowhere.status == 1 && nowhere.stderr.contains("lessons init"), "\(nowhere.stderr)")
    let version = try LessonsBinary.run(["--version"])
    #expect(version.status == 0 && version.stdout.contains("lessons \(ToolVersion.number)")
      && version.stdout.contains("kernels") && version.stdout.contains("swift    6"), "\(version.stdout)")
  }
}
