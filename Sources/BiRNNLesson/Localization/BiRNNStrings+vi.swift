extension BiRNNStrings {
  static let vi: [String: String] = [
    "axis.steps": "bước",
    "axis.batch": "batch",
    "axis.inputs": "đầu vào",
    "axis.hidden": "ẩn",
    "axis.directions": "tầng·chiều",

    "tiny.summary": "tự ghép một tầng hai chiều: →Hₜ và ←Hₜ của một ví dụ nhỏ",
    "tiny.ownWeights": "mỗi chiều có trọng số riêng",
    "tiny.order": "tầng chiều ngược tính {first} đầu tiên và {last} sau cùng: {last} đã đọc mọi đầu vào cho tới tận {input}.",
    "tiny.concatenated": "hai trạng thái của mỗi bước đặt cạnh nhau, chiều xuôi trước",

    "sizes.summary": "bài tập 1: mỗi chiều một số đơn vị ẩn khác nhau, và kích thước của Hₜ",
    "sizes.next": "tầng đầu ra (hoặc tầng phía trên) đặt lên tầng này sẽ đọc {width} số ở mỗi bước.",

    "agrees.summary": "RNN(bidirectional: true) cho lại đúng kết quả của tầng tự lập trình",
    "agrees.scratch": "H tự lập trình",
    "agrees.concise": "H súc tích",
    "agrees.state": "trạng thái cuối (súc tích)",
    "agrees.stateOrder": "chiều xuôi sau X_T, rồi chiều ngược sau X_1",
    "agrees.direction": "{name}: sai khác lớn nhất trên {count} giá trị của nó: {difference}",
    "agrees.finals": "trạng thái cuối: chiều xuôi {forward}, chiều ngược {backward}",

    "train.summary": "ứng dụng sai của phần này: LSTM hai chiều làm mô hình ngôn ngữ",
    "train.epoch": "epoch {epoch}/{epochs}  độ rối {perplexity}  {rate} token/s",
    "train.parameters": "{count} tham số; tầng đầu ra đọc {width} số mỗi bước",

    "predict.summary": "độ rối và các dự đoán của nó, bên cạnh mô hình một chiều",
    "predict.one": "một chiều",
    "predict.bi": "hai chiều",
    "predict.perplexity": "độ rối {perplexity} ở epoch {epoch}",

    "future.summary": "vì sao: dự đoán ký tự kế tiếp khi đọc được tương lai và khi không biết nó",
    "future.scored": "{count} dự đoán ({sequences} chuỗi của văn bản huấn luyện × {steps} bước), mỗi dự đoán là ký tự ở bước t + 1, lấy từ đầu ra ở bước t",
    "future.model": "mô hình",
    "future.with": "tương lai có trong đầu vào",
    "future.without": "tương lai chưa biết (<unk> sau t)",
    "future.cell": "đúng {accuracy}, độ rối {perplexity}",
    "future.reading": "Khi ký tự kế tiếp nằm ngay trong đầu vào, mô hình hai chiều đoán đúng {with}; khi phần sau t chưa biết, như lúc nó tự sinh văn bản, chỉ còn {without}. Mô hình một chiều không bao giờ đọc trước, nên hai cột của nó như nhau ({one}).",

    "speed.summary": "đo lời khẳng định về tốc độ: token/s, một chiều so với hai chiều",
    "speed.setting": "huấn luyện {size}, batch {batch} × {steps} bước, {rounds} vòng xen kẽ, mỗi lần {seconds} s, lấy trung vị; {cpu}, {threads} luồng, kernel {kernels}",
    "speed.one": "một chiều: {rate} token/s",
    "speed.bi": "hai chiều: {rate} token/s",
    "speed.ratio": "mô hình hai chiều huấn luyện chậm hơn {ratio} lần: mỗi tầng làm gấp đôi phần việc hồi tiếp, và tầng phía trên đọc gấp đôi số đầu vào.",
    "speed.unknownCPU": "không rõ tên CPU",

    "polysemy.summary": "bài tập 3 có đo đạc: một từ, hai ngữ cảnh, hai mô hình",
    "polysemy.twoContexts": "contexts phải là hai câu ngăn cách bởi |, nhưng có {count}",
    "polysemy.noWord": "từ \"{word}\" không có trong \"{context}\"",
    "polysemy.measure": "độ tương đồng cosin giữa hai trạng thái của tầng trên cùng ở cuối từ \"{word}\" trong hai ngữ cảnh:",
    "polysemy.sameLeft": "Hai ngữ cảnh giống hệt nhau cho tới hết từ đó, nên trạng thái của mô hình một chiều trùng nhau (độ tương đồng 1): nó không thể phân biệt hai cách dùng. Trạng thái hai chiều còn đọc cả phần phía sau.",
    "polysemy.differentLeft": "Hai ngữ cảnh khác nhau cả ở phía trước từ đó, nên trạng thái của cả hai mô hình đều thay đổi; hãy chọn hai ngữ cảnh chỉ khác nhau ở phía sau từ để tách riêng phần chiều ngược đóng góp.",

    "exercises.summary": "ba bài tập của phần này và nơi thực hiện chúng",
    "exercises.item1": "Mỗi chiều một số đơn vị ẩn khác nhau: bước bi-sizes (`lessons run bi-rnn --step bi-sizes --set forwardHiddens=3 --set backwardHiddens=5`) in ra kích thước của Hₜ.",
    "exercises.item2": "Một RNN hai chiều nhiều tầng ẩn, lập trình từ đầu: sửa exercises/BiRNN/Sources/BiRNNExercise2/DeepBiRNN.swift, rồi `swift run --package-path exercises/BiRNN check-birnn-exercise2` so sánh từng Hₜ⁽ˡ⁾, kích thước, trạng thái cuối và gradient với RNN(numLayers: 2, bidirectional: true).",
    "exercises.item3": "Hiện tượng đa nghĩa: bước bi-polysemy so sánh biểu diễn của cùng một từ trong hai ngữ cảnh với cả hai mô hình đã huấn luyện; đổi `word` và `contexts` bằng phím `s`.",
  ]
}
