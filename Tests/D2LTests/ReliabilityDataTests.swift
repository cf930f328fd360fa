import Foundation
import Testing

@testable import D2L

/// Bad data and checkpoint files, one by one: each is refused with the exact reason that
/// `docs/reliability.md` quotes.
@Suite struct ReliabilityDataTests {
  // MARK: - Corpora

  @Test func wrongSHA1IsRefused() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("timemachine.txt")
      try Data("The Time Machine, by H. G. Wells, but not D2L's copy.\n".utf8).write(to: url)
      let locator = DataLocator(dataDirectory: dir.path, cacheDirectory: "/nonexistent-d2l-cache", allowDownload: false)
      let message = DataTestFiles.errorText { _ = try locator.locate(.timeMachine) }
      #expect(message == """
        Refusing \(url.path): its SHA-1 is \(sha1Hex(try Data(contentsOf: url))), expected 090b5e7e70c295757f55df93cb0a180b9691891a. \
        It is not D2L's copy (corrupt, truncated or another edition); replace it with the original file.
        """)
    }
  }

  @Test func emptyCorpusIsRefused() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("empty.txt")
      try Data().write(to: url)
      let expected = "Refusing \(url.path): the file is empty (0 bytes), so there is no text to train on."
      #expect(DataTestFiles.errorText { _ = try CharCorpus(contentsOf: url) } == expected)
      #expect(DataTestFiles.errorText { _ = try CharCorpusReader(url: url, vocab: .timeMachine) } == expected)
    }
  }

  @Test func binaryCorpusIsRefused() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let nul = dir.appendingPathComponent("model.bin")
      try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x0D, 0x0A]).write(to: nul)  // a zip file's start
      #expect(DataTestFiles.errorText { _ = try CharCorpus(contentsOf: nul) }
        == "Refusing \(nul.path): it does not look like a text file (a NUL byte at byte offset 4).")
      let latin1 = dir.appendingPathComponent("latin1.txt")
      try Data("caf".utf8 + [0xE9] + "\n".utf8).write(to: latin1)
      #expect(DataTestFiles.errorText { _ = try CharCorpus(contentsOf: latin1) }
        == "Refusing \(latin1.path): it does not look like a text file (invalid UTF-8 at byte offset 3).")
      // The streaming reader names the line.
      let reader = try CharCorpusReader(url: latin1, vocab: .timeMachine)
      #expect(DataTestFiles.errorText { _ = try reader.readAll() }
        == "Refusing \(latin1.path): it does not look like a text file (invalid UTF-8 at line 1).")
    }
  }

  @Test func corpusWithoutLettersIsRefused() throws {
    #expect(DataTestFiles.errorText { _ = try CharCorpus(text: "1895 -- 1,2,3 ...\n", source: "digits.txt") }
      == "Refusing digits.txt: it contains no letters A-Z/a-z, so D2L's preprocessing leaves no tokens.")
  }

  /// Lines read in pieces (for files without line breaks) give exactly the tokens of the whole
  /// file preprocessed at once, whatever the piece and read sizes.
  @Test func longLinesStreamInPiecesWithTheSameTokens() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      var random = RandomGenerator(seed: 11)
      let pieces = ["a", "B", " ", "  ", "é", "𝐇", "中", "\n", "\r\n", "\r", "--", "Time", "x1y", "\t"]
      for trial in 0..<20 {
        var text = ""
        for _ in 0..<(200 + trial * 50) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        let url = dir.appendingPathComponent("t\(trial).txt")
        try Data(text.utf8).write(to: url)
        let expected = String(decoding: preprocessCharacters(text), as: UTF8.self)
        for (segment, read) in [(4, 1), (5, 3), (7, 64), (64, 5)] {
          let reader = try CharCorpusReader(url: url, vocab: .timeMachine, chunkSize: 13, gutenbergBodyOnly: false,
                                            readSize: read, segmentLength: segment)
          let got = try reader.readAll().map { Vocab.timeMachine.idxToToken[Int($0)] }.joined()
          #expect(got == expected, "trial \(trial), segment \(segment), read \(read)")
        }
      }
    }
  }

  // MARK: - Checkpoints

  /// A valid checkpoint to break: a 1-layer GRU, hidden 4, with a training configuration.
  static func validCheckpoint() throws -> Data {
    var generator = RandomGenerator(seed: 5)
    let model = RNNModel(kind: .gru, vocabSize: 28, hiddenSize: 4, numLayers: 1, using: &generator)
    var configuration = TrainingConfiguration()
    configuration.cell = .gru
    configuration.numLayers = 1
    configuration.hiddenSize = 4
    let tensors = model.namedParameters
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]  // the same bytes on every run
    var metadata = ["format": ModelCheckpoint.format, "cell": "gru",
                    "vocab": String(decoding: try encoder.encode(Vocab.timeMachine.idxToToken), as: UTF8.self)]
    metadata["config"] = String(decoding: try encoder.encode(configuration), as: UTF8.self)
    return try SafeTensorsFile.encode(tensors, metadata: metadata)
  }

  /// The header of `data` as a JSON object, and the data section.
  static func split(_ data: Data) throws -> (header: [String: Any], body: Data) {
    let length = Int(data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
    let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + length))) as! [String: Any]
    return (header, data.subdata(in: (8 + length)..<data.count))
  }

  /// A file from a header and a data section.
  static func join(_ header: [String: Any], _ body: Data) throws -> Data {
    let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    var out = Data()
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
    return out + json + body
  }

  /// `valid` with the header edited by `edit`.
  static func editedHeader(_ edit: (inout [String: Any]) -> Void) throws -> Data {
    var (header, body) = try split(try validCheckpoint())
    edit(&header)
    return try join(header, body)
  }

  static func entry(_ header: [String: Any], _ name: String) -> [String: Any] { header[name] as! [String: Any] }

  /// The reason `data` is refused, as `lessons` prints it after "cannot load FILE: ".
  static func refusal(_ data: Data) -> String? {
    DataTestFiles.errorText {
      _ = try ModelCheckpoint.load(try SafeTensorsFile(data: data), source: "model.safetensors")
    }
  }

  @Test func validCheckpointLoads() throws {
    #expect(Self.refusal(try Self.validCheckpoint()) == nil)
  }

  @Test func truncatedCheckpointIsRefused() throws {
    let data = try Self.validCheckpoint()
    let headerLength = Int(data[0]) | Int(data[1]) << 8
    #expect(Self.refusal(data.prefix(5)) == "file is 5 bytes, too short for the 8-byte header length")
    #expect(Self.refusal(data.prefix(100))
      == "header claims \(headerLength) bytes but only 92 follow (truncated file?)")
    let cut = data.count - 10
    let message = Self.refusal(data.prefix(cut))
    #expect(message?.hasPrefix("tensor '") == true && message?.hasSuffix("-byte data section") == true, "\(message ?? "loaded")")
    #expect(message?.contains("fall outside the \(cut - 8 - headerLength)-byte data section") == true, "\(message ?? "loaded")")
  }

  @Test func headerLyingAboutSizesIsRefused() throws {
    let shape = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["shape"] = [29]; h["linear.bias"] = e
    }
    #expect(Self.refusal(shape) == "tensor 'linear.bias': shape [29] of F32 needs 116 bytes, data_offsets give 112")
    let huge = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["shape"] = [1 << 32, 1 << 32]; h["linear.bias"] = e
    }
    #expect(Self.refusal(huge) == "tensor 'linear.bias': shape [4294967296, 4294967296] is impossibly large")
    let negative = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["shape"] = [-28]; h["linear.bias"] = e
    }
    #expect(Self.refusal(negative) == "tensor 'linear.bias': negative size in shape [-28]")
    var lengthLie = try Self.validCheckpoint()
    lengthLie.replaceSubrange(0..<8, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
    #expect(Self.refusal(lengthLie)?.hasPrefix("header claims 9223372036854775807 bytes but only ") == true)
    var notJSON = try Self.validCheckpoint()
    notJSON[9] = UInt8(ascii: "[")
    #expect(Self.refusal(notJSON) == "header is not a JSON object")
    // Another format altogether (here a text file) is named as such, not as a cut-off file.
    #expect(Self.refusal(Data("time traveller, for so it will be\n".utf8))
      == "not a safetensors file (it does not start with a length and a JSON header)")
  }

  @Test func headerLyingAboutOffsetsIsRefused() throws {
    let (header, body) = try Self.split(try Self.validCheckpoint())
    let bias = Self.entry(header, "linear.bias")["data_offsets"] as! [Int]
    let outside = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["data_offsets"] = [body.count - 4, body.count + 108]; h["linear.bias"] = e
    }
    #expect(Self.refusal(outside)
      == "tensor 'linear.bias': data_offsets [\(body.count - 4), \(body.count + 108)] fall outside the \(body.count)-byte data section")
    let backwards = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["data_offsets"] = [bias[1], bias[0]]; h["linear.bias"] = e
    }
    #expect(Self.refusal(backwards)?.hasPrefix("tensor 'linear.bias': data_offsets [\(bias[1]), \(bias[0])] fall outside") == true)
    let overlap = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["data_offsets"] = [0, 112]; h["linear.bias"] = e
    }
    #expect(Self.refusal(overlap)?.hasSuffix("overlap in the data section") == true, "\(Self.refusal(overlap) ?? "loaded")")
  }

  @Test func shapesThatDoNotFitTheConfigurationAreRefused() throws {
    let config = try Self.editedHeader { h in
      var m = h["__metadata__"] as! [String: String]
      var c = TrainingConfiguration()
      c.cell = .lstm
      m["config"] = String(decoding: try! JSONEncoder().encode(c), as: UTF8.self)
      h["__metadata__"] = m
    }
    #expect(Self.refusal(config)
      == "model.safetensors: metadata 'config' describes a 2-layer LSTM with hidden 256, but the tensors are those of a 1-layer GRU with hidden 4")

    var generator = RandomGenerator(seed: 1)
    let lstm = RNNModel(kind: .lstm, vocabSize: 28, hiddenSize: 4, numLayers: 1, using: &generator)
    let swapped = lstm.namedParameters.map { ($0.name == "rnn.bias_hh_l0" ? ("rnn.bias_hh_l0", Tensor.zeros([12])) : $0) }
    #expect(Self.refusal(try SafeTensorsFile.encode(swapped))
      == "model.safetensors: tensor 'rnn.bias_hh_l0' is [12], a 1-layer LSTM with hidden 4 and vocabulary 28 needs [16]")
    let extra = lstm.namedParameters + [("rnn.weight_ih_l9", Tensor.zeros([16, 4]))]
    #expect(Self.refusal(try SafeTensorsFile.encode(extra)) == "model.safetensors: unexpected tensor 'rnn.weight_ih_l9' for a 1-layer LSTM model")
    let missing = lstm.namedParameters.filter { $0.name != "linear.bias" }
    #expect(Self.refusal(try SafeTensorsFile.encode(missing)) == "model.safetensors: missing tensor 'linear.bias'")
    let rows = lstm.namedParameters.map { ($0.name == "rnn.weight_hh_l0" ? ("rnn.weight_hh_l0", Tensor.zeros([8, 4])) : $0) }
    #expect(Self.refusal(try SafeTensorsFile.encode(rows))
      == "model.safetensors: rnn.weight_hh_l0 is [8, 4]: its rows must be 1, 3 or 4 times its 4 columns (RNN, GRU, LSTM)")
    let vocab = try Self.editedHeader { h in
      var m = h["__metadata__"] as! [String: String]
      m["vocab"] = "[\"<unk>\", \" \", \"e\"]"
      h["__metadata__"] = m
    }
    #expect(Self.refusal(vocab) == "model.safetensors: the vocabulary has 3 tokens but rnn.weight_ih_l0 takes 28 inputs")
  }

  @Test func nonFiniteWeightsAreRefused() throws {
    var generator = RandomGenerator(seed: 2)
    let model = RNNModel(kind: .gru, vocabSize: 28, hiddenSize: 4, numLayers: 1, using: &generator)
    for (value, name) in [(Float.nan, "nan"), (Float.infinity, "inf")] {
      let tensors = model.namedParameters.map { entry -> (name: String, tensor: Tensor) in
        guard entry.name == "rnn.weight_hh_l0" else { return entry }
        var scalars = entry.tensor.scalars
        scalars[7] = value
        return (entry.name, Tensor(shape: entry.tensor.shape, scalars))
      }
      #expect(Self.refusal(try SafeTensorsFile.encode(tensors))
        == "model.safetensors: tensor 'rnn.weight_hh_l0' holds \(name) at index 7: the weights are not finite")
    }
  }

  @Test func unknownDtypeIsRefused() throws {
    let unknown = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["dtype"] = "F8_E4M3"; h["linear.bias"] = e
    }
    #expect(Self.refusal(unknown) == "tensor 'linear.bias': unknown dtype F8_E4M3")
    let integer = try Self.editedHeader { h in
      var e = Self.entry(h, "linear.bias"); e["dtype"] = "I32"; h["linear.bias"] = e
    }
    #expect(Self.refusal(integer) == "tensor 'linear.bias' has dtype I32, expected a floating-point type")
  }

  @Test func checkpointFileThatIsNotThereIsRefused() {
    let message = DataTestFiles.errorText { _ = try ModelCheckpoint.load(from: URL(fileURLWithPath: "/no/such/model.safetensors")) }
    #expect(message?.hasPrefix("cannot read /no/such/model.safetensors: ") == true, "\(message ?? "loaded")")
  }

  // MARK: - Writes and training

  @Test func saveIntoAMissingFolderFailsWithAReasonAndWritesNothing() throws {
    var generator = RandomGenerator(seed: 3)
    let model = RNNModel(kind: .rnn, vocabSize: 28, hiddenSize: 2, numLayers: 1, using: &generator)
    let message = DataTestFiles.errorText {
      try ModelCheckpoint(model: model, vocab: .timeMachine).save(to: URL(fileURLWithPath: "/no/such/folder/m.safetensors"))
    }
    #expect(message == "cannot write /no/such/folder/m.safetensors: No such file or directory")
  }

  @Test func saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("m.safetensors")
      try writeAtomically(Data("old".utf8), to: url)
      try writeAtomically(Data("new".utf8), to: url)
      #expect(try Data(contentsOf: url) == Data("new".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.safetensors"])
    }
  }

  /// A NaN loss stops training at once, at the first minibatch that produces it.
  @Test func nanLossStopsTrainingAtItsMinibatch() throws {
    var generator = RandomGenerator(seed: 4)
    let model = RNNModel(kind: .gru, vocabSize: 28, hiddenSize: 4, numLayers: 1, using: &generator)
    let corpus = (0..<2000).map { $0 % 28 }
    var configuration = TrainingConfiguration()
    configuration.batchSize = 4
    configuration.numSteps = 5
    let trainer = Trainer(model: model, loader: SeqDataLoader(corpus: corpus, batchSize: 4, numSteps: 5), configuration: configuration)
    model.linear.bias.storage.base[0] = .nan
    let message = DataTestFiles.errorText { _ = try trainer.trainEpoch() }
    #expect(message == """
      training diverged at epoch 1, minibatch 1: the loss is nan.
      HINT: lower the learning rate (now 2.0; the chapter uses 2 with clipping 1), keep gradient clipping on, or use fewer steps per sequence.
      """)
    #expect(trainer.history.isEmpty)
  }
}
