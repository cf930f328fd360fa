import Localization

/// The GRU and LSTM lessons' exercise 4: their checker's strings, in English and Vietnamese, in
/// the language `CheckStrings` chooses (`LESSONS_LANG`, else the locale).
public enum GatedCheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "row.shapes": "{label}: every state is (batch, hidden) = {shape}",
    "row.states": "{label}: H_t, t = 1…{steps}, as the reference with the same weights",
    "row.cells": "{label}: C_t, t = 1…{steps}, as the reference",
    "row.gradients": "{label}: the gradient of every weight",
    "detail.shape": "at t = {t} the state is {got}",
    "detail.gradient": "{name}: gradient differs by {difference}",
    "detail.unused": "{name}: this variant does not use it, but it received a gradient ({difference})",
    "hint.resetOnly": "HINT: without the update gate, H_t is the candidate itself: tanh(X W_xh + (R ⊙ H) W_hh + b_h), R = σ(X W_xr + H W_hr + b_r).",
    "hint.updateOnly": "HINT: without the reset gate, the candidate reads all of H: tanh(X W_xh + H W_hh + b_h); then H_t = Z ⊙ H + (1 − Z) ⊙ H̃, Z = σ(X W_xz + H W_hz + b_z).",
    "train.settings": "your GRUs beside the full one, {hidden} hidden units, {epochs} epochs on The Time Machine from the same weights:",
    "train.perplexity": "perplexity {perplexity}",
    "train.noData": "(the side-by-side training needs The Time Machine: {reason})",
    "hint.noHiddenTanh": "HINT: the gates and C_t are the LSTM's (C_t = F ⊙ C + I ⊙ C̃); only the last line changes: H_t = O ⊙ C_t, no tanh.",
  ]

  static let vi: [String: String] = [
    "row.shapes": "{label}: mọi trạng thái có dạng (batch, ẩn) = {shape}",
    "row.states": "{label}: H_t, t = 1…{steps}, giống bản tham chiếu cùng trọng số",
    "row.cells": "{label}: C_t, t = 1…{steps}, giống bản tham chiếu",
    "row.gradients": "{label}: gradient của mọi trọng số",
    "detail.shape": "tại t = {t} trạng thái có dạng {got}",
    "detail.gradient": "{name}: gradient lệch {difference}",
    "detail.unused": "{name}: biến thể này không dùng nó, nhưng nó lại nhận gradient ({difference})",
    "hint.resetOnly": "GỢI Ý: không có cổng cập nhật, H_t chính là ứng viên: tanh(X W_xh + (R ⊙ H) W_hh + b_h), R = σ(X W_xr + H W_hr + b_r).",
    "hint.updateOnly": "GỢI Ý: không có cổng đặt lại, ứng viên đọc toàn bộ H: tanh(X W_xh + H W_hh + b_h); rồi H_t = Z ⊙ H + (1 − Z) ⊙ H̃, Z = σ(X W_xz + H W_hz + b_z).",
    "train.settings": "các GRU của bạn cạnh GRU đầy đủ, {hidden} đơn vị ẩn, {epochs} epoch trên Cỗ máy Thời gian từ cùng trọng số:",
    "train.perplexity": "độ rối {perplexity}",
    "train.noData": "(việc huấn luyện cạnh nhau cần cuốn Cỗ máy Thời gian: {reason})",
    "hint.noHiddenTanh": "GỢI Ý: các cổng và C_t vẫn như LSTM (C_t = F ⊙ C + I ⊙ C̃); chỉ dòng cuối đổi: H_t = O ⊙ C_t, không có tanh.",
  ]
}

func gt(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  GatedCheckStrings.table(key, arguments, language: CheckStrings.language)
}
