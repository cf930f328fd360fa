import Foundation

/// A data file the library knows by name: where D2L publishes it and its SHA-1, when known.
public struct DataFileSpec: Sendable, Equatable {
  /// The file name, looked up in the data and cache folders.
  public var name: String
  /// Where to download it from, if it may be downloaded.
  public var remoteURL: URL?
  /// The expected lower-case hex SHA-1; a found or downloaded file must match it.
  public var sha1: String?

  /// Describes a data file.
  public init(name: String, remoteURL: URL? = nil, sha1: String? = nil) {
    self.name = name
    self.remoteURL = remoteURL
    self.sha1 = sha1
  }

  /// D2L's copy of H. G. Wells' *The Time Machine* (178,979 bytes), as `d2l.DATA_HUB` names it.
  public static let timeMachine = DataFileSpec(
    name: "timemachine.txt",
    remoteURL: URL(string: "http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt")!,
    sha1: "090b5e7e70c295757f55df93cb0a180b9691891a")
}
