package vn.nq57.indicator;

import java.math.BigDecimal;
import java.time.Instant;
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
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;

/**
 * The indicator set of the demo: the figures the province's documents give (the 2025 report of the
 * Standing Board of the Provincial Party Committee to the Central Party Office, the 2026 plan, the
 * conclusion notice of 28/01/2026) with their targets; and, for a few indicators, 2026 values marked as
 * illustrative so that the scoreboard shows every colour, a value waiting for approval, a flagged jump that
 * DoST returned, and a report past its due date. Loaded through the services, as the users would, after the
 * main demo data (accounts) exists. Never in production ({@code nq57.demo.enabled=false}).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class IndicatorDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IndicatorDemoData.class);

	static final String REPORT_2025 = "Báo cáo của Ban Thường vụ Tỉnh ủy gửi Văn phòng Trung ương Đảng về tình hình triển khai "
			+ "Nghị quyết số 57-NQ/TW (thực hiện Công văn số 13884-CV/VPTW ngày 20/3/2025)";
	static final String ILLUSTRATIVE = "Số liệu minh họa của bản trình diễn (không phải số liệu chính thức)";

	private final IndicatorCatalog catalog;
	private final IndicatorEntry entry;
	private final RunAs runAs;
	private final AgencyDirectory agencies;
	private final JdbcTemplate jdbc;
	private final AppClock clock;
	private final AuditLog audit;

	IndicatorDemoData(IndicatorCatalog catalog, IndicatorEntry entry, RunAs runAs, AgencyDirectory agencies,
			JdbcTemplate jdbc, AppClock clock, AuditLog audit) {
		this.catalog = catalog;
		this.entry = entry;
		this.runAs = runAs;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM indicator", Integer.class);
		Integer users = jdbc.queryForObject("SELECT count(*) FROM app_user_view WHERE username = 'sokhcn'", Integer.class);
		if (existing == null || existing > 0 || users == null || users == 0) {
			return;
		}
		runAs.user("sokhcn", this::define);
		enterValues();
		backdate();
		log.info("Indicator demo data loaded: {} indicators", catalog.all().size());
	}

	private void define() {
		String tt = "Hạ tầng số";
		String cqs = "Chính quyền số";
		String kp = "Kinh phí";
		String nl = "Nhân lực";
		String telecom = "Số liệu của VNPT, Viettel, Mobifone Quảng Ngãi; Sở KH&CN tổng hợp";
		// --- digital infrastructure ---
		save(entered("HT-5G-DS", "Tỷ lệ dân số được phủ sóng mạng 5G", tt, "%", "PROVINCE", "QUARTERLY", "SKHCN", telecom)
			.targets("2026: 60 | Thông báo kết luận ngày 28/01/2026 của Phó Chủ tịch UBND tỉnh: phấn đấu phủ sóng 60% dân số trong năm 2026")
			.position(10));
		String zones = "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi; " + REPORT_2025;
		save(entered("HT-KCN-KKT-5G", "Số khu công nghiệp thuộc KKT Dung Quất có sóng 5G", tt, "khu", "PROVINCE", "YEARLY", "BQLKKT", zones).hidden().position(100));
		save(entered("HT-KCN-KKT", "Số khu công nghiệp thuộc KKT Dung Quất", tt, "khu", "PROVINCE", "YEARLY", "BQLKKT", zones).hidden().position(101));
		save(entered("HT-KCN-KHAC-5G", "Số khu công nghiệp khác có sóng 5G", tt, "khu", "PROVINCE", "YEARLY", "BQLKKT", zones).hidden().position(102));
		save(entered("HT-KCN-KHAC", "Số khu công nghiệp khác", tt, "khu", "PROVINCE", "YEARLY", "BQLKKT", zones).hidden().position(103));
		save(entered("HT-CCN-5G", "Số cụm công nghiệp có sóng 5G", tt, "cụm", "PROVINCE", "YEARLY", "SKHCN", telecom).hidden().position(104));
		save(entered("HT-CCN", "Số cụm công nghiệp", tt, "cụm", "PROVINCE", "YEARLY", "SKHCN", telecom).hidden().position(105));
		save(entered("HT-GA-5G", "Số nhà ga, cảng biển, bến xe có sóng 5G", tt, "điểm", "PROVINCE", "YEARLY", "SKHCN", telecom).hidden().position(106));
		save(entered("HT-GA", "Số nhà ga, cảng biển, bến xe", tt, "điểm", "PROVINCE", "YEARLY", "SKHCN", telecom).hidden().position(107));
		save(ratio("TL-5G-KCN-KKT", "Tỷ lệ khu công nghiệp thuộc KKT Dung Quất có sóng 5G", tt, "HT-KCN-KKT-5G", "HT-KCN-KKT", "BQLKKT").position(20));
		save(ratio("TL-5G-KCN-KHAC", "Tỷ lệ khu công nghiệp khác có sóng 5G", tt, "HT-KCN-KHAC-5G", "HT-KCN-KHAC", "BQLKKT").position(21));
		save(computed("TL-5G-KCN", "Tỷ lệ khu công nghiệp có sóng 5G (toàn tỉnh)", tt,
				"([HT-KCN-KKT-5G] + [HT-KCN-KHAC-5G]) / ([HT-KCN-KKT] + [HT-KCN-KHAC]) * 100", "BQLKKT").position(22));
		save(ratio("TL-5G-CCN", "Tỷ lệ cụm công nghiệp có sóng 5G", tt, "HT-CCN-5G", "HT-CCN", "SKHCN").position(23));
		save(ratio("TL-5G-GA", "Tỷ lệ nhà ga, cảng biển, bến xe có sóng 5G", tt, "HT-GA-5G", "HT-GA", "SKHCN").position(24));
		save(entered("HT-NGAM-HOA", "Tỷ lệ ngầm hóa mạng cáp viễn thông", tt, "%", "PROVINCE", "YEARLY", "SKHCN",
				telecom + "; báo cáo năm 2025 ghi nhận đạt chỉ tiêu Trung ương giao").position(30));
		save(entered("HT-BTS", "Số trạm thu phát sóng di động (BTS)", tt, "trạm", "PROVINCE", "YEARLY", "SKHCN", telecom).position(31));
		save(entered("HT-BDVHX", "Tỷ lệ xã có điểm bưu điện văn hóa xã", tt, "%", "PROVINCE", "YEARLY", "SKHCN", "Bưu điện tỉnh; " + REPORT_2025).position(32));
		String dc = "Trung tâm dữ liệu tỉnh (Sở KH&CN); " + REPORT_2025;
		save(entered("HT-TTDL-TB", "Dung lượng lưu trữ của Trung tâm dữ liệu tỉnh", tt, "TB", "PROVINCE", "YEARLY", "SKHCN", dc).position(40));
		save(entered("HT-TTDL-HT", "Số hệ thống thông tin, cơ sở dữ liệu triển khai tại Trung tâm dữ liệu tỉnh", tt, "hệ thống", "PROVINCE", "YEARLY", "SKHCN", dc).position(41));
		save(entered("HT-LGSP", "Số hệ thống thông tin, cơ sở dữ liệu kết nối Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", tt, "hệ thống", "PROVINCE", "YEARLY", "SKHCN", dc).position(42));
		// --- digital government ---
		String qlvb = "Thống kê của Hệ thống Quản lý văn bản và điều hành tỉnh; " + REPORT_2025;
		save(entered("CQS-VBDT-SO", "Tỷ lệ sử dụng văn bản điện tử của các sở, ban, ngành", cqs, "%", "PROVINCE", "QUARTERLY", "SKHCN", qlvb)
			.baseline("99,3", 2025).position(50));
		save(entered("CQS-VBDT-HUYEN", "Tỷ lệ sử dụng văn bản điện tử cấp huyện", cqs, "%", "PROVINCE", "QUARTERLY", "SKHCN",
				qlvb + ". Cấp huyện kết thúc hoạt động từ 01/7/2025 (chính quyền địa phương hai cấp)")
			.baseline("87,85", 2025).inactive().position(51));
		save(entered("CQS-VBDT-XA", "Tỷ lệ sử dụng văn bản điện tử cấp xã", cqs, "%", "PROVINCE", "QUARTERLY", "SKHCN", qlvb)
			.baseline("70,35", 2025).position(52));
		save(entered("CQS-KY-SO", "Tỷ lệ văn bản được ký số khi phát hành văn bản điện tử", cqs, "%", "PROVINCE", "QUARTERLY", "SKHCN",
				qlvb + " (trên 95%)").baseline("95", 2025).position(53));
		save(entered("CQS-TAI-SD", "Tỷ lệ tái sử dụng thông tin, kết quả giải quyết thủ tục hành chính", cqs, "%", "PROVINCE", "QUARTERLY", "SKHCN",
				"Hệ thống thông tin giải quyết TTHC tỉnh; mức trung bình cả nước 23,98% (" + REPORT_2025 + ")")
			.baseline("74,08", 2025)
			.targets("2026: 100 | Kế hoạch năm 2026, mục II.2.b: tái sử dụng 100% dữ liệu đã số hóa").position(54));
		save(entered("CQS-QLVB-DV", "Số cơ quan, đơn vị sử dụng Hệ thống Quản lý văn bản và điều hành", cqs, "cơ quan, đơn vị", "PROVINCE", "YEARLY", "SKHCN", qlvb).position(55));
		save(entered("CQS-TTHC-DV", "Số cơ quan, đơn vị triển khai Hệ thống thông tin giải quyết TTHC", cqs, "cơ quan, đơn vị", "PROVINCE", "YEARLY", "SKHCN",
				"Hệ thống thông tin giải quyết TTHC tỉnh; " + REPORT_2025).position(56));
		// --- money ---
		save(entered("KP-NS-KHCN", "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên tổng chi ngân sách tỉnh", kp, "%", "PROVINCE", "YEARLY", "STC",
				"Dự toán, quyết toán ngân sách tỉnh (Sở Tài chính)")
			.targets("2026: 3 | Ít nhất 3% (Kế hoạch năm 2026, mục II.1.h; Kế hoạch số 366-KH/TU)\n2030: 3 | Ít nhất 3% hằng năm, tăng dần theo yêu cầu phát triển").position(60));
		save(entered("KP-NS-KH-UD", "Tỷ lệ chi sự nghiệp khoa học và công nghệ cho nghiên cứu, chuyển giao, ứng dụng công nghệ mới, công nghệ tiên tiến", kp, "%", "PROVINCE", "YEARLY", "STC",
				"Dự toán ngân sách tỉnh (Sở Tài chính)")
			.targets("2026: 15 | Ít nhất 15% (Kế hoạch năm 2026, mục II.3.c)").position(61));
		// --- people ---
		IndicatorForm leaders = entered("NL-LD-KHKT", "Tỷ lệ cán bộ lãnh đạo có chuyên môn, kinh nghiệm về khoa học kỹ thuật", nl, "%", "AGENCY", "YEARLY", "SNV",
				"Báo cáo của các cơ quan, đơn vị; Sở Nội vụ tổng hợp")
			.targets("2030: 25 | Hướng đến tối thiểu 25% (Kế hoạch số 366-KH/TU)").position(70).form;
		leaders.setAggregation("RATIO");
		leaders.setReporterIds(new ArrayList<>(List.of(id("SKHCN"), id("STC"), id("SNV"), id("BQLKKT"), id("SVHTTDL"))));
		catalog.save(null, leaders);
	}

	private void enterValues() {
		LocalDate today = clock.today();
		// the figures of the 2025 report, as the responsible agencies' heads would record them
		String y = "2025";
		value("gd.bql", "HT-KCN-KKT-5G", y, "4", REPORT_2025);
		value("gd.bql", "HT-KCN-KKT", y, "5", REPORT_2025);
		value("gd.bql", "HT-KCN-KHAC-5G", y, "1", REPORT_2025);
		value("gd.bql", "HT-KCN-KHAC", y, "2", REPORT_2025);
		value("gd.skhcn", "HT-CCN-5G", y, "2", REPORT_2025);
		value("gd.skhcn", "HT-CCN", y, "15", REPORT_2025);
		value("gd.skhcn", "HT-GA-5G", y, "9", REPORT_2025);
		value("gd.skhcn", "HT-GA", y, "10", REPORT_2025);
		value("gd.skhcn", "HT-NGAM-HOA", y, "20", REPORT_2025);
		value("gd.skhcn", "HT-BTS", y, "3.700", REPORT_2025 + " (hơn 1.780 vị trí cột thu phát sóng)");
		value("gd.skhcn", "HT-BDVHX", y, "98,2", REPORT_2025 + " (240 điểm phục vụ bưu chính)");
		value("gd.skhcn", "HT-TTDL-TB", y, "170", REPORT_2025);
		value("gd.skhcn", "HT-TTDL-HT", y, "24", REPORT_2025);
		value("gd.skhcn", "HT-LGSP", y, "34", REPORT_2025);
		value("gd.skhcn", "CQS-QLVB-DV", y, "1.526", REPORT_2025);
		value("gd.skhcn", "CQS-TTHC-DV", y, "217", REPORT_2025);
		// 2026, illustrative: 5G coverage on its way to 60%, reuse of data behind its path to 100%
		quarter("gd.skhcn", "HT-5G-DS", today, "35", "43", "52");
		quarter("gd.skhcn", "CQS-VBDT-SO", today, "99,4", "99,5", null);
		quarter("gd.skhcn", "CQS-KY-SO", today, "95,6", "96,1", "96,8");
		value("gd.skhcn", "CQS-VBDT-XA", "2025-Q3", "70,6", ILLUSTRATIVE);
		value("gd.skhcn", "CQS-VBDT-XA", "2025-Q4", "70,9", ILLUSTRATIVE);
		quarter("gd.skhcn", "CQS-VBDT-XA", today, "71,2", "72,1", null);
		// a jump from 72,1% to 95%: stored with a flag; DoST returns it
		if (started(LocalDate.of(2026, 7, 1), today)) {
			IndicatorEntry.Result r = runAs.user("gd.skhcn", () -> entry.enter("CQS-VBDT-XA",
					new IndicatorEntry.Submission(null, "2026-Q3", new BigDecimal("95"), null, null, ILLUSTRATIVE, null), null));
			runAs.user("sokhcn", () -> entry.returnValue(r.id(),
					"Số liệu tăng đột biến từ 72,1% lên 95%; đề nghị kiểm tra lại theo thống kê của Hệ thống Quản lý văn bản và điều hành"));
		}
		quarter("gd.skhcn", "CQS-TAI-SD", today, "80", "86", "90");
		// leaders with technical expertise, 2026: each agency's officer enters, its head approves
		if (started(LocalDate.of(2026, 1, 1), today)) {
			share("cb.skhcn", "gd.skhcn", "2", "4");
			share("cb.stc", "gd.stc", "1", "4");
			share("cb.snv", "gd.snv", "1", "5");
			share("cb.bql", "gd.bql", "2", "5");
			share("cb.svhttdl", null, "1", "4");
			// the budget share waits for the head of Sở Tài chính; the science budget's share is well short of 15%
			runAs.user("cb.stc", () -> entry.enterTyped("KP-NS-KHCN", null, "2026", "3,1", null, null,
					ILLUSTRATIVE + "; theo dự toán ngân sách năm 2026", null, null));
			runAs.user("gd.stc", () -> entry.enterTyped("KP-NS-KH-UD", null, "2026", "11", null, null,
					ILLUSTRATIVE + "; theo dự toán ngân sách năm 2026", null, null));
		}
	}

	/**
	 * The demo's values were all entered just now; an office enters them by the due date. Every step of a
	 * value is moved back to its period's due date (09:00, the next step a day later each), in the history,
	 * the value and the audit trail alike, so the scoreboard "as of" an earlier day shows the province then.
	 * Steps whose due date is still ahead keep their time.
	 */
	private void backdate() {
		String steps = """
				WITH step AS (
				  SELECT h.id AS history_id, h.value_id, h.occurred_at AS was,
				         row_number() OVER (PARTITION BY h.value_id ORDER BY h.occurred_at, h.id) AS k,
				         ((v.period_start + make_interval(months => CASE i.frequency WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3
				                                                     WHEN 'HALF_YEARLY' THEN 6 ELSE 12 END,
				                                          days => i.due_days - 1))::timestamp + time '09:00')
				           AT TIME ZONE 'Asia/Ho_Chi_Minh'
				           + (row_number() OVER (PARTITION BY h.value_id ORDER BY h.occurred_at, h.id) - 1) * interval '1 day' AS at
				  FROM indicator_value_history h JOIN indicator_value v ON v.id = h.value_id JOIN indicator i ON i.id = v.indicator_id
				  WHERE v.state <> 'COMPUTED'),
				s AS (SELECT * FROM step WHERE value_id NOT IN (SELECT value_id FROM step WHERE at >= was))
				""";
		// the audit trail is the system module's: it moves its own lines, the k-th of a value to the k-th step's time
		Map<Long, List<Instant>> times = new LinkedHashMap<>();
		jdbc.query(steps + "SELECT value_id, at FROM s ORDER BY value_id, k",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> times
					.computeIfAbsent(rs.getLong(1), v -> new ArrayList<>())
					.add(rs.getTimestamp(2).toInstant()));
		audit.retime("INDICATOR_VALUE", "INDICATOR_VALUE_", times);
		jdbc.update(steps + """
				, hh AS (
				  UPDATE indicator_value_history h SET occurred_at = s.at FROM s WHERE h.id = s.history_id
				  RETURNING h.value_id, h.action, h.state, s.at)
				UPDATE indicator_value v SET
				  entered_at = (SELECT max(hh.at) FROM hh WHERE hh.value_id = v.id AND hh.action = 'ENTERED'),
				  approved_at = CASE WHEN v.approved_at IS NOT NULL THEN (SELECT max(hh.at) FROM hh WHERE hh.value_id = v.id
				                AND (hh.action = 'APPROVED' OR (hh.action = 'ENTERED' AND hh.state = 'APPROVED'))) END
				WHERE v.id IN (SELECT value_id FROM hh)""");
	}

	private void share(String officer, String head, String num, String den) {
		IndicatorEntry.Result r = runAs.user(officer, () -> entry.enterTyped("NL-LD-KHKT", null, "2026", null, num, den,
				ILLUSTRATIVE, null, null));
		if (head != null) {
			runAs.user(head, () -> entry.approve(r.id()));
		}
	}

	private void quarter(String user, String code, LocalDate today, String q1, String q2, String q3) {
		String[] values = { q1, q2, q3 };
		for (int q = 0; q < 3; q++) {
			LocalDate start = LocalDate.of(2026, q * 3 + 1, 1);
			if (values[q] != null && started(start, today)) {
				String period = "2026-Q" + (q + 1);
				String v = values[q];
				runAs.user(user, () -> entry.enterTyped(code, null, period, v, null, null, ILLUSTRATIVE, null, null));
			}
		}
	}

	private void value(String user, String code, String period, String v, String note) {
		if (started(LocalDate.of(Integer.parseInt(period.substring(0, 4)), 1, 1), clock.today())) {
			runAs.user(user, () -> entry.enterTyped(code, null, period, v, null, null, note, null, null));
		}
	}

	private static boolean started(LocalDate start, LocalDate today) {
		return !start.isAfter(today);
	}

	private long id(String code) {
		return agencies.findByCode(code).orElseThrow().getId();
	}

	private void save(Def d) {
		catalog.save(null, d.form);
	}

	/** A definition being built (a little fluent helper for readability of the list above). */
	private final class Def {
		final IndicatorForm form = IndicatorForms.blankForm();

		Def targets(String t) {
			form.setTargets(t);
			return this;
		}

		Def baseline(String value, int year) {
			form.setBaselineValue(value);
			form.setBaselineYear(String.valueOf(year));
			return this;
		}

		Def hidden() {
			form.setOnScoreboard(false);
			return this;
		}

		Def inactive() {
			form.setActive(false);
			form.setOnScoreboard(false);
			return this;
		}

		Def position(int p) {
			form.setPosition(String.valueOf(p));
			return this;
		}
	}

	private Def entered(String code, String name, String category, String unit, String breakdown, String frequency,
			String agency, String source) {
		Def d = new Def();
		d.form.setCode(code);
		d.form.setName(name);
		d.form.setCategory(category);
		d.form.setUnit(unit);
		d.form.setKind("ENTERED");
		// a share is never summed: an agency's parts are added and the share recomputed; a province-wide value stays as entered
		d.form.setAggregation("%".equals(unit) ? "RATIO" : "SUM");
		d.form.setBreakdown(breakdown);
		d.form.setFrequency(frequency);
		d.form.setResponsibleAgencyId(id(agency));
		d.form.setDataSource(source);
		d.form.setDecimals("%".equals(unit) ? "2" : "0");
		if ("%".equals(unit)) {
			d.form.setMaxValue("100");
		}
		return d;
	}

	private Def ratio(String code, String name, String category, String num, String den, String agency) {
		Def d = computed(code, name, category, null, agency);
		d.form.setFormulaKind("RATIO");
		d.form.setNumeratorCode(num);
		d.form.setDenominatorCode(den);
		return d;
	}

	private Def computed(String code, String name, String category, String expression, String agency) {
		Def d = new Def();
		d.form.setCode(code);
		d.form.setName(name);
		d.form.setCategory(category);
		d.form.setUnit("%");
		d.form.setKind("COMPUTED");
		d.form.setFormulaKind("EXPRESSION");
		d.form.setExpression(expression);
		d.form.setBreakdown("PROVINCE");
		d.form.setFrequency("YEARLY");
		d.form.setResponsibleAgencyId(id(agency));
		d.form.setDataSource("Tính từ các chỉ số đầu vào");
		d.form.setDecimals("2");
		return d;
	}
}
