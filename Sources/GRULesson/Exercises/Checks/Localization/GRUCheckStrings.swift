import ExerciseChecks
import Localization

/// Exercise 4 of the GRU lesson: its checker's hints and training lines, in English and
/// Vietnamese, in the language `CheckStrings` chooses.
public enum GRUCheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "hint.resetOnly": "HINT: without the update gate, H_t is the candidate itself: tanh(X W_xh + (R ⊙ H) W_hh + b_h), R = σ(X W_xr + H W_hr + b_r).",
    "hint.updateOnly": "HINT: without the reset gate, the candidate reads all of H: tanh(X W_xh + H W_hh + b_h); then H_t = Z ⊙ H + (1 − Z) ⊙ H̃, Z = σ(X W_xz + H W_hz + b_z).",
    "train.settings": "your GRUs beside the full one, {hidden} hidden units, {epochs} epochs on The Time Machine from the same weights:",
    "train.perplexity": "perplexity {perplexity}",
    "train.noData": "(the side-by-side training needs The Time Machine: {reason})",
  ]

  static let vi: [String: String] = [
    "hint.resetOnly": "GỢI Ý: không có cổng cập nhật, H_t chính là ứng viên: tanh(X W_xh + (R ⊙ H) W_hh + b_h), R = σ(X W_xr + H W_hr + b_r).",
    "hint.updateOnly": "GỢI Ý: không có cổng đặt lại, ứng viên đọc toàn bộ H: tanh(X W_xh + H W_hh + b_h); rồi H_t = Z ⊙ H + (1 − Z) ⊙ H̃, Z = σ(X W_xz + H W_hz + b_z).",
    "train.settings": "các GRU của bạn cạnh GRU đầy đủ, {hidden} đơn vị ẩn, {epochs} epoch trên Cỗ máy Thời gian từ cùng trọng số:",
    "train.perplexity": "độ rối {perplexity}",
    "train.noData": "(việc huấn luyện cạnh nhau cần cuốn Cỗ máy Thời gian: {reason})",
  ]
}

func gt(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  GRUCheckStrings.table(key, arguments, language: CheckStrings.language)
}
