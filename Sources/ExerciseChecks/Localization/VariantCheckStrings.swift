import Localization

/// The rows of a gated-cell variant's check (`VariantCheck`), in English and Vietnamese, in the
/// language `CheckStrings` chooses (`LESSONS_LANG`, else the locale).
public enum VariantCheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "row.shapes": "{label}: every state is (batch, hidden) = {shape}",
    "row.states": "{label}: H_t, t = 1…{steps}, as the reference with the same weights",
    "row.cells": "{label}: C_t, t = 1…{steps}, as the reference",
    "row.gradients": "{label}: the gradient of every weight",
    "detail.shape": "at t = {t} the state is {got}",
    "detail.gradient": "{name}: gradient differs by {difference}",
    "detail.unused": "{name}: this variant does not use it, but it received a gradient ({difference})",
  ]

  static let vi: [String: String] = [
    "row.shapes": "{label}: mọi trạng thái có dạng (batch, ẩn) = {shape}",
    "row.states": "{label}: H_t, t = 1…{steps}, giống bản tham chiếu cùng trọng số",
    "row.cells": "{label}: C_t, t = 1…{steps}, giống bản tham chiếu",
    "row.gradients": "{label}: gradient của mọi trọng số",
    "detail.shape": "tại t = {t} trạng thái có dạng {got}",
    "detail.gradient": "{name}: gradient lệch {difference}",
    "detail.unused": "{name}: biến thể này không dùng nó, nhưng nó lại nhận gradient ({difference})",
  ]
}

func vt(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  VariantCheckStrings.table(key, arguments, language: CheckStrings.language)
}
