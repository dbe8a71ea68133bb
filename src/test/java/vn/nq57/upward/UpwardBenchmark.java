package vn.nq57.upward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.datacall.Consolidation;
import vn.nq57.datacall.DataCall;
import vn.nq57.datacall.DataCall.CallInput;
import vn.nq57.datacall.DataCall.QuestionInput;
import vn.nq57.datacall.DataCallDocuments;
import vn.nq57.datacall.DataCallService;
import vn.nq57.datacall.QuestionKind;
import vn.nq57.indicator.IndicatorFeed;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.upward.Upstream.SubjectType;

/**
 * The speed part of issue 19, run on demand (bench/run-upward-benchmark.sh, or
 * {@code ./mvnw -o test -Dtest=UpwardBenchmark -Dnq57.bench=true}): a call of 30 questions to 5.000 agencies, all
 * answered (140.000 answers, 30.000 values per commune, generated in SQL): the completeness grid and the
 * consolidation p95 < 500 ms, the consolidated .docx < 5 s; and a national system's file for 5.000 agencies
 * (six indicators mapped, 30.000 rows, Đề án 06 layout with a row per agency) < 10 s. Figures in
 * target/bench/upward.txt; bench/RESULTS-upward.md keeps a run.
 */
@SpringBootTest(properties = { "nq57.db.port=${nq57.bench.db-port:54561}" })
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "nq57.bench", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpwardBenchmark {

	static final int AGENCIES = 5_000;
	static final int RUNS = 40;

	@Autowired JdbcTemplate jdbc;
	@Autowired RunAs runAs;
	@Autowired DataCallService calls;
	@Autowired Consolidation consolidation;
	@Autowired DataCallDocuments documents;
	@Autowired UpstreamExport export;
	@Autowired Upstream upstream;
	@Autowired IndicatorFeed feed;

	final List<String> lines = new ArrayList<>();
	long callId;

	void log(String format, Object... args) {
		lines.add(String.format(Locale.ROOT, format, args));
		System.out.println(lines.get(lines.size() - 1));
	}

	@AfterAll
	void write() throws Exception {
		Path out = Path.of("target", "bench", "upward.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
	}

	@BeforeAll
	void data() {
		long t0 = System.nanoTime();
		log("load %s · %d cores", Files.exists(Path.of("/proc/loadavg")) ? read("/proc/loadavg") : "?", Runtime.getRuntime().availableProcessors());
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				SELECT 'UPB-' || lpad(n::text, 4, '0'), 'Đơn vị thử tải ' || lpad(n::text, 4, '0'), NULL, 'ENTERPRISE', true
				FROM generate_series(1, ?) n""", AGENCIES);
		List<QuestionInput> qs = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			QuestionKind k = i <= 10 ? QuestionKind.NUMBER : i <= 18 ? QuestionKind.PERCENT : i <= 22 ? QuestionKind.YES_NO
					: i <= 25 ? QuestionKind.CHOICE : i <= 28 ? QuestionKind.TEXT : QuestionKind.PER_COMMUNE;
			qs.add(new QuestionInput(String.valueOf(i), "Mục " + ((i - 1) / 10 + 1), "Câu hỏi thử tải số " + i, k,
					k == QuestionKind.PERCENT ? "%" : "đơn vị", k == QuestionKind.CHOICE ? "Chưa\nĐang\nXong" : null, false, null));
		}
		callId = runAs.user("sokhcn", () -> {
			long id = calls.create(new CallInput("Đợt thử tải 30 câu hỏi × 5.000 cơ quan", 2026, "1/CV-TT", LocalDate.of(2026, 11, 1),
					"Văn phòng Trung ương Đảng", "thử tải", LocalDate.of(2026, 11, 20)));
			calls.addQuestions(id, qs, null);
			return id;
		});
		jdbc.update("INSERT INTO data_call_target(call_id, agency_id) SELECT ?, id FROM agency WHERE code LIKE 'UPB-%'", callId);
		jdbc.update("UPDATE data_call SET state = 'OPEN' WHERE id = ?", callId);
		jdbc.update("""
				INSERT INTO data_call_response(call_id, agency_id, state, submitted_at, submitted_on, version)
				SELECT ?, t.agency_id, 'SUBMITTED', now(), DATE '2026-11-10' + (t.agency_id % 15)::int, 1
				FROM data_call_target t WHERE t.call_id = ?""", callId, callId);
		jdbc.update("""
				INSERT INTO data_call_answer(response_id, question_id, num_value, numerator, denominator, text_value, bool_value)
				SELECT r.id, q.id,
				       CASE WHEN q.kind = 'NUMBER' THEN (r.id % 97) WHEN q.kind = 'PERCENT' THEN round(100.0 * (r.id % 50) / 60, 4) END,
				       CASE WHEN q.kind = 'PERCENT' THEN r.id % 50 END,
				       CASE WHEN q.kind = 'PERCENT' THEN 60 END,
				       CASE WHEN q.kind = 'TEXT' THEN 'Khó khăn về kinh phí và nhân lực của đơn vị ' || r.agency_id
				            WHEN q.kind = 'CHOICE' THEN (ARRAY['Chưa','Đang','Xong'])[1 + r.id % 3] END,
				       CASE WHEN q.kind = 'YES_NO' THEN r.id % 2 = 0 END
				FROM data_call_response r JOIN data_call_question q ON q.call_id = r.call_id AND q.kind <> 'PER_COMMUNE'
				WHERE r.call_id = ?""", callId);
		jdbc.update("""
				INSERT INTO data_call_commune_value(response_id, question_id, commune_id, value)
				SELECT r.id, q.id, c.id, (r.id + c.id) % 13
				FROM data_call_response r JOIN data_call_question q ON q.call_id = r.call_id AND q.kind = 'PER_COMMUNE'
				CROSS JOIN LATERAL (SELECT id FROM agency WHERE kind = 'COMMUNE' ORDER BY id OFFSET (r.id % 20) LIMIT 3) c
				WHERE r.call_id = ?""", callId);
		jdbc.execute("ANALYZE");
		// six indicators the Đề án 06 tracker knows, each with an approved value of every one of the 5.000 agencies
		for (int i = 1; i <= 6; i++) {
			String code = "UPB-CT" + i;
			boolean pct = i % 2 == 0;
			runAs.user("sokhcn", () -> feed.declare(new IndicatorFeed.Definition(code, "Chỉ tiêu thử tải " + code, "Thử tải",
					pct ? "%" : "hồ sơ", pct, true, PeriodKind.QUARTER, "SKHCN", "thử tải", Map.of())));
			jdbc.update("""
					INSERT INTO indicator_value(indicator_id, agency_id, period_start, value, numerator, denominator, state,
					                            approved_value, approved_numerator, approved_denominator, approved_at)
					SELECT i.id, a.id, DATE '2026-07-01', a.id % 100, NULL, NULL, 'APPROVED', a.id % 100,
					       CASE WHEN ? THEN a.id % 100 END, CASE WHEN ? THEN 100 END, now()
					FROM indicator i, agency a WHERE i.code = ? AND a.code LIKE 'UPB-%'""", pct, pct, code);
			long id = jdbc.queryForObject("SELECT id FROM indicator WHERE code = ?", Long.class, code);
			runAs.user("sokhcn", () -> upstream.map("DA06", SubjectType.INDICATOR, id, "DA06.BENCH." + code, null));
		}
		jdbc.execute("ANALYZE");
		log("data: %d agencies, %d answers, %d values per commune, %d indicator values, built in %.1f s", AGENCIES,
				jdbc.queryForObject("SELECT count(*) FROM data_call_answer a JOIN data_call_response r ON r.id = a.response_id WHERE r.call_id = ?", Long.class, callId),
				jdbc.queryForObject("SELECT count(*) FROM data_call_commune_value v JOIN data_call_response r ON r.id = v.response_id WHERE r.call_id = ?", Long.class, callId),
				jdbc.queryForObject("SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code LIKE 'UPB-CT%'", Long.class),
				(System.nanoTime() - t0) / 1e9);
	}

	static String read(String p) {
		try {
			return Files.readString(Path.of(p)).strip();
		}
		catch (Exception e) {
			return "?";
		}
	}

	double[] time(int warmUp, int runs, Supplier<?> work) {
		for (int i = 0; i < warmUp; i++) {
			work.get();
		}
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return ms;
	}

	static double p(double[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	@Test
	void completenessGridAndConsolidation() {
		DataCall call = calls.get(callId);
		var qs = calls.questions(callId);
		double[] grid = time(5, RUNS, () -> consolidation.grid(call, null, null, 0, 200));
		Consolidation.Grid g = consolidation.grid(call, null, null, 0, 200);
		assertThat(g.counts().received()).isEqualTo(AGENCIES);
		log("completeness grid (counts + first page of 200 of 5.000 agencies): p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d runs)",
				p(grid, 0.5), p(grid, 0.95), grid[grid.length - 1], RUNS);
		double[] late = time(3, RUNS, () -> consolidation.grid(call, "thu tai 4", "late", 0, 200));
		log("completeness grid, searched and filtered (late, 'thu tai 4'): p50 %.0f ms, p95 %.0f ms", p(late, 0.5), p(late, 0.95));
		double[] cons = time(3, RUNS, () -> consolidation.results(call, qs));
		log("consolidation of 30 questions over 5.000 answers (sums, recomputed rates, counts, texts, communes): p50 %.0f ms, p95 %.0f ms, max %.0f ms",
				p(cons, 0.5), p(cons, 0.95), cons[cons.length - 1]);
		assertThat(p(grid, 0.95)).isLessThan(500);
		assertThat(p(cons, 0.95)).isLessThan(500);
	}

	@Test
	void consolidatedDocumentsAndNationalExport() throws Exception {
		DataCall call = calls.get(callId);
		var qs = calls.questions(callId);
		double[] docx = time(1, 5, () -> documents.consolidatedDocx(call, qs, LocalDate.of(2026, 11, 22)));
		byte[] file = documents.consolidatedDocx(call, qs, LocalDate.of(2026, 11, 22));
		try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(file))) {
			assertThat(d.getParagraphs()).isNotEmpty();
		}
		log("consolidated .docx (Decree 30 layout, 30 questions, 5.000 answers): p50 %.0f ms, max %.0f ms, %d KB", p(docx, 0.5),
				docx[docx.length - 1], file.length / 1024);
		double[] xlsx = time(0, 3, () -> documents.consolidatedXlsx(call, qs));
		log("consolidated .xlsx (answers side by side: 5.000 rows × 30 questions): p50 %.0f ms, max %.0f ms", p(xlsx, 0.5), xlsx[xlsx.length - 1]);
		assertThat(docx[docx.length - 1]).isLessThan(5_000);

		double[] exp = time(1, 5, () -> runAs.user("sokhcn", () -> export.exportFile("DA06")));
		byte[] da06 = runAs.user("sokhcn", () -> export.exportFile("DA06"));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(da06))) {
			assertThat(wb.getSheet("Chỉ tiêu").getLastRowNum()).isGreaterThanOrEqualTo(6 * AGENCIES);
		}
		log("Đề án 06 file, a row per agency (6 indicators × 5.000 agencies = 30.000 rows): p50 %.0f ms, max %.0f ms, %d KB",
				p(exp, 0.5), exp[exp.length - 1], da06.length / 1024);
		assertThat(exp[exp.length - 1]).isLessThan(10_000);
		BigDecimal unused = BigDecimal.ZERO;
		assertThat(unused).isNotNull();
	}
}
