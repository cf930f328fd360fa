extension BiRNNStrings {
  static let vi: [String: String] = [
    "lesson.title": "Mạng Nơ-ron Hồi tiếp Hai chiều",
    "exercise1.title": "mỗi chiều một số đơn vị ẩn khác nhau: kích thước của Hₜ",
    "exercise1.hint": "Hₜ đặt →Hₜ và ←Hₜ cạnh nhau theo trục cuối, nên độ rộng của nó là tổng của hai độ rộng. Hãy chạy `lessons run bi-rnn --step bi-sizes --set forwardHiddens=3 --set backwardHiddens=5`, rồi tự đoán kích thước với các độ rộng khác trước khi chạy.",
    "exercise2.title": "một RNN hai chiều nhiều tầng ẩn, lập trình từ đầu",
    "exercise2.hint": "1. Hai chiều của tầng 1 đọc numInputs; mọi tầng phía trên đọc [→H, ←H] của tầng bên dưới, rộng 2 * numHiddens. 2. Mỗi chiều là một RNNScratch riêng, lần lượt rút từ generator: dùng một đối tượng hai lần là dùng chung trọng số. 3. Chạy tầng chiều ngược trên chuỗi đã đảo, rồi đảo danh sách trạng thái của nó lại trước khi ghép nối. 4. Ghép nối chiều xuôi trước, theo trục cuối (alongAxis: 2). 5. states?[2 * l] là trạng thái ban đầu của chiều xuôi tầng l, states?[2 * l + 1] của chiều ngược; các trạng thái cuối trả về theo đúng thứ tự đó, trạng thái chiều ngược là trạng thái sau khi đã đọc X_1.",
    "exercise3.title": "hiện tượng đa nghĩa: biểu diễn của một từ trong ngữ cảnh",
    "exercise3.hint": "Chọn hai câu giống nhau cho tới hết từ đó và khác nhau ở phía sau. Trạng thái một chiều ở từ đó không thể phân biệt hai câu; hãy xem các trạng thái hai chiều cách nhau bao xa: `lessons run bi-rnn --step bi-polysemy`, rồi nhấn `s` để đổi từ và ngữ cảnh.",

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
    "train.notBidirectional": "lần huấn luyện đã dựng một mô hình một chiều: khâu chuẩn bị huấn luyện phải dựng mô hình từ cấu hình (RNNModel(configuration:))",
    "train.one": "đã huấn luyện mô hình một chiều: {count} tham số, tầng đầu ra đọc {width} số mỗi bước ({seconds} s)",
    "train.bi": "đã huấn luyện mô hình hai chiều: {count} tham số, tầng đầu ra đọc {width} số mỗi bước ({seconds} s)",

    "predict.summary": "độ rối và các dự đoán của nó, bên cạnh mô hình một chiều",
    "predict.one": "một chiều",
    "predict.bi": "hai chiều",
    "predict.perplexity": "độ rối {perplexity} ở epoch {epoch}",

    "future.summary": "vì sao: dự đoán ký tự kế tiếp khi đọc được tương lai và khi không biết nó",
    "future.scored": "{count} dự đoán ({sequences} chuỗi của văn bản huấn luyện × {steps} bước), mỗi dự đoán là ký tự ở bước t + 1, lấy từ đầu ra ở bước t; \"chưa biết tương lai\": mọi ký tự sau t được thay bằng <unk>",
    "future.model": "mô hình",
    "future.with": "đọc được tương lai",
    "future.without": "chưa biết tương lai",
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
    "exercises.item2": "Một RNN hai chiều nhiều tầng ẩn, lập trình từ đầu: sửa exercises/Sources/BiRNNExercise2/DeepBiRNN.swift, rồi `lessons check bi-rnn:2` so sánh từng Hₜ⁽ˡ⁾, kích thước, trạng thái cuối và gradient với RNN(numLayers: 2, bidirectional: true). `lessons hint bi-rnn:2` gợi ý; `lessons reset bi-rnn:2` để làm lại từ đầu.",
    "exercises.item3": "Hiện tượng đa nghĩa: bước bi-polysemy so sánh biểu diễn của cùng một từ trong hai ngữ cảnh với cả hai mô hình đã huấn luyện; đổi `word` và `contexts` bằng phím `s`.",
  ]
}
