import Foundation
import Testing

@testable import D2L

/// Seeded fuzzing of the safetensors reader and the checkpoint loader: valid files with
/// flipped bytes, truncations, inserted bytes, a lying length prefix and edited header JSON.
/// Every input must load or throw `SafeTensorsError`; nothing may crash (a `check` failure
/// would end the test process). `D2L_FUZZ_ITERATIONS` runs longer, `D2L_FUZZ_SEED` reseeds.
@Suite struct SafeTensorsFuzzTests {
  static let iterations = ProcessInfo.processInfo.environment["D2L_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 5_000
  static let seed = ProcessInfo.processInfo.environment["D2L_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5AFE_7E45

  /// Files to mutate: PyTorch's (no metadata) and ours (vocabulary, configuration, history,
  /// training state), small enough that thousands of loads stay fast in a debug build.
  static func seeds() throws -> [Data] {
    let sortedEncoder = JSONEncoder()
    sortedEncoder.outputFormatting = [.sortedKeys]
    var files = try ["model_rnn_l2.safetensors", "model_gru_l1.safetensors", "model_lstm_l1.safetensors"].map {
      try Data(contentsOf: Fixtures.directory.appendingPathComponent($0))
    }
    files.append(try ReliabilityDataTests.validCheckpoint())
    var generator = RandomGenerator(seed: 9)
    let model = RNNModel(kind: .lstm, vocabSize: 28, hiddenSize: 3, numLayers: 2, using: &generator)
    var configuration = TrainingConfiguration()
    configuration.hiddenSize = 3
    let history = [EpochReport(epoch: 1, perplexity: 20, tokensPerSecond: 1000, seconds: 1)]
    let progress = EpochProgress(epoch: 2, completedSteps: 3, lossSum: 12.5, tokens: 40, seconds: 0.5)
    let checkpoint = ModelCheckpoint(
      model: model, vocab: .timeMachine, configuration: configuration, history: history,
      trainingTensors: ["state.hidden": .zeros([2, 4, 3]), "state.cell": .zeros([2, 4, 3])],
      trainingMetadata: ["partial": String(decoding: try sortedEncoder.encode(progress), as: UTF8.self)])
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("ours.safetensors")
      try checkpoint.save(to: url)
      files.append(try Data(contentsOf: url))
    }
    return files
  }

  @Test func mutatedFilesLoadOrThrowNeverCrash() throws {
    let seeds = try Self.seeds()
    var random = RandomGenerator(seed: Self.seed)
    var loaded = 0, refused = 0, checkpoints = 0
    var reasons: [String: Int] = [:]
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<Self.iterations {
      let input = Self.mutate(seeds[Int(random.next() % UInt64(seeds.count))], random: &random)
      do {
        let file = try SafeTensorsFile(data: input)
        loaded += 1
        for name in file.entries.keys.sorted() {
          _ = try? file.tensor(name)
          _ = try? file.integers(name)
        }
        if (try? ModelCheckpoint.load(file, source: "fuzz")) != nil { checkpoints += 1 }
      } catch let error as SafeTensorsError {
        refused += 1
        let words = error.description.split(separator: " ")
        reasons[words.prefix(3).joined(separator: " "), default: 0] += 1
      } catch {
        Issue.record("input \(index) (seed \(Self.seed)): threw \(type(of: error)), not a SafeTensorsError: \(error)")
        return
      }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("safetensors fuzz: \(Self.iterations) inputs (seed \(Self.seed)) in \(String(format: "%.1f", seconds)) s: "
          + "\(loaded) parsed (\(checkpoints) loaded as models), \(refused) refused, \(reasons.count) kinds of reason")
    #expect(loaded + refused == Self.iterations)
    #expect(loaded > Self.iterations / 20 && refused > Self.iterations / 4, "loaded \(loaded), refused \(refused)")
  }

  /// One to four random edits of `data`.
  static func mutate(_ data: Data, random: inout RandomGenerator) -> Data {
    var bytes = [UInt8](data)
    func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }
    let headerEnd = min(8 + (Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16), bytes.count)
    for _ in 0..<(1 + below(4)) {
      guard !bytes.isEmpty else { break }
      switch below(9) {
      case 0:  // a flipped bit anywhere
        bytes[below(bytes.count)] ^= UInt8(1 << below(8))
      case 1:  // a flipped bit in the length prefix or the header
        bytes[below(min(headerEnd, bytes.count))] ^= UInt8(1 << below(8))
      case 2:  // truncated
        bytes.removeSubrange(below(bytes.count)..<bytes.count)
      case 3:  // bytes inserted
        let at = below(bytes.count + 1)
        bytes.insert(contentsOf: (0..<(1 + below(16))).map { _ in UInt8(below(256)) }, at: at)
      case 4:  // a lying length prefix
        let length = [0, 1, 7, headerEnd - 9, headerEnd - 7, bytes.count, Int(Int32.max), Int.max][below(8)]
        withUnsafeBytes(of: UInt64(truncatingIfNeeded: length).littleEndian) { bytes.replaceSubrange(0..<min(8, bytes.count), with: $0) }
      default:  // the header JSON edited
        bytes = editHeader(bytes, random: &random)
      }
    }
    return Data(bytes)
  }

  /// Parses the header, changes one thing in it (a dtype, a shape, offsets, a name, metadata),
  /// and writes it back with a matching length prefix.
  static func editHeader(_ bytes: [UInt8], random: inout RandomGenerator) -> [UInt8] {
    func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }
    guard bytes.count >= 8 else { return bytes }
    let length = Int(truncatingIfNeeded: bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
    guard length >= 0, length <= bytes.count - 8,
          var header = (try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))) as? [String: Any],
          let name = header.keys.sorted().randomElement(using: &random)
    else { return bytes }
    let numbers: [Any] = [0, 1, -1, 3, 28, 4096, Int.max, Int.min, 1 << 32, 2.5, "7", NSNull()]
    if name == "__metadata__", var metadata = header[name] as? [String: Any] {
      let key = ["vocab", "config", "history", "partial", "cell", "format"][below(6)]
      let values: [Any] = ["", "[]", "{}", "[\"a\",\"a\"]", "nonsense", "lstm", "rnn", "{\"epoch\":-1}", 3, ["x"],
                           "[{\"epoch\":1,\"perplexity\":1e999,\"tokensPerSecond\":0,\"seconds\":0}]"]
      if below(4) == 0 { metadata[key] = nil } else { metadata[key] = values[below(values.count)] }
      header[name] = metadata
    } else if var entry = header[name] as? [String: Any] {
      switch below(6) {
      case 0: entry["dtype"] = ["F32", "F64", "F16", "BF16", "I64", "I32", "U8", "BOOL", "F8", "", 5][below(11)]
      case 1:
        var shape = entry["shape"] as? [Any] ?? []
        if shape.isEmpty || below(3) == 0 { shape.append(numbers[below(numbers.count)]) } else { shape[below(shape.count)] = numbers[below(numbers.count)] }
        entry["shape"] = shape
      case 2:
        var offsets = entry["data_offsets"] as? [Any] ?? [0, 0]
        if !offsets.isEmpty { offsets[below(offsets.count)] = numbers[below(numbers.count)] }
        entry["data_offsets"] = below(5) == 0 ? Array(offsets.prefix(1)) : offsets
      case 3: entry[["dtype", "shape", "data_offsets"][below(3)]] = nil
      case 4:
        header[name] = nil
        header[["rnn.weight_ih_l5", "linear.weight", "rnn.weight_hh_l0", "training.state.hidden", "x"][below(5)]] = entry
        return serialize(header, body: bytes[(8 + length)...])
      default: header[name] = numbers[below(numbers.count)]
        return serialize(header, body: bytes[(8 + length)...])
      }
      header[name] = entry
    }
    return serialize(header, body: bytes[(8 + length)...])
  }

  static func serialize(_ header: [String: Any], body: ArraySlice<UInt8>) -> [UInt8] {
    let json = Array(JSONText.of(header).utf8)
    var out: [UInt8] = []
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { out += $0 }
    return out + json + body
  }
}

/// JSON text with sorted keys: Foundation's `.sortedKeys` compares keys through ICU, which
/// made it most of the fuzz test's time.
enum JSONText {
  static func of(_ value: Any) -> String {
    switch value {
    case let object as [String: Any]:
      return "{" + object.keys.sorted().map { quoted($0) + ":" + of(object[$0]!) }.joined(separator: ",") + "}"
    case let array as [Any]: return "[" + array.map(of).joined(separator: ",") + "]"
    case let string as String: return quoted(string)
    case let bool as Bool where type(of: value) == Bool.self: return bool ? "true" : "false"
    case let int as Int: return String(int)
    case let double as Double: return double.isFinite ? String(double) : "null"
    case let number as NSNumber: return number.stringValue
    default: return "null"
    }
  }

  static func quoted(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

