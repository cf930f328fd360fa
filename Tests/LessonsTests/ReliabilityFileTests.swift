import D2L
import Foundation
import Testing

/// Bad data and checkpoint files given to `lessons` itself: each command stops with exit
/// status 1 and one `error:` line that says what is wrong with which file (no crash trace).
@Suite struct ReliabilityFileTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    /// The command, with `DIR` standing for the folder of bad files.
    let arguments: [String]
    /// The message, with `DIR` likewise.
    let message: String
    var dataDirectory: String? = nil
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "wrong SHA-1 of timemachine.txt", arguments: ["train", "--epochs", "1"],
         message: "error: Refusing DIR/timemachine.txt: its SHA-1 is 2fef497bedcfda1431e8050456baece5e9971979, expected 090b5e7e70c295757f55df93cb0a180b9691891a. It is not D2L's copy (corrupt, truncated or another edition); replace it with the original file.",
         dataDirectory: "DIR"),
    Case(name: "empty corpus", arguments: ["train", "--books", "DIR/empty.txt"],
         message: "error: Refusing DIR/empty.txt: the file is empty (0 bytes), so there is no text to train on."),
    Case(name: "binary corpus", arguments: ["train", "--books", "DIR/archive.zip"],
         message: "error: Refusing DIR/archive.zip: it does not look like a text file (a NUL byte at byte offset 4)."),
    Case(name: "corpus without letters", arguments: ["train", "--books", "DIR/digits.txt"],
         message: "error: Refusing DIR/digits.txt: it contains no letters A-Z/a-z, so D2L's preprocessing leaves no tokens."),
    Case(name: "empty text to evaluate", arguments: ["eval", "--weights", "DIR/tiny.safetensors", "--text", "DIR/empty.txt"],
         message: "error: cannot evaluate on DIR/empty.txt: Refusing DIR/empty.txt: the file is empty (0 bytes), so there is no text to train on."),
    Case(name: "binary text to evaluate", arguments: ["eval", "--weights", "DIR/tiny.safetensors", "--text", "DIR/archive.zip"],
         message: "error: cannot evaluate on DIR/archive.zip: Refusing DIR/archive.zip: it does not look like a text file (a NUL byte at line 1)."),
    Case(name: "truncated checkpoint", arguments: ["predict", "--weights", "DIR/truncated.safetensors", "--prefix", "time"],
         message: "error: cannot load DIR/truncated.safetensors: tensor 'linear.bias': data_offsets [4544, 4656] fall outside the 544-byte data section"),
    Case(name: "not a checkpoint at all", arguments: ["predict", "--weights", "DIR/digits.txt", "--prefix", "time"],
         message: "error: cannot load DIR/digits.txt: not a safetensors file (it does not start with a length and a JSON header)"),
    Case(name: "NaN weights", arguments: ["eval", "--weights", "DIR/nan.safetensors", "--text", "DIR/digits.txt"],
         message: "error: cannot load DIR/nan.safetensors: nan.safetensors: tensor 'rnn.weight_hh_l0' holds nan at index 0: the weights are not finite"),
    Case(name: "unknown dtype", arguments: ["predict", "--weights", "DIR/f8.safetensors", "--prefix", "time"],
         message: "error: cannot load DIR/f8.safetensors: tensor 'rnn.weight_hh_l0': unknown dtype F8_E4M3"),
    Case(name: "configuration that contradicts the shapes", arguments: ["train", "--resume", "DIR/mismatch.safetensors"],
         message: "error: mismatch.safetensors: metadata 'config' describes a 2-layer LSTM with hidden 256, but the tensors are those of a 1-layer GRU with hidden 8"),
    Case(name: "PyTorch file without a training configuration", arguments: ["train", "--resume", "DIR/tiny.safetensors"],
         message: "error: DIR/tiny.safetensors holds no training configuration: only checkpoints written by `lessons train` can resume"),
  ]

  /// The bad files, in a fresh folder.
  static func makeFiles(in dir: URL) throws {
    func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
    try write("timemachine.txt", Array("The Time Machine, but not D2L's copy.\n".utf8))
    try write("empty.txt", [])
    try write("archive.zip", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x0D, 0x0A])
    try write("digits.txt", Array("1895 -- 12:00\n".utf8))

    var generator = RandomGenerator(seed: 1)
    let model = RNNModel(kind: .gru, vocabSize: 28, hiddenSize: 8, numLayers: 1, using: &generator)
    let tiny = try SafeTensorsFile.encode(model.namedParameters)
    try write("tiny.safetensors", [UInt8](tiny))
    try write("truncated.safetensors", [UInt8](tiny.prefix(1000)))
    let nan = model.namedParameters.map { entry -> (name: String, tensor: Tensor) in
      entry.name == "rnn.weight_hh_l0" ? (entry.name, Tensor(shape: entry.tensor.shape, [Float](repeating: .nan, count: entry.tensor.count))) : entry
    }
    try write("nan.safetensors", [UInt8](try SafeTensorsFile.encode(nan)))
    // The same file with one dtype renamed to one the reader does not know.
    let headerLength = Int(tiny.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    var header = String(decoding: tiny[8..<(8 + headerLength)], as: UTF8.self)
    let entry = try #require(header.range(of: "\"rnn.weight_hh_l0\":{"))
    let dtype = try #require(header.range(of: "\"dtype\":\"F32\"", range: entry.upperBound..<header.endIndex))
    header.replaceSubrange(dtype, with: "\"dtype\":\"F8_E4M3\"")
    var f8 = Data()
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { f8.append(contentsOf: $0) }
    try write("f8.safetensors", [UInt8](f8 + Data(header.utf8) + tiny[(8 + headerLength)...]))
    // A configuration that describes another model than the tensors hold.
    try ModelCheckpoint(model: model, vocab: .timeMachine, configuration: TrainingConfiguration())
      .save(to: dir.appendingPathComponent("mismatch.safetensors"))
  }

  @Test(arguments: cases)
  func badFileIsRefusedWithItsReason(_ bad: Case) throws {
    try Reliability.withTemporaryDirectory { dir in
      try Self.makeFiles(in: dir)
      let arguments = bad.arguments.map { $0.replacingOccurrences(of: "DIR", with: dir.path) }
      let environment = bad.dataDirectory.map { ["D2L_DATA_DIR": $0.replacingOccurrences(of: "DIR", with: dir.path)] } ?? [:]
      let result = try LessonsBinary.run(arguments, environment: environment)
      let message = bad.message.replacingOccurrences(of: "DIR", with: dir.path)
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr == message + "\n")
      #expect(!Reliability.looksLikeACrash(result.stderr))
    }
  }
}
