package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.indicator.Aggregation.Observation;

/** The province's figures kept in indicator_rollup, as values are entered, approved, returned. */
@IntegrationTest
class IndicatorAggregationTest {

	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;
	@Autowired IndicatorCatalog catalog;

	Map<String, Object> rollup(Indicator ind, String periodStart) {
		List<Map<String, Object>> rows = jdbc.queryForList(
				"SELECT value, numerator, denominator, reported, problem FROM indicator_rollup WHERE indicator_id = ? AND period_start = ?::date",
				ind.id(), periodStart);
		return rows.isEmpty() ? null : rows.get(0);
	}

	@Test
	@DisplayName("5G in industrial zones: Ban Quản lý 4/5 and Sở Tài chính 1/2 make 5/7 = 71,43%, not the mean 65%")
	void ratiosAcrossAgenciesAreRecomputed() {
		Indicator ind = fx.save(fx.share(Fixtures.code("KCN5G"), "BQLKKT", "STC"));
		fx.enterShare("gd.bql", ind.code(), "2026", 4, 5);
		// an officer's value does not count until the head approves it
		IndicatorEntry.Result draft = fx.enterShare("cb.stc", ind.code(), "2026", 1, 2);
		assertThat(draft.state()).isEqualTo(ValueState.DRAFT);
		assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).isEqualByComparingTo("80");

		fx.approve("gd.stc", draft.id());
		Map<String, Object> r = rollup(ind, "2026-01-01");
		assertThat((BigDecimal) r.get("numerator")).isEqualByComparingTo("5");
		assertThat((BigDecimal) r.get("denominator")).isEqualByComparingTo("7");
		assertThat((BigDecimal) r.get("value")).isEqualByComparingTo("71.428571").isNotEqualByComparingTo("65");
		assertThat(r.get("reported")).isEqualTo(2);
	}

	@Test
	@DisplayName("a value DoST returns leaves the province figure; the agency's correction, once approved, comes back in")
	void returnedValuesLeaveTheFigure() {
		Indicator ind = fx.save(fx.share(Fixtures.code("RET"), "BQLKKT", "STC"));
		IndicatorEntry.Result bql = fx.enterShare("gd.bql", ind.code(), "2026", 4, 5);
		fx.enterShare("gd.stc", ind.code(), "2026", 1, 2);
		fx.runAs.user("sokhcn", () -> fx.entry.returnValue(bql.id(), "Mẫu số chưa tính khu công nghiệp Tịnh Phong"));
		assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).isEqualByComparingTo("50");
		assertThat(fx.entry.get(bql.id()).state()).isEqualTo(ValueState.RETURNED);
		assertThat(fx.entry.get(bql.id()).approvedValue()).isNull();

		IndicatorEntry.Result fixed = fx.enterShare("cb.bql", ind.code(), "2026", 4, 6);
		assertThat(fixed.id()).isEqualTo(bql.id());
		assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).isEqualByComparingTo("50");
		fx.approve("gd.bql", fixed.id());
		assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).isEqualByComparingTo("62.5");
		assertThat(fx.runAs.user("sokhcn", () -> fx.entry.history(bql.id()))).extracting(IndicatorEntry.HistoryRow::action)
			.containsExactly("APPROVED", "ENTERED", "RETURNED", "ENTERED");
	}

	@Test
	@DisplayName("a correction waits for approval while the previous approved figure stays")
	void correctionKeepsTheOfficialFigureUntilApproved() {
		String code = Fixtures.code("CORR");
		fx.save(fx.entered(code, "hệ thống"));
		IndicatorEntry.Result first = fx.enter("gd.skhcn", code, "2026-Q1", "24");
		fx.enter("cb.skhcn", code, "2026-Q1", "25");
		Indicator ind = catalog.get(code);
		assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).isEqualByComparingTo("24");
		assertThat(fx.entry.get(first.id()).state()).isEqualTo(ValueState.DRAFT);
		fx.approve("gd.skhcn", first.id());
		assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).isEqualByComparingTo("25");
	}

	@Test
	@DisplayName("a computed indicator is recomputed when an input changes, per agency and for the province")
	void computedFollowsItsInputs() {
		String a = Fixtures.code("CNT");
		String b = Fixtures.code("TOT");
		for (String c : List.of(a, b)) {
			IndicatorForm f = fx.entered(c, "khu");
			f.setBreakdown("AGENCY");
			f.setFrequency("YEARLY");
			f.setReporterIds(new java.util.ArrayList<>(List.of(fx.agency("BQLKKT"), fx.agency("STC"))));
			fx.save(f);
		}
		IndicatorForm cf = fx.computed(Fixtures.code("PCT"), "[" + a + "] / [" + b + "] * 100");
		cf.setBreakdown("AGENCY");
		cf.setFrequency("YEARLY");
		Indicator pct = fx.save(cf);
		fx.enter("gd.bql", a, "2026", "4");
		fx.enter("gd.bql", b, "2026", "5");
		fx.enter("gd.stc", a, "2026", "1");
		fx.enter("gd.stc", b, "2026", "2");
		assertThat((BigDecimal) rollup(pct, "2026-01-01").get("value")).isEqualByComparingTo("71.428571");
		BigDecimal bqlValue = jdbc.queryForObject("SELECT approved_value FROM indicator_value WHERE indicator_id = ? AND agency_id = ?",
				BigDecimal.class, pct.id(), fx.agency("BQLKKT"));
		assertThat(bqlValue).isEqualByComparingTo("80");

		fx.enter("gd.bql", a, "2026", "5");
		assertThat((BigDecimal) rollup(pct, "2026-01-01").get("value")).isEqualByComparingTo("85.714286");
		assertThat(jdbc.queryForObject("SELECT approved_value FROM indicator_value WHERE indicator_id = ? AND agency_id = ?",
				BigDecimal.class, pct.id(), fx.agency("BQLKKT"))).isEqualByComparingTo("100");
	}

	@Test
	@DisplayName("a zero denominator in a computed indicator gives no value and says why; nothing is stored for it")
	void divisionByZeroInAComputedIndicator() {
		String a = Fixtures.code("NUM");
		String b = Fixtures.code("DEN");
		fx.save(fx.entered(a, "khu"));
		fx.save(fx.entered(b, "khu"));
		Indicator pct = fx.save(fx.computed(Fixtures.code("DIV"), "[" + a + "] / [" + b + "] * 100"));
		fx.enter("gd.skhcn", a, "2026-Q2", "3");
		fx.enter("gd.skhcn", b, "2026-Q2", "0");
		Map<String, Object> r = rollup(pct, "2026-04-01");
		assertThat(r.get("value")).isNull();
		assertThat((String) r.get("problem")).contains("mẫu số bằng 0");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM indicator_value WHERE indicator_id = ?", Integer.class, pct.id()))
			.isZero();
		fx.enter("gd.skhcn", b, "2026-Q2", "4");
		assertThat((BigDecimal) rollup(pct, "2026-04-01").get("value")).isEqualByComparingTo("75");
	}

	@Test
	@DisplayName("the rollup in SQL and the rule in Java agree, for every rule")
	void sqlAndJavaAgree() {
		for (Aggregation rule : Aggregation.values()) {
			IndicatorForm f = rule == Aggregation.RATIO ? fx.share(Fixtures.code("AGR")) : fx.entered(Fixtures.code("AGR"), "điểm");
			f.setAggregation(rule.name());
			f.setBreakdown("AGENCY");
			f.setFrequency("YEARLY");
			f.setReporterIds(new java.util.ArrayList<>(List.of(fx.agency("BQLKKT"), fx.agency("STC"), fx.agency("SNV"))));
			Indicator ind = fx.save(f);
			List<Observation> obs;
			if (rule == Aggregation.RATIO) {
				fx.enterShare("gd.bql", ind.code(), "2026", 2, 3);
				fx.enterShare("gd.stc", ind.code(), "2026", 1, 7);
				fx.enterShare("gd.snv", ind.code(), "2026", 5, 9);
				obs = List.of(Observation.ratio(2, 3, BigDecimal.valueOf(100)), Observation.ratio(1, 7, BigDecimal.valueOf(100)),
						Observation.ratio(5, 9, BigDecimal.valueOf(100)));
			}
			else {
				fx.enter("gd.bql", ind.code(), "2026", "2.5");
				fx.enter("gd.stc", ind.code(), "2026", "1");
				fx.enter("gd.snv", ind.code(), "2026", "7.25");
				obs = List.of(Observation.of("2.5"), Observation.of("1"), Observation.of("7.25"));
			}
			BigDecimal java = rule.combine(obs, ind.scale()).value();
			assertThat((BigDecimal) rollup(ind, "2026-01-01").get("value")).as(rule.name()).isEqualByComparingTo(java);
		}
	}
}
