import Foundation
import Testing
@testable import D2L

/// SHA-1 against the FIPS 180 examples and the real Time Machine file's published hash.
@Suite struct SHA1Tests {
  @Test func standardVectors() {
    #expect(sha1Hex(Data()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(sha1Hex(Data("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(sha1Hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    #expect(sha1Hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
  }

  @Test(.enabled(if: DataTestFiles.available, "needs timemachine.txt from D2L_DATA_DIR or ../shared/data"))
  func timeMachineHasD2LsHash() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: DataTestFiles.path("timemachine.txt")))
    #expect(sha1Hex(data) == "090b5e7e70c295757f55df93cb0a180b9691891a")
  }
}
