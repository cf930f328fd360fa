import ExerciseChecks
import Localization

/// Exercise 1 of beam-search: its checker's strings, in English and Vietnamese, in the
/// language `CheckStrings` chooses.
public enum BeamCheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "case.book": "the book's example (A, B, C, <eos>), k = 2",
    "case.table": "seeded table |V| = 5, k = {k}, α = {alpha} (seed {seed})",
    "case.char": "seeded character model, k = {k}, <eos> = ' '",
    "row": "{case}: the hypotheses kept at every step, and the output",
    "step": "step {step} (k = {k}), from the same beam:",
    "beam": "beam:    ",
    "expected": "expected:",
    "got": "got:     ",
    "output": "every step kept the right hypotheses, but the output differs: expected {expected}, got {got}",
    "hint": "HINT:",
    "mistake.perParent": "{count} hypotheses kept with k = {k}: keep the k best of all k × |V| extensions together, not k from each parent",
    "mistake.stranger": "{tokens} is no extension of a hypothesis in the beam",
    "mistake.extendedFinished": "{tokens} had ended with <eos> and was extended: a finished hypothesis competes as it is, never extended",
    "mistake.notSummed": "log P of {tokens} is {got}, but its parent's log P plus the token's log-probability is {expected}: log P of a sequence is the sum over its tokens",
    "mistake.finished": "{tokens}: a hypothesis is finished exactly when its last token is <eos>",
    "mistake.normalised": "these are the k best by (1/L^α) log P: inside the beam rank by log P; the length penalty is applied once, to the final choice",
    "mistake.tooFew": "{count} hypotheses kept, the beam holds k = {k} whenever there are that many candidates",
    "mistake.notBest": "these are not the k candidates with the largest log P",
  ]

  static let vi: [String: String] = [
    "case.book": "ví dụ của sách (A, B, C, <eos>), k = 2",
    "case.table": "bảng ngẫu nhiên có hạt giống |V| = 5, k = {k}, α = {alpha} (hạt giống {seed})",
    "case.char": "mô hình ký tự ngẫu nhiên có hạt giống, k = {k}, <eos> = ' '",
    "row": "{case}: các giả thuyết được giữ ở mỗi bước, và chuỗi đầu ra",
    "step": "bước {step} (k = {k}), từ cùng một chùm:",
    "beam": "chùm:    ",
    "expected": "cần có:  ",
    "got": "nhận:    ",
    "output": "mỗi bước đều giữ đúng các giả thuyết, nhưng chuỗi đầu ra khác: cần có {expected}, nhận được {got}",
    "hint": "GỢI Ý:",
    "mistake.perParent": "giữ {count} giả thuyết với k = {k}: hãy giữ k ứng viên tốt nhất trong toàn bộ k × |V| phần mở rộng, không phải k ứng viên cho mỗi giả thuyết cha",
    "mistake.stranger": "{tokens} không mở rộng giả thuyết nào trong chùm",
    "mistake.extendedFinished": "{tokens} đã kết thúc bằng <eos> mà vẫn bị mở rộng: giả thuyết đã kết thúc được giữ nguyên để cạnh tranh, không bao giờ được nối thêm",
    "mistake.notSummed": "log P của {tokens} là {got}, nhưng log P của giả thuyết cha cộng log xác suất của token là {expected}: log P của một chuỗi là tổng theo từng token",
    "mistake.finished": "{tokens}: một giả thuyết kết thúc đúng khi token cuối của nó là <eos>",
    "mistake.normalised": "đây là k ứng viên tốt nhất theo (1/L^α) log P: trong chùm hãy xếp hạng theo log P; hệ số phạt độ dài chỉ dùng một lần, khi chọn kết quả cuối cùng",
    "mistake.tooFew": "chỉ giữ {count} giả thuyết, trong khi chùm phải giữ k = {k} khi có đủ ứng viên",
    "mistake.notBest": "đây không phải k ứng viên có log P lớn nhất",
  ]
}

/// A string of beam-search's exercise checker in the checker's language, `{name}`s filled in.
func zt(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  BeamCheckStrings.table(key, arguments, language: CheckStrings.language)
}
