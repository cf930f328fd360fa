import Foundation

/// A data file the library knows by name: what it is, where it is published, and the SHA-1
/// and size of its exact bytes, as D2L's `DATA_HUB` pins each dataset it downloads.
public struct DataFileSpec: Sendable, Equatable {
  /// The file name, looked up in the data and cache folders.
  public var name: String
  /// The book's title, for listings (`lessons data`).
  public var title: String
  /// The book's author.
  public var author: String
  /// Where to download it from, if it may be downloaded; `D2L_DATA_URL` can replace it.
  public var remoteURL: URL?
  /// The expected lower-case hex SHA-1; a found or downloaded file must match it.
  public var sha1: String?
  /// The expected size in bytes; a download of another size is refused before hashing.
  public var byteCount: Int?

  /// Describes a data file.
  public init(
    name: String, title: String = "", author: String = "", remoteURL: URL? = nil,
    sha1: String? = nil, byteCount: Int? = nil
  ) {
    self.name = name
    self.title = title
    self.author = author
    self.remoteURL = remoteURL
    self.sha1 = sha1
    self.byteCount = byteCount
  }

  /// D2L's copy of H. G. Wells' *The Time Machine* (178,979 bytes), as `d2l.DATA_HUB` names it.
  public static let timeMachine = DataFileSpec(
    name: "timemachine.txt", title: "The Time Machine", author: "H. G. Wells",
    remoteURL: URL(string: "http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt")!,
    sha1: "090b5e7e70c295757f55df93cb0a180b9691891a", byteCount: 178_979)
}
