import D2L
import Foundation

/// `lessons init`: makes a workspace, or brings an existing one up to date without touching the
/// learner's work. A stock file (a package manifest, a starter) is written when missing, updated
/// when the learner has not changed it since it was written, and kept when they have; the
/// learner's answers, edited steps, progress, results and caches are never touched. The manifest
/// is written last, so an interrupted `init` leaves a half-made workspace that `--repair` completes.
public struct WorkspaceSetup {
  /// The workspace folder.
  public let root: URL
  /// The sources whose templates and `D2L` the workspace's packages use.
  public let sources: SourceTree
  /// The tool version recorded in the manifest.
  public var toolVersion = ToolVersion.number
  /// The time recorded in the manifest.
  public var now = Date()

  /// What `run` did, for the learner.
  public struct Report: Equatable {
    /// Whether the workspace was new.
    public var created = false
    /// The manifest format the workspace had before (nil when new).
    public var previousFormat: Int?
    /// Stock files written because they were missing (after the first `init`).
    public var added: [String] = []
    /// Stock files replaced by a newer version (the learner had not changed them).
    public var updated: [String] = []
    /// Stock files the learner changed, kept as they are.
    public var kept: [String] = []
  }

  /// - Parameters:
  ///   - root: the workspace folder (made when missing).
  ///   - sources: the sources to build against and take the templates from.
  public init(root: URL, sources: SourceTree) {
    self.root = root.standardizedFileURL
    self.sources = sources
  }

  /// Makes or updates the workspace.
  /// - Parameter repair: complete a half-made workspace (keeping every file there) rather than
  ///   refusing it.
  /// - Returns: what changed.
  /// - Throws: `WorkspaceError`, before anything is written.
  public func run(repair: Bool = false) throws -> Report {
    let previous = try checkFolder(repair: repair)
    var report = Report(created: previous == nil && !repair, previousFormat: previous?.format)
    var recorded: [String: String] = [:]
    for (path, stock) in try stockFiles() {
      let url = root.appendingPathComponent(path)
      let stockPrint = WorkspaceManifest.fingerprint(stock)
      recorded[path] = stockPrint
      guard let current = try? Data(contentsOf: url) else {
        try write(stock, to: url)
        if previous != nil || repair { report.added.append(path) }
        continue
      }
      let currentPrint = WorkspaceManifest.fingerprint(current)
      if currentPrint == stockPrint { continue }
      if let written = previous?.files[path], written == currentPrint {
        try write(stock, to: url)
        report.updated.append(path)
      } else {
        // Changed by the learner (or there before `--repair`): theirs. The fingerprint of what
        // was last written stays, so that it still reads as changed next time.
        recorded[path] = previous?.files[path] ?? stockPrint
        report.kept.append(path)
      }
    }
    for name in Workspace.folderNames {
      try makeFolder(root.appendingPathComponent(name))
    }
    let stamp = ISO8601DateFormatter().string(from: now)
    let manifest = WorkspaceManifest(
      format: WorkspaceManifest.currentFormat, toolVersion: toolVersion, created: previous?.created ?? stamp,
      updated: stamp, sources: sources.root.path, files: recorded)
    try attempt(root.appendingPathComponent(WorkspaceManifest.fileName)) { try manifest.save(to: root) }
    return report
  }

  /// Checks that the folder can become or stay a workspace, making it when missing.
  /// - Returns: the existing manifest, or nil for a new workspace.
  private func checkFolder(repair: Bool) throws -> WorkspaceManifest? {
    if let checkout = SourceTree.checkout(containing: root),
       root.path != checkout.root.appendingPathComponent(Workspace.checkoutFolderName).path {
      throw WorkspaceError.insideCheckout(path: root.path, checkout: checkout.root.path)
    }
    if let outer = FolderSearch.upward(from: root.deletingLastPathComponent(), where: Workspace.isWorkspace) {
      throw WorkspaceError.insideWorkspace(path: root.path, workspace: outer.path)
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw WorkspaceError.notAFolder(path: root.path) }
    } else {
      try makeFolder(root)
    }
    try probeWritable()
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    guard Workspace.isWorkspace(root) else {
      let others = entries.filter { !Workspace.folderNames.contains($0) }
      if !others.isEmpty { throw WorkspaceError.notEmpty(path: root.path, entries: others) }
      if !entries.isEmpty && !repair {
        throw WorkspaceError.halfMade(path: root.path, missing: "\(entries.joined(separator: "/, "))/ but no \(WorkspaceManifest.fileName)")
      }
      return nil
    }
    let manifest = try WorkspaceManifest.load(from: root)
    let missing = ["exercises", "playground"].filter { !FolderSearch.isFolder(root.appendingPathComponent($0)) }
    if !missing.isEmpty && !repair {
      throw WorkspaceError.halfMade(path: root.path, missing: missing.map { "no \($0)/" }.joined(separator: ", "))
    }
    return manifest
  }

  /// Fails now, with the system's reason, when the folder cannot be written (a read-only
  /// mount, another user's folder), rather than halfway through.
  private func probeWritable() throws {
    let probe = root.appendingPathComponent(".lessons-init.\(getpid()).probe")
    guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else {
      let reason = access(root.path, W_OK) == 0 ? "cannot create a file there" : String(cString: strerror(errno))
      throw WorkspaceError.notWritable(path: root.path, reason: reason)
    }
    try? FileManager.default.removeItem(at: probe)
  }

  /// The stock files, by path in the workspace: the exercises package, made from the lessons'
  /// exercise folders (`ExercisesTemplate`; the learner's files start as the starters), and the
  /// playground's manifest, both pointed at `sources`.
  func stockFiles() throws -> [(String, Data)] {
    var files = try ExercisesTemplate(sourcesRoot: sources.root).files().map { ("exercises/" + $0.0, $0.1) }
    let playground = sources.playgroundTemplate.appendingPathComponent("Package.swift")
    files.append(("playground/Package.swift", try read(playground, manifest: true)))
    return files
  }

  /// A template file; a package manifest gets its `let projectRoot = "…"` line pointed at the sources.
  private func read(_ url: URL, manifest: Bool) throws -> Data {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw WorkspaceError.noSources(executable: "\(url.path) missing in \(sources.root.path)")
    }
    guard manifest else { return data }
    let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n").map { line in
      line.hasPrefix("let projectRoot = \"") ? "let projectRoot = \"\(sources.root.path)\"" : line
    }
    return Data(lines.joined(separator: "\n").utf8)
  }

  /// The files of a template package, relative to it: everything but hidden entries (its
  /// `.build/`, a developer's `.progress`).
  static func templateFiles(in folder: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var files: [String] = []
    while let path = walker.nextObject() as? String {
      if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      if !FolderSearch.isFolder(folder.appendingPathComponent(path)) { files.append(path) }
    }
    return files.sorted()
  }

  private func write(_ data: Data, to url: URL) throws {
    try makeFolder(url.deletingLastPathComponent())
    try attempt(url) { try writeAtomically(data, to: url) }
  }

  private func makeFolder(_ url: URL) throws {
    try attempt(url) { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
  }

  /// Runs `body`, turning a failure into one line naming `url`.
  private func attempt(_ url: URL, _ body: () throws -> Void) throws {
    do { try body() } catch let error as WorkspaceError { throw error } catch let error as FileWriteError {
      throw WorkspaceError.notWritable(path: error.path, reason: error.reason)
    } catch {
      throw WorkspaceError.notWritable(path: url.path, reason: Self.systemReason(error))
    }
  }

  /// "Permission denied" rather than Foundation's `Error Domain=… Code=13`.
  static func systemReason(_ error: Error) -> String {
    var error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { error = underlying }
    return error.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(error.code))) : error.localizedDescription
  }
}
