extension EDStrings {
  static let vi: [String: String] = [
    "lesson.title": "Kiến trúc Mã hóa – Giải mã",
    "exercise1.title": "bộ mã hóa và bộ giải mã có phải là cùng một loại mạng không?",
    "exercise1.hint": "Giao diện chỉ đòi hỏi hai nửa một điều: initState của bộ giải mã phải nhận được thứ bộ mã hóa trả về. Hãy xem kiểu của MeanEncoder và LastStateEncoder, rồi chạy `lessons run encoder-decoder --step ed-mixed` và so sánh.",
    "exercise2.title": "những ứng dụng khác của kiến trúc mã hóa – giải mã",
    "exercise2.hint": "Hãy tìm những bài toán mà đầu vào và đầu ra đều là chuỗi (hoặc đầu vào là thứ khác, như một bức ảnh, còn đầu ra là một chuỗi), với độ dài không nhất thiết bằng nhau.",

    "axis.batch": "batch",
    "axis.steps": "bước",
    "axis.hidden": "ẩn",
    "axis.layers": "tầng",
    "axis.vocab": "từ vựng",

    "interface.summary": "giao diện với kích thước thử nghiệm của sách: ba lời gọi và kích thước của chúng",
    "interface.tokens": "chỉ số token",
    "interface.summary1": "một vectơ cho mỗi chuỗi: trung bình các vectơ nhúng của những token hợp lệ, qua một tầng kết nối đầy đủ",
    "interface.state": "trạng thái đầu tiên của bộ giải mã",
    "interface.scores": "một điểm số cho mỗi từ, ở mỗi bước",
    "interface.after": "sau bước cuối: trạng thái cho lần gọi kế tiếp",
    "interface.same": "EncoderDecoder(encoder, decoder)(X, X) cho ra đúng các điểm số ấy (sai khác lớn nhất {difference})",

    "generate.summary": "viết mỗi lần một token qua cùng giao diện ấy (chưa huấn luyện)",
    "generate.step": "bước {step}: đầu vào {input} → từ tốt nhất {best}",
    "generate.source": "chuỗi nguồn {source} → đã viết {written}",
    "generate.note": "trong bộ từ vựng thử nghiệm này <bos> là {bos} và <eos> là {eos}; mô hình chưa được huấn luyện nên các từ chẳng có nghĩa gì, và nó dừng ở <eos> hoặc sau maxSteps từ",

    "exercises.summary": "hai bài tập của phần này và nơi thực hiện chúng",
    "exercises.item1": "Nếu dùng mạng nơ-ron cho bộ mã hóa và bộ giải mã, chúng có phải là cùng một loại mạng không? Bước ed-mixed huấn luyện một bộ dịch có bộ mã hóa chỉ lấy trung bình các vectơ nhúng, và một bộ dịch có bộ mã hóa GRU, cả hai dưới cùng một bộ giải mã GRU.",
    "exercises.item2": "Ngoài dịch máy, kiến trúc mã hóa – giải mã còn hợp với đâu nữa? Hãy nghĩ tới việc tóm tắt một văn bản, trả lời câu hỏi về nó, chuyển lời nói thành chữ, mô tả một bức ảnh bằng lời, hay viết mã từ một mô tả: bất cứ chỗ nào một chuỗi (hoặc một bức ảnh) đi vào và một chuỗi có độ dài khác đi ra.",

    "mixed.summary": "bài tập 1 có đo đạc: bộ mã hóa lấy trung bình và bộ mã hóa GRU dưới cùng một bộ giải mã",
    "mixed.averaging": "bộ mã hóa lấy trung bình",
    "mixed.recurrent": "bộ mã hóa GRU",
    "mixed.chart": "entropy chéo trên mỗi token đích hợp lệ, theo epoch",
    "mixed.result": "{name}: cuối cùng {loss} trên mỗi token, huấn luyện trong {seconds} s",
    "mixed.reading": "Cả hai bộ dịch giữ cùng một giao diện và được huấn luyện bằng cùng một đoạn mã: bộ mã hóa có thể là bất kỳ mạng nào mà initState của bộ giải mã nhận được đầu ra của nó. Điều khác nhau là bản tóm tắt giữ được những gì. Phép lấy trung bình quên trật tự từ (\"tom saw mary\" và \"mary saw tom\" có cùng một trung bình); trạng thái cuối của bộ mã hóa hồi tiếp thì phụ thuộc vào trật tự ấy. Hãy so sánh hai đường cong và các bản dịch ở trên.",

    "help.batch": "số chuỗi",
    "help.embedSize": "số phần tử mỗi vectơ nhúng",
    "help.epochs": "số epoch cho mỗi mô hình",
    "help.maxSteps": "số từ viết ra nhiều nhất",
    "help.numHiddens": "số đơn vị ẩn",
    "help.references": "các bản tham chiếu tiếng Pháp, ngăn cách bởi |",
    "help.seed": "hạt giống ngẫu nhiên",
    "help.sentences": "các câu tiếng Anh đã tiền xử lý (\"go .\"), ngăn cách bởi |",
    "help.steps": "số bước mỗi chuỗi",
    "help.vocabSize": "số từ của bộ từ vựng thử nghiệm",
  ]
}
