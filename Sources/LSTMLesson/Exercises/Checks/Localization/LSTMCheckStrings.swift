import ExerciseChecks
import Localization

/// Exercise 4 of the LSTM lesson: its checker's hint, in English and Vietnamese, in the language
/// `CheckStrings` chooses.
public enum LSTMCheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "hint.noHiddenTanh": "HINT: the gates and C_t are the LSTM's (C_t = F ⊙ C + I ⊙ C̃); only the last line changes: H_t = O ⊙ C_t, no tanh.",
  ]

  static let vi: [String: String] = [
    "hint.noHiddenTanh": "GỢI Ý: các cổng và C_t vẫn như LSTM (C_t = F ⊙ C + I ⊙ C̃); chỉ dòng cuối đổi: H_t = O ⊙ C_t, không có tanh.",
  ]
}

func lt(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  LSTMCheckStrings.table(key, arguments, language: CheckStrings.language)
}
