package vn.nq57.datacall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.datacall.DataCall.CallInput;
import vn.nq57.datacall.DataCall.Question;
import vn.nq57.datacall.DataCall.QuestionInput;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

/** A call from creation to the consolidated documents, with every bad input refused and nothing changed. */
@IntegrationTest
class DataCallTest {

	@Autowired DataCallService calls;
	@Autowired Answers answers;
	@Autowired Consolidation consolidation;
	@Autowired DataCallDocuments documents;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;
	@Autowired AuditLog audit;
	@Autowired DataCallReminders reminders;

	long call;
	Map<String, Long> q = new LinkedHashMap<>();

	void setUp() {
		call = runAs.user("sokhcn", () -> {
			long id = calls.create(new CallInput("Cung cấp dữ liệu Nghị quyết 57 năm 2026 " + World.seq(), null,
					"13884-CV/VPTW", LocalDate.of(2026, 11, 1), "Văn phòng Trung ương Đảng", "tình hình thực hiện NQ57",
					LocalDate.of(2026, 11, 25)));
			calls.addQuestions(id, List.of(
					new QuestionInput("1", "Hạ tầng", "Số cơ quan dùng hệ thống văn bản", QuestionKind.NUMBER, "cơ quan", null, true, null),
					new QuestionInput("2", "Hạ tầng", "Tỷ lệ văn bản điện tử", QuestionKind.PERCENT, "%", null, false, null),
					new QuestionInput("3", "Chỉ đạo", "Đã ban hành kế hoạch?", QuestionKind.YES_NO, null, null, false, null),
					new QuestionInput("4", "Chỉ đạo", "Mức độ", QuestionKind.CHOICE, null, "Chưa\nĐang triển khai\nXong", false, null),
					new QuestionInput("5", "Chỉ đạo", "Khó khăn", QuestionKind.TEXT, null, null, false, null),
					new QuestionInput("6", "Hạ tầng", "Trạm BTS theo xã", QuestionKind.PER_COMMUNE, "trạm", null, false, null),
					new QuestionInput("7", "Chỉ đạo", "Tỷ lệ nhiệm vụ hoàn thành", QuestionKind.PERCENT, "%", null, false, "TASKS_DONE")), null);
			calls.setTargets(id, List.of(world.agency("STC"), world.agency("SNV"), world.agency("BQLKKT")), null);
			calls.open(id, null);
			return id;
		});
		for (Question x : calls.questions(call)) {
			q.put(x.code(), x.id());
		}
	}

	long commune() {
		return jdbc.queryForObject("SELECT id FROM agency_view WHERE kind = 'COMMUNE' AND active ORDER BY name LIMIT 1", Long.class);
	}

	@Test
	void aCallFromCreationToTheConsolidatedDocuments() throws Exception {
		setUp();
		long stc = world.agency("STC");
		long snv = world.agency("SNV");
		long xa = commune();
		Map<Long, Answers.Input> a = new LinkedHashMap<>();
		a.put(q.get("1"), Answers.Input.of("1.526"));
		a.put(q.get("2"), Answers.Input.ratio("993", "1.000"));
		a.put(q.get("3"), Answers.Input.of("Có"));
		a.put(q.get("4"), Answers.Input.of("dang trien khai"));
		a.put(q.get("5"), Answers.Input.of("Thiếu nhân lực"));
		a.put(q.get("6"), new Answers.Input(null, null, null, Map.of(xa, "12"), null, null));
		runAs.user("cb.stc", () -> answers.save(call, stc, a, null, true));
		Map<Long, Answers.Input> b = new LinkedHashMap<>();
		b.put(q.get("1"), Answers.Input.of("100"));
		b.put(q.get("2"), Answers.Input.ratio("7", "100"));
		b.put(q.get("3"), Answers.Input.of("không"));
		b.put(q.get("6"), new Answers.Input(null, null, null, Map.of(xa, "3"), null, null));
		runAs.user("cb.snv", () -> answers.save(call, snv, b, null, true));

		DataCall c = calls.get(call);
		Consolidation.Counts counts = consolidation.counts(c);
		assertThat(counts.expected()).isEqualTo(3);
		assertThat(counts.received()).isEqualTo(2);
		assertThat(counts.onTime()).isEqualTo(2);
		List<Consolidation.Result> r = consolidation.results(c, calls.questions(call));
		assertThat(r.get(0).sum()).isEqualByComparingTo("1626");
		// the rate is recomputed from the summed numerators and denominators: (993+7)/(1000+100), not (99,3+7)/2
		assertThat(r.get(1).rate()).isEqualByComparingTo("90.90");
		assertThat(r.get(2).yes()).isEqualTo(1);
		assertThat(r.get(2).no()).isEqualTo(1);
		assertThat(r.get(3).choices()).containsEntry("Đang triển khai", 1L);
		assertThat(r.get(5).communes()).singleElement().satisfies(s -> assertThat(s.sum()).isEqualByComparingTo("15"));

		runAs.user("sokhcn", () -> calls.markConsolidated(call, null));
		byte[] docx = runAs.user("sokhcn", () -> documents.consolidatedDocx(calls.get(call), calls.questions(call), LocalDate.of(2026, 11, 26)));
		try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
			String text = x.getText();
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Thực hiện Công văn số 13884-CV/VPTW ngày 1/11/2026 của Văn phòng Trung ương Đảng",
					"1.626 cơ quan", "90,90%", "Thiếu nhân lực", "2/3 cơ quan, đơn vị");
		}
		byte[] xlsx = runAs.user("sokhcn", () -> documents.consolidatedXlsx(calls.get(call), calls.questions(call)));
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheet("Tổng hợp").getRow(3).getCell(5).getNumericCellValue()).isEqualTo(1626.0);
			assertThat(wb.getSheet("Theo cơ quan").getPhysicalNumberOfRows()).isEqualTo(3);
			assertThat(wb.getSheet("Theo xã")).isNotNull();
		}
		long copy = runAs.user("sokhcn", () -> calls.copyForNextYear(call));
		assertThat(calls.get(copy).year()).isEqualTo(2027);
		assertThat(calls.get(copy).title()).contains("2027");
		assertThat(calls.get(copy).state()).isEqualTo(CallState.DRAFT);
		assertThat(calls.questions(copy)).hasSize(7);
		assertThat(calls.targetCount(copy)).isEqualTo(3);
	}

	@Test
	void badAnswersAreRefusedWithAClearMessageAndNothingChanges() {
		setUp();
		long stc = world.agency("STC");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("1"), Answers.Input.of("một nghìn")), null, false)))
			.isInstanceOf(DomainException.class).hasMessageContaining("Câu 1").hasMessageContaining("không phải là số");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("2"), Answers.Input.of("120")), null, false)))
			.hasMessageContaining("tỷ lệ phải từ 0 đến 100%");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("2"), Answers.Input.ratio("12", "10")), null, false)))
			.hasMessageContaining("tử số (12) lớn hơn mẫu số (10)");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("4"), Answers.Input.of("Có lẽ")), null, false)))
			.hasMessageContaining("không phải một trong các phương án");
		assertThat(answers.response(call, stc)).isNull();
		// a required question unanswered: not sent
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("5"), Answers.Input.of("x")), null, true)))
			.hasMessageContaining("Chưa trả lời các câu bắt buộc: câu 1");
		assertThat(answers.response(call, stc)).isNull();

		Answers.Response r = runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("1"), Answers.Input.of("10")), null, false));
		runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("1"), Answers.Input.of("11")), r.version(), false));
		assertThatThrownBy(() -> runAs.user("gd.stc", () -> answers.save(call, stc, Map.of(q.get("1"), Answers.Input.of("12")), r.version(), false)))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(answers.answers(r.id()).get(q.get("1")).number()).isEqualByComparingTo("11");

		// another agency reads nothing of STC's, nor answers for it
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> answers.answersOf(call, stc))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> answers.save(call, stc, Map.of(q.get("1"), Answers.Input.of("1")), null, false)))
			.isInstanceOf(AccessDeniedException.class);
		// an agency not asked cannot answer
		assertThatThrownBy(() -> runAs.user("cb.svhttdl", () -> answers.save(call, world.agency("SVHTTDL"), Map.of(q.get("1"), Answers.Input.of("1")), null, false)))
			.hasMessageContaining("không thuộc danh sách");

		// closed: refused until DoST reopens it (audited with the reason)
		runAs.user("sokhcn", () -> calls.close(call, null));
		long before = answers.answers(r.id()).size();
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("3"), Answers.Input.of("có")), null, false)))
			.hasMessageContaining("đã đóng");
		assertThat(answers.answers(r.id())).hasSize((int) before);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> calls.reopen(call, " ", null))).hasMessageContaining("lý do");
		runAs.user("sokhcn", () -> calls.reopen(call, "Sở Tài chính xin bổ sung số liệu", null));
		assertThat(audit.forEntity(DataCallService.ENTITY, call)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("DATA_CALL_REOPENED");
			assertThat(e.summary()).contains("Sở Tài chính xin bổ sung số liệu");
		});
		runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("3"), Answers.Input.of("có")), null, false));
		// a stale edit of the call itself: 409
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> calls.close(call, 0L))).isInstanceOf(ConcurrentEditException.class);
	}

	@Test
	void answersComeFromAnUploadedExcelAndPrefillShowsItsSource() throws Exception {
		setUp();
		long stc = world.agency("STC");
		List<Question> qs = calls.questions(call);
		byte[] template = runAs.user("cb.stc", () -> documents.answerTemplate(calls.get(call), qs, Map.of(), List.of()));
		byte[] filled;
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var s = wb.getSheet("Trả lời");
			s.getRow(2).createCell(4).setCellValue(34);
			s.getRow(3).createCell(5).setCellValue("87");
			s.getRow(3).createCell(6).setCellValue("100");
			s.getRow(6).createCell(4).setCellValue("Chưa có kinh phí");
			wb.write(out);
			filled = out.toByteArray();
		}
		Map<Long, Answers.Input> typed = documents.readAnswers(filled, "tra-loi.xlsx", qs, Map.of());
		runAs.user("cb.stc", () -> answers.save(call, stc, typed, null, true));
		Map<Long, Answers.Answer> saved = runAs.user("cb.stc", () -> answers.answersOf(call, stc));
		assertThat(saved.get(q.get("1")).number()).isEqualByComparingTo("34");
		assertThat(saved.get(q.get("2")).numerator()).isEqualByComparingTo("87");
		assertThat(saved.get(q.get("5")).text()).isEqualTo("Chưa có kinh phí");

		// a wrong file: refused with the reason
		assertThatThrownBy(() -> documents.readAnswers("không phải excel".getBytes(), "tra-loi.xlsx", qs, Map.of()))
			.hasMessageContaining("không phải bảng tính Excel");

		var task = world.task("Nhiệm vụ kiểm thử điền sẵn " + World.seq()).lead("STC").due(LocalDate.of(2026, 12, 31)).create();
		Map<Long, Prefill.Suggestion> s = runAs.user("cb.stc", () -> answers.suggestions(call, stc));
		assertThat(task).isNotNull();
		assertThat(s.get(q.get("7")).source()).contains("Nhiệm vụ đã hoàn thành");
		assertThat(s.get(q.get("7")).denominator()).isGreaterThan(BigDecimal.ZERO);
	}

	@Test
	void theReminderJobIsToldWhoStillOwesAnAnswer() {
		setUp();
		long stc = world.agency("STC");
		java.util.function.Supplier<List<Long>> owing = () -> reminders.owed(LocalDate.of(2026, 11, 22), 7).stream()
			.filter(o -> o.subjectId() == call).map(vn.nq57.notification.ReminderSource.Owed::agencyId).toList();
		assertThat(owing.get()).containsExactlyInAnyOrder(stc, world.agency("SNV"), world.agency("BQLKKT"));
		assertThat(reminders.owed(LocalDate.of(2026, 11, 22), 1).stream().filter(o -> o.subjectId() == call)).isEmpty();
		runAs.user("cb.stc", () -> answers.save(call, stc, Map.of(q.get("1"), Answers.Input.of("5")), null, true));
		assertThat(owing.get()).doesNotContain(stc).hasSize(2);
	}

	@Test
	void questionsComeFromTheExcelTemplateAllOrNothing() {
		long id = runAs.user("sokhcn", () -> calls.create(new CallInput("Đợt nhập câu hỏi " + World.seq(), null, null, null, null, null, LocalDate.of(2026, 12, 10))));
		byte[] t = documents.questionTemplate();
		List<DataCallDocuments.QuestionRow> rows = documents.readQuestions(t, "mau.xlsx");
		assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.problems()).isEmpty());
		runAs.user("sokhcn", () -> calls.addQuestions(id, rows.stream().map(DataCallDocuments.QuestionRow::input).toList(), null));
		assertThat(calls.questions(id)).extracting(Question::kind).containsExactly(QuestionKind.NUMBER, QuestionKind.PERCENT,
				QuestionKind.YES_NO, QuestionKind.CHOICE, QuestionKind.TEXT);
		// the same codes again: refused, nothing added
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> calls.addQuestions(id, rows.stream().map(DataCallDocuments.QuestionRow::input).toList(), null)))
			.hasMessageContaining("đã có trong đợt báo cáo");
		assertThat(calls.questions(id)).hasSize(5);
	}
}
