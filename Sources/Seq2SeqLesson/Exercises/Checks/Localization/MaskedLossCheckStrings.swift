import ExerciseChecks
import Localization

/// Exercise 2 of seq2seq (the masked loss): its checker's strings, in English and Vietnamese, in
/// the language `CheckStrings` chooses (`LESSONS_LANG`, else the locale).
public enum MaskedLossCheckStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "row.maskBook": "sequenceMask: the book's [[1, 2, 3], [4, 5, 6]]",
    "row.maskValue": "sequenceMask: the book's ones filled with -1",
    "row.maskEdges": "sequenceMask: valid lengths 0 and T",
    "row.maskArguments": "({shape}, valid {lengths}, value {value})",
    "row.lossBook": "loss: the book's check, valid lengths [4, 2, 0] → [2.3026, 1.1513, 0]",
    "row.lossRandom": "loss: {label}",
    "row.gradient": "gradient of Σ loss with respect to pred: {label}",
    "mask.unchanged": "X came back unchanged: every entry at a step t ≥ validLength[i] of row i must become value",
    "mask.oneTooMany": "one step too many is kept: step t is valid when t < validLength[i] (steps counted from 0), not t ≤",
    "mask.ignoresValue": "the masked entries are 0, not value: fill them with the value given",
    "loss.noMask": "these are the losses without the mask: the padded steps count too; multiply each step's loss by the mask before averaging",
    "loss.oneTooMany": "one step too many counts: step t is valid when t < validLength[i], not t ≤",
    "loss.perValid": "these are the averages over each sequence's valid tokens: the book divides by the number of steps T, padding included",
    "loss.sum": "these are the sums over the steps: the book averages them, dividing by T",
    "loss.maskedScores": "the mask was applied to the scores, not to the losses: a padded step with all-zero scores still costs log V; mask each step's cross-entropy instead",
    "gradient.detached": "the loss does not depend on pred on the gradient tape: build it from pred with tensor operations (no .scalars and back, no detached())",
    "gradient.followsValues": "the values above are already wrong, so the gradient is too",
  ]

  static let vi: [String: String] = [
    "row.maskBook": "sequenceMask: ví dụ [[1, 2, 3], [4, 5, 6]] của sách",
    "row.maskValue": "sequenceMask: ví dụ ma trận toàn số 1 điền -1 của sách",
    "row.maskEdges": "sequenceMask: độ dài hợp lệ 0 và T",
    "row.maskArguments": "({shape}, độ dài hợp lệ {lengths}, giá trị {value})",
    "row.lossBook": "loss: phép thử của sách, độ dài hợp lệ [4, 2, 0] → [2.3026, 1.1513, 0]",
    "row.lossRandom": "loss: {label}",
    "row.gradient": "gradient của Σ loss theo pred: {label}",
    "mask.unchanged": "X được trả về nguyên vẹn: mọi phần tử ở bước t ≥ validLength[i] của hàng i phải thành value",
    "mask.oneTooMany": "giữ thừa một bước: bước t hợp lệ khi t < validLength[i] (bước đếm từ 0), không phải t ≤",
    "mask.ignoresValue": "các phần tử bị che bằng 0 chứ không phải value: hãy điền giá trị được truyền vào",
    "loss.noMask": "đây là giá trị mất mát khi không có mặt nạ: các bước đệm cũng bị tính; hãy nhân mất mát của mỗi bước với mặt nạ trước khi lấy trung bình",
    "loss.oneTooMany": "tính thừa một bước: bước t hợp lệ khi t < validLength[i], không phải t ≤",
    "loss.perValid": "đây là trung bình trên các token hợp lệ của từng chuỗi: sách chia cho số bước T, tính cả phần đệm",
    "loss.sum": "đây là tổng qua các bước: sách lấy trung bình, tức chia cho T",
    "loss.maskedScores": "mặt nạ được áp lên điểm số chứ không phải lên giá trị mất mát: một bước đệm với điểm số toàn 0 vẫn tốn log V; hãy che entropy chéo của từng bước",
    "gradient.detached": "trên băng ghi gradient, hàm mất mát không phụ thuộc vào pred: hãy dựng nó từ pred bằng các phép toán tensor (không lấy .scalars rồi tạo lại, không detached())",
    "gradient.followsValues": "các giá trị ở trên đã sai, nên gradient cũng sai",
  ]
}

/// A string of the masked-loss checker in the checker's language, `{name}`s filled in.
func st(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  MaskedLossCheckStrings.table(key, arguments, language: CheckStrings.language)
}
