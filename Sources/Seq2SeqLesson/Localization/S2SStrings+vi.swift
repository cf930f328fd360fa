extension S2SStrings {
  static let vi: [String: String] = [
    "lesson.title": "Học Chuỗi sang Chuỗi",
    "exercise1.title": "điều chỉnh siêu tham số để bản dịch tốt hơn",
    "exercise1.hint": "Mỗi lần chỉ đổi một thứ và giữ nguyên ngân sách: `lessons run seq2seq --step s2s-hyper --set settings=\"numHiddens=64|dropout=0\"`. Với 600 cặp câu, một mô hình lớn hơn có thể học thuộc chúng; hãy xem giá trị mất mát và bốn bản dịch.",
    "exercise2.title": "huấn luyện không có mặt nạ; tự viết hàm mất mát có mặt nạ",
    "exercise2.hint": "1. sequenceMask: tạo một mảng Float cùng kích thước với X, bằng 1 khi t < validLength[i] (với mọi phần tử ở các trục phía sau của bước đó), bằng 0 ở chỗ khác; X * mask + (1 - mask) * value. 2. loss: log softmax theo trục cuối (trừ điểm số lớn nhất của mỗi hàng, rồi trừ log của tổng các exp); lấy giá trị ở từng nhãn bằng Tensor.oneHot(labels, shape: [n, T], depth: V) và tổng theo trục 2; nhân với sequenceMask(ones [n, T]); lấy trung bình theo trục 1. Bước s2s-no-mask cho thấy mặt nạ thay đổi gì khi huấn luyện.",
    "exercise3.title": "bộ mã hóa và bộ giải mã khác kích thước: trạng thái đầu tiên của bộ giải mã",
    "exercise3.hint": "Bộ giải mã cần một trạng thái (batch, ẩn) cho mỗi tầng và một ngữ cảnh; bộ mã hóa đưa ra (tầng, batch, số ẩn của nó). Một tầng kết nối đầy đủ từ bên này sang bên kia, được học cùng phần còn lại, là một cách; trạng thái 0 cộng với ngữ cảnh là một cách khác. Bước s2s-sizes huấn luyện cách thứ nhất.",
    "exercise4.title": "huấn luyện không mớm đáp án",
    "exercise4.hint": "Đưa vào bộ giải mã từ tốt nhất của chính nó ở bước trước, mỗi lần một bước, rồi so với cách mớm đáp án cùng ngân sách: `lessons run seq2seq --step s2s-no-teacher`. Lúc đầu các từ nó tự đoán đều sai, vậy mỗi bước học từ đâu?",
    "exercise5.title": "tầng LSTM thay cho tầng GRU",
    "exercise5.hint": "Seq2SeqConfiguration.cell = .lstm; khi đó trạng thái mang theo cả các ô nhớ. `lessons run seq2seq --step s2s-lstm`.",
    "exercise6.title": "những cách thiết kế khác cho tầng đầu ra của bộ giải mã",
    "exercise6.hint": "Tầng kết nối đầy đủ chỉ đọc trạng thái của tầng trên cùng. Nó cũng có thể đọc ngữ cảnh, hoặc vectơ nhúng của từ đầu vào; trọng số của nó có thể dùng chung với tầng nhúng đích. Cách nào hợp với giao diện mà không phải thay đổi nó?",

    "axis.batch": "batch",
    "axis.steps": "bước",
    "axis.hidden": "ẩn",
    "axis.layers": "tầng",
    "axis.embed": "nhúng",
    "axis.vocab": "từ vựng",

    "encoder.summary": "bộ mã hóa RNN với kích thước thử nghiệm của sách: đầu ra và trạng thái",
    "encoder.tokens": "chỉ số token, toàn 0 như trong sách",
    "encoder.embedded": "các hàng của bảng nhúng, chiều thời gian đứng đầu",
    "encoder.outputs": "trạng thái của tầng trên cùng ở mọi bước",
    "encoder.state": "trạng thái của mọi tầng sau bước cuối",
    "encoder.parameters": "các tham số của nó, theo tên của PyTorch:",

    "decoder.summary": "bộ giải mã RNN: ngữ cảnh ở mọi bước, điểm số và trạng thái",
    "decoder.context": "tầng trên cùng của bộ mã hóa sau bước cuối, ở mọi bước",
    "decoder.reads": "những gì GRU của bộ giải mã đọc ở mỗi bước",
    "decoder.output": "một điểm số cho mỗi từ đích, ở mỗi bước",
    "decoder.state": "mọi tầng sau bước cuối",

    "mask.summary": "mặt nạ trên các ví dụ nhỏ của sách",
    "mask.row": "hàng {row}, độ dài hợp lệ {valid}:",

    "loss.summary": "hàm mất mát có mặt nạ trên phép thử của sách: độ dài hợp lệ 4, 2 và 0",
    "loss.reading": "mỗi bước được tính tốn log 10 = {log} (10 từ có điểm số bằng nhau), lấy trung bình qua 4 bước: hàng đầu tính 4 bước, hàng thứ hai 2 bước (ít hơn {ratio} lần), hàng thứ ba không bước nào",

    "train.summary": "lần huấn luyện của sách, giá trị mất mát được vẽ trực tiếp",
    "train.loss": "mất mát",
    "train.chart": "giá trị mất mát sách in ra, theo epoch",
    "train.result": "mất mát {loss}, {rate} token/s trên CPU ({threads} luồng), {seconds} s",

    "bleu.summary": "BLEU trên hai ví dụ của sách",
    "bleu.penalty": "hệ số phạt độ ngắn exp(min(0, 1 − 6/5)) = {value}",
    "bleu.short": "(p₁ = p₂ = 1, nhưng hệ số phạt exp(1 − 6/2) = {penalty} kéo điểm xuống)",

    "translate.summary": "bốn bản dịch của sách, kèm BLEU",
    "translate.counts": "câu và bản tham chiếu phải đi thành cặp: {sentences} câu, {references} bản tham chiếu",

    "compare.book": "lần chạy của sách (s2s-train)",
    "compare.chart": "entropy chéo trên mỗi token đích hợp lệ, theo epoch",
    "compare.loss": "mất mát/token",
    "compare.bleu": "BLEU tr.bình",
    "compare.seconds": "giây",
    "compare.norm": "‖g‖ trung vị",
    "compare.clipped": "bị cắt",

    "meansum.summary": "mean hay sum trong hàm mất mát có mặt nạ: huấn luyện cả hai, đặt cạnh nhau",
    "meansum.reading": "Hai lần chạy bắt đầu từ cùng trọng số và đọc cùng các minibatch; chỉ khác nhau ở hằng số 1/numSteps, nên trước khi cắt, gradient với sum lớn hơn đúng hằng số ấy (chuẩn trung vị {meanNorm} và {sumNorm}). Phép cắt ở 1 có tác dụng ở {mean}% số lần cập nhật của lần chạy mean và {sum}% của lần chạy sum; ở đâu nó tác dụng, nó xóa hằng số ấy đi, và Adam, vốn chia mỗi lần cập nhật cho một độ lớn trượt của gradient, xóa đi phần lớn phần còn lại. Giá trị mất mát trên mỗi token lúc cuối ({meanLoss} và {sumLoss}) cùng các bản dịch ở trên là câu trả lời đo được. Không phiên bản nào có thể làm câu ngắn đi hay dài ra để hạ mất mát: mặt nạ không phụ thuộc vào mô hình.",
    "meansum.reading.allClipped": "Hai lần chạy bắt đầu từ cùng trọng số và đọc cùng các minibatch; chỉ khác nhau ở hằng số 1/numSteps. Nhưng gradient của hàm mất mát lấy tổng trên cả minibatch lớn hơn 1 ngay cả với mean (chuẩn trung vị {meanNorm} và {sumNorm}), nên phép cắt ở 1 có tác dụng ở mọi lần cập nhật của cả hai: mỗi lần cập nhật đều bắt đầu từ một gradient có chuẩn 1 theo cùng một hướng, và Adam nhận đúng những con số như nhau. Hai lần chạy là cùng một thuật toán; chúng chỉ tách nhau ra vì sai số làm tròn, tích tụ qua hàng nghìn lần cập nhật. Giá trị mất mát trên mỗi token lúc cuối ({meanLoss} và {sumLoss}) cùng các bản dịch ở trên cho thấy sự trôi ấy đi xa đến đâu. Không phiên bản nào có thể làm câu ngắn đi hay dài ra để hạ mất mát: mặt nạ không phụ thuộc vào mô hình.",

    "exercises.summary": "sáu bài tập của phần này và nơi thực hiện chúng",
    "exercises.item1": "Bạn có thể điều chỉnh siêu tham số để bản dịch tốt hơn không? Bước s2s-hyper huấn luyện mô hình của sách, mỗi lần đổi một thứ.",
    "exercises.item2": "Huấn luyện không dùng mặt nạ trong hàm mất mát: điều gì xảy ra, và vì sao? Bước s2s-no-mask đo điều đó. Phần lập trình: tự viết mặt nạ chuỗi và hàm mất mát có mặt nạ trong exercises/Sources/Seq2SeqExercise2/MaskedLoss.swift; `lessons check 2 --lesson seq2seq` so sánh chúng với định nghĩa, `lessons hint 2 --lesson seq2seq` gợi ý, `lessons reset 2 --lesson seq2seq` để làm lại từ đầu.",
    "exercises.item3": "Nếu bộ mã hóa và bộ giải mã khác nhau về số tầng hay số đơn vị ẩn, trạng thái ẩn của bộ giải mã bắt đầu thế nào? Bước s2s-sizes huấn luyện một câu trả lời: một tầng kết nối đầy đủ từ trạng thái cuối của bộ mã hóa tới mọi tầng của bộ giải mã.",
    "exercises.item4": "Thay cách mớm đáp án bằng dự đoán của chính bộ giải mã ở bước trước. Việc huấn luyện thay đổi ra sao? Bước s2s-no-teacher đo điều đó.",
    "exercises.item5": "Thay GRU bằng LSTM. Bước s2s-lstm đo điều đó.",
    "exercises.item6": "Còn cách nào khác để thiết kế tầng đầu ra của bộ giải mã không? Một câu hỏi để suy nghĩ: phần gợi ý nêu vài cách.",

    "hyper.summary": "bài tập 1 có đo đạc: mỗi lần đổi một siêu tham số",
    "hyper.bad": "\"{part}\" không có dạng tên=giá trị với tên thuộc {names} và giá trị dương",

    "nomask.summary": "bài tập 2 có đo đạc: huấn luyện không có mặt nạ",
    "nomask.name": "không mặt nạ",
    "nomask.reading": "Không có mặt nạ, mọi vị trí đệm cũng là nhãn: sau <eos> mô hình phải đoán ra <pad>, và câu ngắn có rất nhiều vị trí như vậy (\\\"va !\\\" cùng <eos> là 3 token, được đệm tới 10). Cột trên mỗi token chỉ tính các token hợp lệ, như với lần chạy của sách, nên hai hàng so sánh được với nhau.",

    "sizes.summary": "bài tập 3 có đo đạc: bộ mã hóa khác kích thước dưới bộ giải mã của sách",
    "sizes.name": "bộ mã hóa {hidden} × {layers}",

    "noteacher.summary": "bài tập 4 có đo đạc: huấn luyện không mớm đáp án",
    "noteacher.name": "tự đoán",
    "noteacher.reading": "Không mớm đáp án, một từ sai ở đầu câu sẽ là đầu vào của mọi bước sau đó, nên trong những epoch đầu các bước sau học từ những đầu vào không hề có trong bản tham chiếu; và bộ giải mã phải chạy từng bước một, tốn thêm thời gian. Bù lại, khi huấn luyện nó thấy đúng những gì nó sẽ thấy lúc dự đoán.",

    "lstm.summary": "bài tập 5 có đo đạc: tầng LSTM thay cho tầng GRU",
  ]
}
