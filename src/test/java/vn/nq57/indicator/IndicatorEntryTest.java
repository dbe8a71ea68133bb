package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;

/** What withstands bad input and who may do what with values: a refusal says why and stores nothing. */
@IntegrationTest
class IndicatorEntryTest {

	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;
	@Autowired AuditLog audit;
	@Autowired IndicatorCatalog catalog;

	int stored(Indicator ind) {
		return jdbc.queryForObject("SELECT count(*) FROM indicator_value WHERE indicator_id = ?", Integer.class, ind.id())
				+ jdbc.queryForObject("SELECT count(*) FROM indicator_value_history h JOIN indicator_value v ON v.id = h.value_id WHERE v.indicator_id = ?",
						Integer.class, ind.id())
				+ jdbc.queryForObject("SELECT count(*) FROM indicator_rollup WHERE indicator_id = ?", Integer.class, ind.id());
	}

	@ParameterizedTest(name = "{0} / {1} / {2} / {3}/{4} → {5}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			PCT   | 2026-Q1      | 120  | -  | -  | vượt quá 100%
			PCT   | 2026-Q1      | -3   | -  | -  | không được âm
			PCT   | 13/2026      | 50   | -  | -  | không tồn tại
			PCT   | Quý V/2026   | 50   | -  | -  | Quý I đến Quý IV
			PCT   | 2027-Q1      | 50   | -  | -  | chưa bắt đầu
			PCT   | -            | 50   | -  | -  | Chưa chọn kỳ
			PCT   | 2026-Q1      | -    | -  | -  | Chưa nhập giá trị
			SHARE | 2026         | -    | 8  | 5  | lớn hơn mẫu số
			SHARE | 2026         | -    | 4  | 0  | Mẫu số bằng 0
			SHARE | 2026         | 80   | -  | -  | cần nhập tử số và mẫu số
			COUNT | 2026-Q1      | 1001 | -  | -  | vượt mức tối đa 1.000
			""")
	@DisplayName("values that are refused, with a Vietnamese message, and nothing stored")
	void refused(String kind, String period, BigDecimal value, BigDecimal num, BigDecimal den, String message) {
		IndicatorForm f = switch (kind) {
			case "PCT" -> fx.entered(Fixtures.code("V"), "%");
			case "SHARE" -> fx.share(Fixtures.code("V"), "STC");
			default -> {
				IndicatorForm c = fx.entered(Fixtures.code("V"), "TB");
				c.setMaxValue("1000");
				yield c;
			}
		};
		Indicator ind = fx.save(f);
		String user = "SHARE".equals(kind) ? "gd.stc" : "gd.skhcn";
		assertThatThrownBy(() -> fx.runAs.user(user, () -> fx.entry.enter(ind.code(),
				new IndicatorEntry.Submission(null, period, value, num, den, null, null), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining(message);
		assertThat(stored(ind)).isZero();
	}

	@ParameterizedTest(name = "typed “{0}” → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			abc    | không phải là số
			12,5kg | không phải là số
			1.5    | không rõ nghĩa
			""")
	@DisplayName("text in a number field is refused before anything is stored")
	void textInANumberField(String typed, String message) {
		Indicator ind = fx.save(fx.entered(Fixtures.code("TXT"), "hệ thống"));
		assertThatThrownBy(() -> fx.runAs.user("cb.skhcn", () -> fx.entry.enterTyped(ind.code(), null, "2026-Q2", typed,
				null, null, null, null, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("Giá trị").hasMessageContaining(message);
		assertThat(stored(ind)).isZero();
	}

	@Test
	@DisplayName("typed the Vietnamese way: 1.526 is one thousand five hundred and twenty-six")
	void vietnameseNumbers() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("QLVB"), "cơ quan, đơn vị"));
		IndicatorEntry.Result r = fx.runAs.user("gd.skhcn", () -> fx.entry.enterTyped(ind.code(), null, "Quý II/2026", "1.526",
				null, null, "Hệ thống QLVB", null, null));
		assertThat(fx.entry.get(r.id()).approvedValue()).isEqualByComparingTo("1526");
	}

	@Test
	@DisplayName("an agency entering for another is refused (403, audited) and nothing is stored")
	void agencyEnteringForAnother() {
		Indicator ind = fx.save(fx.share(Fixtures.code("OTHER"), "BQLKKT", "STC"));
		long bql = fx.agency("BQLKKT");
		long before = audit.count("ACCESS_DENIED", "INDICATOR_VALUE", ind.id());
		assertThatThrownBy(() -> fx.runAs.user("cb.stc", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(bql,
				"2026", null, BigDecimal.ONE, BigDecimal.TEN, null, null), null)))
			.isInstanceOf(AccessDeniedException.class).hasMessageContaining("cơ quan, đơn vị khác");
		assertThat(audit.count("ACCESS_DENIED", "INDICATOR_VALUE", ind.id())).isEqualTo(before + 1);
		assertThat(stored(ind)).isZero();
	}

	@Test
	@DisplayName("only the agencies that report an indicator enter it; DoST and leaders do not enter for agencies")
	void whoEnters() {
		Indicator ind = fx.save(fx.share(Fixtures.code("WHO"), "BQLKKT"));
		assertThatThrownBy(() -> fx.enterShare("cb.stc", ind.code(), "2026", 1, 2))
			.isInstanceOf(DomainException.class).hasMessageContaining("không thuộc diện báo cáo");
		assertThatThrownBy(() -> fx.enterShare("sokhcn", ind.code(), "2026", 1, 2)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> fx.enterShare("lanhdao", ind.code(), "2026", 1, 2)).isInstanceOf(AccessDeniedException.class);
		assertThat(stored(ind)).isZero();
	}

	@Test
	@DisplayName("a computed indicator is not entered")
	void computedIsNotEntered() {
		String a = Fixtures.code("IN");
		fx.save(fx.entered(a, "%"));
		Indicator c = fx.save(fx.computed(Fixtures.code("C"), "[" + a + "] * 2"));
		assertThatThrownBy(() -> fx.enter("gd.skhcn", c.code(), "2026-Q1", "5")).isInstanceOf(DomainException.class)
			.hasMessageContaining("tính tự động");
	}

	@Test
	@DisplayName("only the agency's head approves; only DoST returns, with a reason")
	void approvalAndReturn() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("APP"), "TB"));
		IndicatorEntry.Result r = fx.enter("cb.skhcn", ind.code(), "2026-Q2", "170");
		assertThatThrownBy(() -> fx.approve("cb.skhcn", r.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> fx.approve("gd.stc", r.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> fx.approve("sokhcn", r.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> fx.entry.returnValue(r.id(), "sai")))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã được thủ trưởng duyệt");
		fx.approve("gd.skhcn", r.id());
		assertThatThrownBy(() -> fx.approve("gd.skhcn", r.id())).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> fx.runAs.user("gd.skhcn", () -> fx.entry.returnValue(r.id(), "sai")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> fx.entry.returnValue(r.id(), "  ")))
			.isInstanceOf(DomainException.class).hasMessageContaining("lý do");
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> fx.entry.returnValue(r.id(), "<script>x</script>")))
			.isInstanceOf(DomainException.class);
		fx.runAs.user("sokhcn", () -> fx.entry.returnValue(r.id(), "Dung lượng chưa trừ phần dự phòng"));
		assertThat(fx.entry.get(r.id()).state()).isEqualTo(ValueState.RETURNED);
		assertThat(audit.count("INDICATOR_VALUE_ENTERED", "INDICATOR_VALUE", r.id())).isEqualTo(1);
		assertThat(audit.count("INDICATOR_VALUE_APPROVED", "INDICATOR_VALUE", r.id())).isEqualTo(1);
		assertThat(audit.count("INDICATOR_VALUE_RETURNED", "INDICATOR_VALUE", r.id())).isEqualTo(1);
		String after = jdbc.queryForObject("""
				SELECT after_state::text FROM audit_event WHERE action = 'INDICATOR_VALUE_RETURNED' AND entity_id = ?""",
				String.class, r.id());
		assertThat(after).contains("RETURNED").contains("Dung lượng chưa trừ");
		String before = jdbc.queryForObject("""
				SELECT before_state::text FROM audit_event WHERE action = 'INDICATOR_VALUE_RETURNED' AND entity_id = ?""",
				String.class, r.id());
		assertThat(before).contains("APPROVED").contains("170");
	}

	@Test
	@DisplayName("a value far outside the agency's series is stored, flagged for the head and DoST")
	void jumpIsFlagged() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("JMP"), "%"));
		fx.enter("gd.skhcn", ind.code(), "2025-Q3", "70.6");
		fx.enter("gd.skhcn", ind.code(), "2025-Q4", "70.9");
		fx.enter("gd.skhcn", ind.code(), "2026-Q1", "71.2");
		IndicatorEntry.Result ok = fx.enter("gd.skhcn", ind.code(), "2026-Q2", "72.1");
		assertThat(ok.flag()).isNull();
		IndicatorEntry.Result jump = fx.enter("cb.skhcn", ind.code(), "2026-Q3", "95");
		assertThat(jump.flag()).contains("khác xa các kỳ trước");
		assertThat(fx.entry.get(jump.id()).flag()).contains("khác xa");
		assertThat(fx.entry.get(jump.id()).state()).isEqualTo(ValueState.DRAFT);
	}

	@Test
	@DisplayName("two people correcting the same value: the later save is refused, not merged")
	void staleVersionIsRefused() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("VER"), "TB"));
		IndicatorEntry.Result r = fx.enter("cb.skhcn", ind.code(), "2026-Q2", "170");
		long version = fx.entry.get(r.id()).version();
		fx.runAs.user("cb.skhcn", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(null, "2026-Q2",
				new BigDecimal("171"), null, null, null, version), null));
		assertThatThrownBy(() -> fx.runAs.user("cb.skhcn", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(null,
				"2026-Q2", new BigDecimal("172"), null, null, null, version), null))).isInstanceOf(ConcurrentEditException.class);
		assertThat(fx.entry.get(r.id()).value()).isEqualByComparingTo("171");
	}

	@Test
	@DisplayName("a source note with markup is refused")
	void markupInNote() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("NOTE"), "TB"));
		assertThatThrownBy(() -> fx.runAs.user("cb.skhcn", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(null,
				"2026-Q2", BigDecimal.TEN, null, null, "<img src=x onerror=alert(1)>", null), null)))
			.isInstanceOf(DomainException.class);
		assertThat(stored(ind)).isZero();
	}
}
