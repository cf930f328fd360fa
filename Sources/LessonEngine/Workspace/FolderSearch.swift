import Foundation

/// The project's one upward folder search: from a folder towards the root, the first folder
/// that passes a test. The workspace, the installed sources and the source checkout are all
/// found with it.
public enum FolderSearch {
  /// The nearest folder, `start` first and then each parent up to `/`, for which `matches` is
  /// true, or nil when none is.
  /// - Parameters:
  ///   - start: the folder to start from (made absolute and standardized first).
  ///   - matches: the test, given each folder in turn.
  /// - Returns: the first matching folder, or nil.
  public static func upward(from start: URL, where matches: (URL) -> Bool) -> URL? {
    var folder = start.standardizedFileURL
    while true {
      if matches(folder) { return folder }
      let parent = folder.deletingLastPathComponent().standardizedFileURL
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// Whether `url` exists and is a folder.
  public static func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Whether `url` exists (file or folder).
  public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}
