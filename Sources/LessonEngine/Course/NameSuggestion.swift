/// The name a learner probably meant when one they typed does not exist (`gur` for `gru`,
/// `epoch` for `epochs`, `lstm-concise-agree` for `lstm-concise-agrees`): the one known name
/// within a letter or two of it (an added, dropped or changed letter, or two swapped), or the
/// one that begins with it.
enum NameSuggestion {
  /// `; did you mean 'gru'?` in the learner's language, or "" when no name is close.
  static func note(_ typed: String, among names: [String]) -> String {
    closest(to: typed, among: names).map { "; " + tr("name.didYouMean", ["name": $0]) } ?? ""
  }

  static func closest(to typed: String, among names: [String]) -> String? {
    let allowed = typed.count <= 4 ? 1 : 2
    let near = names.filter { $0 != typed && distance(typed.lowercased(), $0.lowercased()) <= allowed }
    if near.count == 1 { return near[0] }
    let extended = names.filter { $0.hasPrefix(typed) && $0 != typed }
    return near.isEmpty && extended.count == 1 ? extended[0] : nil
  }

  /// Edits between a and b: insertions, deletions, substitutions and swaps of neighbours.
  static func distance(_ a: String, _ b: String) -> Int {
    let (s, t) = (Array(a), Array(b))
    guard !s.isEmpty, !t.isEmpty else { return max(s.count, t.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
    for i in 0...s.count { d[i][0] = i }
    for j in 0...t.count { d[0][j] = j }
    for i in 1...s.count {
      for j in 1...t.count {
        let cost = s[i - 1] == t[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[s.count][t.count]
  }
}
