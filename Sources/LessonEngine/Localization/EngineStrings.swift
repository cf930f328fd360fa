/// The lesson engine's strings: what the runner, the charts and the plan print around any
/// lesson's steps.
public enum EngineStrings {
  public static let table = StringTable(en: en, vi: vi)

  static let en: [String: String] = [
    "step.header": "step {number}/{total} · {id} · {summary}",
    "step.output": "output:",
    "step.prompt": "[step {number}/{total}]  Enter/n: next   r: run again   q: quit",
    "step.stopped": "Stopped at step {number}/{total}. Continue later with: lessons run {lesson} --step {id}",
    "step.quietly": "(running {id} first, quietly)",
    "step.runFirst": "run step {id} first",
    "skip.needs": "⚠ skipped: this step needs '{file}',",
    "skip.notHere": "which is not here and could not be fetched.",
    "skip.why": "why: {reason}",
    "skip.fetch": "fetch it when online: lessons data fetch {file}",
    "skip.fetchAll": "(every book: lessons data fetch --all)",
    "skip.summary": "Skipped {count} {steps} for want of data: {ids}.",
    "skip.step": "step",
    "skip.steps": "steps",
    "skip.summaryFetch": "Fetch the books with `lessons data fetch --all`, then run a skipped step with `lessons run {lesson} --step {first}`.",
    "chart.epoch": "epoch",
    "chart.noData": "(no data)",
    "plan.setSyntax": "--set '{text}': expected name=value",
    "plan.unknownStep": "unknown step '{id}' (known steps: {known})",
    "plan.noParameter": "step '{id}' has no parameter '{name}' (it takes: {known})",
    "plan.none": "none",
    "plan.badSet": "--set {name}={value} for step '{id}': {problem}",
    "plan.unusedSet": "--set {name}: no step of this lesson has a parameter '{name}'",
    "plan.noStep": "no step '{id}' in this lesson (steps: {steps})",
    "parameter.integer": "parameter '{name}' must be an integer, got '{value}'",
    "parameter.number": "parameter '{name}' must be a number, got '{value}'",
    "parameter.range": "parameter '{name}' must be between {low} and {high}, got {value}",
    "parameter.choice": "parameter '{name}' must be one of {options}, got '{value}'",
    "lesson.noFile": "no such lesson file",
    "lesson.noLesson": "no such lesson (available: {known})",
    "lesson.noneFound": "none found",
  ]

  static let vi: [String: String] = [
    "step.header": "bước {number}/{total} · {id} · {summary}",
    "step.output": "kết quả:",
    "step.prompt": "[bước {number}/{total}]  Enter/n: tiếp   r: chạy lại   q: thoát",
    "step.stopped": "Đã dừng ở bước {number}/{total}. Để học tiếp: lessons run {lesson} --step {id}",
    "step.quietly": "(chạy trước bước {id}, không in kết quả)",
    "step.runFirst": "cần chạy bước {id} trước",
    "skip.needs": "⚠ bỏ qua: bước này cần tệp '{file}',",
    "skip.notHere": "tệp này không có ở đây và không tải về được.",
    "skip.why": "lý do: {reason}",
    "skip.fetch": "khi có mạng, hãy tải về: lessons data fetch {file}",
    "skip.fetchAll": "(mọi cuốn sách: lessons data fetch --all)",
    "skip.summary": "Đã bỏ qua {count} {steps} vì thiếu dữ liệu: {ids}.",
    "skip.step": "bước",
    "skip.steps": "bước",
    "skip.summaryFetch": "Hãy tải sách về bằng `lessons data fetch --all`, rồi chạy một bước đã bỏ qua bằng `lessons run {lesson} --step {first}`.",
    "chart.epoch": "epoch",
    "chart.noData": "(không có dữ liệu)",
    "plan.setSyntax": "--set '{text}': cần có dạng tên=giá_trị",
    "plan.unknownStep": "không có bước '{id}' (các bước có: {known})",
    "plan.noParameter": "bước '{id}' không có tham số '{name}' (các tham số: {known})",
    "plan.none": "không có",
    "plan.badSet": "--set {name}={value} cho bước '{id}': {problem}",
    "plan.unusedSet": "--set {name}: không bước nào của bài học có tham số '{name}'",
    "plan.noStep": "bài học không có bước '{id}' (các bước: {steps})",
    "parameter.integer": "tham số '{name}' phải là số nguyên, nhận được '{value}'",
    "parameter.number": "tham số '{name}' phải là một số, nhận được '{value}'",
    "parameter.range": "tham số '{name}' phải nằm trong khoảng {low} đến {high}, nhận được {value}",
    "parameter.choice": "tham số '{name}' phải là một trong {options}, nhận được '{value}'",
    "lesson.noFile": "không có tệp bài học này",
    "lesson.noLesson": "không có bài học này (các bài có: {known})",
    "lesson.noneFound": "không tìm thấy bài nào",
  ]
}

/// A string of the engine's catalogue in the current language.
func tr(_ key: String, _ arguments: [String: Any] = [:]) -> String {
  EngineStrings.table(key, arguments)
}
