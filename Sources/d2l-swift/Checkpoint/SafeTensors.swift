import Foundation

/// Why a safetensors file was refused.
public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
  public let description: String
  init(_ reason: String) { description = reason }
}

/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the raw little-endian data. Read with every size and offset
/// checked, so a truncated or lying file is refused with a reason instead of read as garbage.
public struct SafeTensorsFile {
  /// One entry of the header.
  public struct Entry: Equatable {
    public let dtype: String
    public let shape: [Int]
    /// Byte range within the data section.
    public let range: Range<Int>
  }

  /// Tensors by name.
  public let entries: [String: Entry]
  /// The free-form string metadata (`__metadata__`).
  public let metadata: [String: String]
  private let data: Data
  private let dataStart: Int

  static let elementSizes: [String: Int] = ["F32": 4, "F64": 8, "I64": 8, "I32": 4, "F16": 2, "BF16": 2, "U8": 1, "I8": 1, "BOOL": 1, "I16": 2]

  /// Reads and checks the file at `url`.
  public init(contentsOf url: URL) throws {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw SafeTensorsError("cannot read \(url.path): \(error.localizedDescription)")
    }
    try self.init(data: data)
  }

  /// Parses and checks `data`.
  public init(data: Data) throws {
    guard data.count >= 8 else { throw SafeTensorsError("file is \(data.count) bytes, too short for the 8-byte header length") }
    let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    // A safetensors header is JSON: a file whose ninth byte is not `{` was never one (a text
    // file, another format), which is a different mistake from a cut-off download.
    guard data.count > 8, data[data.startIndex + 8] == UInt8(ascii: "{") else {
      throw SafeTensorsError("not a safetensors file (it does not start with a length and a JSON header)")
    }
    guard headerLength <= UInt64(data.count - 8) else {
      throw SafeTensorsError("header claims \(headerLength) bytes but only \(data.count - 8) follow (truncated file?)")
    }
    let header = data.subdata(in: (data.startIndex + 8)..<(data.startIndex + 8 + Int(headerLength)))
    guard let json = try? JSONSerialization.jsonObject(with: header), let object = json as? [String: Any] else {
      throw SafeTensorsError("header is not a JSON object")
    }
    dataStart = 8 + Int(headerLength)
    let dataSize = data.count - dataStart
    var entries: [String: Entry] = [:]
    var metadata: [String: String] = [:]
    // In name order, so that a file with several problems always gets the same message.
    for (name, value) in object.sorted(by: { $0.key < $1.key }) {
      if name == "__metadata__" {
        guard let m = value as? [String: Any] else { throw SafeTensorsError("__metadata__ is not an object") }
        for (k, v) in m.sorted(by: { $0.key < $1.key }) {
          guard let s = v as? String else { throw SafeTensorsError("__metadata__ value for '\(k)' is not a string") }
          metadata[k] = s
        }
        continue
      }
      guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
            let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2
      else { throw SafeTensorsError("tensor '\(name)': entry needs dtype, shape and data_offsets") }
      guard let size = Self.elementSizes[dtype] else { throw SafeTensorsError("tensor '\(name)': unknown dtype \(dtype)") }
      guard shape.allSatisfy({ $0 >= 0 }) else { throw SafeTensorsError("tensor '\(name)': negative size in shape \(shape)") }
      let (begin, end) = (offsets[0], offsets[1])
      guard begin >= 0, begin <= end, end <= dataSize else {
        throw SafeTensorsError("tensor '\(name)': data_offsets [\(begin), \(end)] fall outside the \(dataSize)-byte data section")
      }
      // A lying shape can overflow Int: [2^32, 2^32] would wrap around to 0 elements.
      var bytes: Int? = size
      for dimension in shape {
        bytes = bytes.flatMap { let (p, overflow) = $0.multipliedReportingOverflow(by: dimension); return overflow ? nil : p }
      }
      guard let bytes else { throw SafeTensorsError("tensor '\(name)': shape \(shape) is impossibly large") }
      guard bytes == end - begin else {
        throw SafeTensorsError("tensor '\(name)': shape \(shape) of \(dtype) needs \(bytes) bytes, data_offsets give \(end - begin)")
      }
      entries[name] = Entry(dtype: dtype, shape: shape, range: begin..<end)
    }
    // The ranges must not overlap (the format lays tensors out back to back).
    let sorted = entries.sorted { ($0.value.range.lowerBound, $0.key) < ($1.value.range.lowerBound, $1.key) }
    for (a, b) in zip(sorted, sorted.dropFirst()) where a.value.range.upperBound > b.value.range.lowerBound {
      throw SafeTensorsError("tensors '\(a.key)' and '\(b.key)' overlap in the data section")
    }
    self.entries = entries
    self.metadata = metadata
    self.data = data
  }

  /// The raw bytes of `name`.
  private func bytes(_ name: String) throws -> (Entry, Data) {
    guard let e = entries[name] else { throw SafeTensorsError("no tensor named '\(name)'") }
    let start = data.startIndex + dataStart
    return (e, data.subdata(in: (start + e.range.lowerBound)..<(start + e.range.upperBound)))
  }

  /// The tensor `name` as Float32 (F32 as is; F64, F16 and BF16 converted).
  public func tensor(_ name: String) throws -> Tensor {
    let (e, raw) = try bytes(name)
    let n = e.shape.reduce(1, *)
    let storage = TensorStorage(count: n)
    raw.withUnsafeBytes { (p: UnsafeRawBufferPointer) in
      for i in 0..<n {
        switch e.dtype {
        case "F32": storage.base[i] = Float(bitPattern: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).littleEndian)
        case "F64": storage.base[i] = Float(Double(bitPattern: p.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self).littleEndian))
        case "BF16": storage.base[i] = Float(bitPattern: UInt32(p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self).littleEndian) << 16)
        case "F16":
          #if arch(x86_64) || arch(arm64)
          storage.base[i] = Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self).littleEndian))
          #endif
        default: break
        }
      }
    }
    guard ["F32", "F64", "BF16", "F16"].contains(e.dtype) else {
      throw SafeTensorsError("tensor '\(name)' has dtype \(e.dtype), expected a floating-point type")
    }
    return Tensor(shape: e.shape, storage: storage)
  }

  /// The integer tensor `name` (I64 or I32) as Ints.
  public func integers(_ name: String) throws -> [Int] {
    let (e, raw) = try bytes(name)
    let n = e.shape.reduce(1, *)
    return try raw.withUnsafeBytes { (p: UnsafeRawBufferPointer) in
      switch e.dtype {
      case "I64": return (0..<n).map { Int(Int64(littleEndian: p.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self))) }
      case "I32": return (0..<n).map { Int(Int32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self))) }
      default: throw SafeTensorsError("tensor '\(name)' has dtype \(e.dtype), expected I64 or I32")
      }
    }
  }

  /// Encodes tensors (as F32) and metadata in the safetensors format.
  public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) throws -> Data {
    var header: [String: Any] = [:]
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var offset = 0
    for (name, t) in tensors {
      header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + 4 * t.count]] as [String: Any]
      offset += 4 * t.count
    }
    var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    while json.count % 8 != 0 { json.append(0x20) }  // pad with spaces so the data is aligned
    var out = Data(capacity: 8 + json.count + offset)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
    out.append(json)
    for (_, t) in tensors {
      for v in t.storage.buffer { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    }
    return out
  }
}
