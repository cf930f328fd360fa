import Testing
@testable import D2L
@testable import EncoderDecoderLesson

/// The lesson's small models keep the interface: the averaging encoder reads only the valid tokens.
@Suite struct EncoderDecoderModelTests {
  @Test func theAveragingEncoderReadsOnlyTheValidTokens() {
    var g = RandomGenerator(seed: 6)
    let encoder = MeanEncoder(vocabSize: 9, embedSize: 4, numHiddens: 5, using: &g)
    let a = encoder(TokenSequences(rows: [[1, 2, 0, 0]]), validLengths: [2])
    let b = encoder(TokenSequences(rows: [[1, 2, 7, 8]]), validLengths: [2])
    #expect(a.shape == [1, 5])
    #expect(a.scalars == b.scalars)  // what lies past the valid length does not matter
  }
}
