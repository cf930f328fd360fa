import Foundation
import Testing
@testable import D2L

/// A bidirectional `RNNModel` saved by this library loads back as one, and a file whose
/// metadata contradicts its tensors is refused with a reason.
@Suite struct BidirectionalCheckpointTests {
  static func model() -> RNNModel {
    var g = RandomGenerator(seed: 3)
    return RNNModel(kind: .gru, vocabSize: Vocab.timeMachine.count, hiddenSize: 4, numLayers: 2, bidirectional: true, using: &g)
  }

  @Test func roundTripKeepsTheDirections() throws {
    let model = Self.model()
    #expect(model.linear.namedParameters.first { $0.name == "weight" }!.tensor.shape == [28, 8])  // reads 2H
    var configuration = TrainingConfiguration()
    (configuration.cell, configuration.numLayers, configuration.hiddenSize, configuration.bidirectional) = (.gru, 2, 4, true)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bi-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try ModelCheckpoint(model: model, vocab: .timeMachine, configuration: configuration).save(to: url)
    let loaded = try ModelCheckpoint.load(from: url)
    #expect(loaded.model.bidirectional && loaded.configuration?.bidirectional == true)
    #expect(loaded.model.namedParameters.map(\.name) == model.namedParameters.map(\.name))
    #expect(loaded.model.predict(prefix: "time ", count: 10, vocab: .timeMachine)
            == model.predict(prefix: "time ", count: 10, vocab: .timeMachine))
  }

  @Test func metadataThatContradictsTheTensorsIsRefused() throws {
    let file = try SafeTensorsFile(data: try SafeTensorsFile.encode(Self.model().namedParameters, metadata: ["bidirectional": "false"]))
    #expect(throws: SafeTensorsError.self) { try ModelCheckpoint.load(file, source: "m.safetensors") }
    do { _ = try ModelCheckpoint.load(file, source: "m.safetensors") } catch {
      #expect("\(error)".contains("metadata says bidirectional false but the tensors hold the *_reverse weights"))
    }
  }

  @Test func anOlderConfigurationWithoutTheKeyIsOneDirectional() throws {
    let json = #"{"cell":"lstm","numLayers":2,"hiddenSize":256,"epochs":500,"learningRate":2,"clipNorm":1,"batchSize":32,"numSteps":35,"useRandomIter":false,"maxTokens":10000,"seed":0,"books":[]}"#
    let c = try JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8))
    #expect(!c.bidirectional && c.hiddenSize == 256)
  }
}
