package vn.nq57.datacall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.datacall.DataCall.CallInput;
import vn.nq57.datacall.DataCall.Question;
import vn.nq57.datacall.DataCall.QuestionInput;
import vn.nq57.system.AppClock;

/**
 * Demo: one ad hoc call modelled on the questions the Central Party Office asked about Resolution 57 (the Party
 * committee's answer is {@code 004}): a dozen questions of mixed kinds, sent to the departments and đặc khu Lý Sơn,
 * answered by the demo agencies with invented figures ("Số liệu minh họa"), one department still missing.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class DataCallDemoData implements ApplicationRunner {

	static final String TITLE = "Cung cấp dữ liệu về tình hình triển khai và kết quả thực hiện Nghị quyết số 57-NQ/TW năm 2026 (số liệu minh họa)";

	private static final Logger log = LoggerFactory.getLogger(DataCallDemoData.class);

	private final DataCallService calls;
	private final Answers answers;
	private final RunAs runAs;
	private final AgencyDirectory agencies;
	private final AppClock clock;
	private final JdbcTemplate jdbc;

	DataCallDemoData(DataCallService calls, Answers answers, RunAs runAs, AgencyDirectory agencies, AppClock clock,
			JdbcTemplate jdbc) {
		this.calls = calls;
		this.answers = answers;
		this.runAs = runAs;
		this.agencies = agencies;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	static List<QuestionInput> questions() {
		String c = "Công tác chỉ đạo";
		String h = "Hạ tầng và chuyển đổi số trong hệ thống chính trị";
		String n = "Nhân lực và tổ chức thực hiện";
		return List.of(
				new QuestionInput("1.1", c, "Đã ban hành văn bản phân công lãnh đạo trực tiếp chỉ đạo triển khai Nghị quyết 57-NQ/TW?", QuestionKind.YES_NO, null, null, true, null),
				new QuestionInput("1.2", c, "Số văn bản chỉ đạo, kế hoạch triển khai Nghị quyết 57-NQ/TW đã ban hành", QuestionKind.NUMBER, "văn bản", null, true, null),
				new QuestionInput("1.3", c, "Đã đưa nhiệm vụ thực hiện Nghị quyết vào chương trình công tác năm?", QuestionKind.YES_NO, null, null, false, null),
				new QuestionInput("2.1", h, "Số cơ quan, đơn vị (kể cả đơn vị trực thuộc) sử dụng Hệ thống quản lý văn bản và điều hành", QuestionKind.NUMBER, "cơ quan, đơn vị", null, true, null),
				new QuestionInput("2.2", h, "Tỷ lệ văn bản điện tử trên tổng số văn bản phát hành", QuestionKind.PERCENT, "%", null, true, null),
				new QuestionInput("2.3", h, "Tỷ lệ văn bản điện tử được ký số khi phát hành", QuestionKind.PERCENT, "%", null, false, null),
				new QuestionInput("2.4", h, "Số hệ thống thông tin, cơ sở dữ liệu đã kết nối Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", QuestionKind.NUMBER, "hệ thống", null, false, null),
				new QuestionInput("2.5", h, "Số trạm thu phát sóng di động (BTS) trên địa bàn, theo từng xã, phường, đặc khu", QuestionKind.PER_COMMUNE, "trạm", null, false, null),
				new QuestionInput("3.1", n, "Tỷ lệ lãnh đạo có chuyên môn, kinh nghiệm về khoa học, kỹ thuật trong đội ngũ lãnh đạo cơ quan", QuestionKind.PERCENT, "%", null, false, null),
				new QuestionInput("3.2", n, "Tỷ lệ nhiệm vụ được giao đã hoàn thành (theo dõi trên hệ thống)", QuestionKind.PERCENT, "%", null, false, "TASKS_DONE"),
				new QuestionInput("3.3", n, "Mức độ triển khai phong trào “Học tập số” cho cán bộ, công chức", QuestionKind.CHOICE, null,
						"Chưa triển khai\nĐang triển khai\nĐã triển khai rộng rãi", false, null),
				new QuestionInput("3.4", n, "Khó khăn, vướng mắc và kiến nghị, đề xuất", QuestionKind.TEXT, null, null, false, null));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!jdbc.queryForList("SELECT id FROM data_call WHERE title = ?", Long.class, TITLE).isEmpty()) {
			return;
		}
		LocalDate today = clock.today();
		long id = runAs.user("sokhcn", () -> {
			long call = calls.create(new CallInput(TITLE, today.getYear(), "13884-CV/VPTW", today.minusDays(12),
					"Văn phòng Trung ương Đảng", "đề nghị cung cấp dữ liệu về tình hình triển khai và kết quả thực hiện Nghị quyết số 57-NQ/TW",
					today.plusDays(3)));
			calls.addQuestions(call, questions(), null);
			List<Long> targets = new ArrayList<>();
			agencies.findByCode("G-SBN").ifPresent(a -> targets.add(a.getId()));
			for (String code : List.of("SKHCN", "STC", "SNV", "BQLKKT", "SVHTTDL", "DK-LYSON")) {
				agencies.findByCode(code).ifPresent(a -> targets.add(a.getId()));
			}
			calls.setTargets(call, targets, null);
			calls.open(call, null);
			return call;
		});
		Map<String, Long> q = new LinkedHashMap<>();
		for (Question x : calls.questions(id)) {
			q.put(x.code(), x.id());
		}
		answer(id, q, "cb.skhcn", "SKHCN", "có", "14", "có", "1.526", "9.930", "10.000", "9.560", "10.000", "34", "5", "20",
				"Đã triển khai rộng rãi", "Kinh phí đầu tư hạ tầng số còn hạn chế; đề nghị bố trí vốn cho Trung tâm dữ liệu tỉnh.");
		answer(id, q, "cb.stc", "STC", "có", "6", "có", "85", "1.240", "1.260", "1.150", "1.260", "4", "3", "12",
				"Đang triển khai", "Hướng dẫn định mức chi cho nhiệm vụ chuyển đổi số chưa đầy đủ.");
		answer(id, q, "cb.snv", "SNV", "có", "5", "không", "60", "870", "900", "800", "900", "2", "2", "10",
				"Đang triển khai", null);
		answer(id, q, "cb.bql", "BQLKKT", "có", "4", "có", "40", "610", "640", "590", "640", "3", "2", "9",
				"Chưa triển khai", "Hạ tầng 5G tại các khu công nghiệp ngoài Dung Quất còn thiếu.");
		long lySon = agencies.findByCode("DK-LYSON").map(a -> a.getId()).orElse(0L);
		if (lySon != 0) {
			Map<Long, Answers.Input> a = new LinkedHashMap<>();
			a.put(q.get("1.1"), Answers.Input.of("có"));
			a.put(q.get("1.2"), Answers.Input.of("3"));
			a.put(q.get("2.1"), Answers.Input.of("12"));
			a.put(q.get("2.2"), Answers.Input.ratio("702", "1.000"));
			a.put(q.get("2.5"), new Answers.Input(null, null, null, Map.of(lySon, "9"), "Số liệu minh họa", null));
			a.put(q.get("3.4"), Answers.Input.of("Đường truyền ra đảo chưa ổn định khi thời tiết xấu (số liệu minh họa)."));
			runAs.user("cb.lyson", () -> answers.save(id, lySon, a, null, true));
		}
		log.info("Demo: đợt báo cáo đột xuất “{}” với {} câu hỏi", TITLE, q.size());
	}

	private void answer(long id, Map<String, Long> q, String user, String agency, String assigned, String documents,
			String inProgramme, String users, String eNum, String eDen, String sNum, String sDen, String lgsp,
			String leadersNum, String leadersDen, String movement, String problems) {
		long agencyId = agencies.findByCode(agency).map(a -> a.getId()).orElse(0L);
		if (agencyId == 0 || !calls.targets(id, agencyId)) {
			return;
		}
		String demo = "Số liệu minh họa";
		Map<Long, Answers.Input> a = new LinkedHashMap<>();
		a.put(q.get("1.1"), Answers.Input.of(assigned));
		a.put(q.get("1.2"), new Answers.Input(documents, null, null, Map.of(), demo, null));
		a.put(q.get("1.3"), Answers.Input.of(inProgramme));
		a.put(q.get("2.1"), new Answers.Input(users, null, null, Map.of(), demo, null));
		a.put(q.get("2.2"), new Answers.Input(null, eNum, eDen, Map.of(), demo, null));
		a.put(q.get("2.3"), new Answers.Input(null, sNum, sDen, Map.of(), demo, null));
		a.put(q.get("2.4"), new Answers.Input(lgsp, null, null, Map.of(), demo, null));
		a.put(q.get("3.1"), new Answers.Input(null, leadersNum, leadersDen, Map.of(), demo, null));
		Prefill.Suggestion done = runAs.user(user, () -> answers.suggestions(id, agencyId)).get(q.get("3.2"));
		if (done != null && done.denominator() != null) {
			a.put(q.get("3.2"), new Answers.Input(null, done.numerator().toPlainString(), done.denominator().toPlainString(),
					Map.of(), done.source(), null));
		}
		a.put(q.get("3.3"), Answers.Input.of(movement));
		if (problems != null) {
			a.put(q.get("3.4"), Answers.Input.of(problems));
		}
		runAs.user(user, () -> answers.save(id, agencyId, a, null, true));
	}
}
