package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * The scoreboard as of a chosen day: only what had been approved by the end of that day counts (a draft
 * does not, a value DoST had returned does not), and the status is judged against the trajectory at that day.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IndicatorAsOfTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired Fixtures fx;
	@Autowired IndicatorQueries queries;
	@Autowired AppClock clock;
	@Autowired MockMvc mvc;
	@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
	@Autowired org.springframework.transaction.support.TransactionTemplate tx;
	@Autowired IndicatorCalculator calculator;
	@Autowired org.springframework.context.MessageSource messages;

	@AfterEach
	void backToToday() {
		clock.fixAt(TODAY);
	}

	/** Does the work with the clock on that day (the history and approvals carry that day's time: 09:00). */
	void on(LocalDate day, Runnable work) {
		clock.fixAt(day);
		try {
			work.run();
		}
		finally {
			clock.fixAt(TODAY);
		}
	}

	IndicatorQueries.ScoreRow row(Indicator ind, LocalDate asOf) {
		return queries.scoreboard(null, null, asOf).rows().stream().filter(r -> r.ind().id() == ind.id()).findFirst()
			.orElseThrow();
	}

	@Test
	@DisplayName("4/5 approved on 10/3, 1/2 entered on 15/4 and approved on 20/5, 4/5 returned on 1/8, 3/5 on 1/9: each day shows what was approved by then")
	void valuesApprovedUpToTheDay() {
		IndicatorForm f = fx.share(Fixtures.code("ASOF"), "STC", "SKHCN");
		f.setBaselineValue("40");
		f.setBaselineYear("2025");
		f.setTargets("2026: 90");
		Indicator ind = fx.save(f);
		long[] stc = new long[1];
		long[] skhcn = new long[1];
		on(LocalDate.of(2026, 3, 10), () -> stc[0] = fx.enterShare("gd.stc", ind.code(), "2026", 4, 5).id());
		on(LocalDate.of(2026, 4, 15), () -> skhcn[0] = fx.enterShare("cb.skhcn", ind.code(), "2026", 1, 2).id());
		on(LocalDate.of(2026, 5, 20), () -> fx.approve("gd.skhcn", skhcn[0]));
		on(LocalDate.of(2026, 8, 1), () -> fx.runAs.user("sokhcn", () -> fx.entry.returnValue(stc[0], "Thiếu đơn vị trực thuộc")));
		on(LocalDate.of(2026, 9, 1), () -> fx.enterShare("gd.stc", ind.code(), "2026", 3, 5));

		assertThat(row(ind, LocalDate.of(2026, 3, 9)).latest()).isNull();
		assertThat(row(ind, LocalDate.of(2026, 3, 9)).status()).isEqualTo(TargetStatus.NO_DATA);

		IndicatorQueries.ScoreRow march = row(ind, LocalDate.of(2026, 3, 10));
		assertThat(march.latest().value()).isEqualByComparingTo("80");
		assertThat(march.parts()).isEqualTo("4/5");

		// the draft of 15/4 does not count before the head approves it
		assertThat(row(ind, LocalDate.of(2026, 5, 19)).latest().value()).isEqualByComparingTo("80");

		IndicatorQueries.ScoreRow may = row(ind, LocalDate.of(2026, 5, 20));
		assertThat(may.parts()).isEqualTo("5/7");
		assertThat(may.latest().value()).isEqualByComparingTo("71.428571");
		assertThat(may.shown().value()).isEqualTo("71,43%");
		// the page's words: in Vietnamese byte for byte what the line always said, in English no Vietnamese left
		assertThat(may.shown(messages, java.util.Locale.forLanguageTag("vi"))).isEqualTo(may.shown());
		IndicatorQueries.Shown en = may.shown(messages, java.util.Locale.ENGLISH);
		assertThat(en.period()).isEqualTo("Year 2026");
		assertThat(en.statusLabel()).isEqualTo("On track");
		assertThat(en.targetYear()).isEqualTo("year 2026");
		assertThat(en.expected()).startsWith("Expected: ");
		assertThat(en.meta()).contains(" · Yearly · ").doesNotContain("Hằng");
		assertThat(en.value()).isEqualTo("71,43%");
		// trajectory 40% (31/12/2025) → 90% (31/12/2026): about 59% expected on 20/5, 71,43% is ahead
		assertThat(may.status()).isEqualTo(TargetStatus.ON_TRACK);

		IndicatorQueries.ScoreRow august = row(ind, LocalDate.of(2026, 8, 1));
		assertThat(august.parts()).isEqualTo("1/2");
		assertThat(august.latest().value()).isEqualByComparingTo("50");

		IndicatorQueries.ScoreRow october = row(ind, LocalDate.of(2026, 10, 1));
		assertThat(october.parts()).isEqualTo("4/7");
		assertThat(october.shown().value()).isEqualTo("57,14%");
		// about 77,5% expected on 1/10: 57,14% has made less than half the expected progress
		assertThat(october.status()).isEqualTo(TargetStatus.OFF_TRACK);

		// today, from the kept figures: the same as on 1/10, judged at 22/11
		IndicatorQueries.ScoreRow now = row(ind, null);
		assertThat(now.parts()).isEqualTo("4/7");
		assertThat(row(ind, TODAY).parts()).isEqualTo("4/7");
		assertThat(row(ind, TODAY).status()).isEqualTo(now.status());
	}

	@Test
	@DisplayName("a computed indicator as of a day is its formula over its inputs' figures of that day")
	void computedAsOf() {
		Indicator a = fx.save(fx.entered(Fixtures.code("ASA"), "TB"));
		Indicator b = fx.save(fx.entered(Fixtures.code("ASB"), "TB"));
		IndicatorForm cf = fx.computed(Fixtures.code("ASC"), "[" + a.code() + "] / [" + b.code() + "] * 100");
		Indicator c = fx.save(cf);
		on(LocalDate.of(2026, 4, 5), () -> {
			fx.enter("gd.skhcn", a.code(), "2026-Q1", "30");
			fx.enter("gd.skhcn", b.code(), "2026-Q1", "60");
		});
		on(LocalDate.of(2026, 6, 1), () -> fx.enter("gd.skhcn", a.code(), "2026-Q1", "45"));
		assertThat(row(c, LocalDate.of(2026, 4, 4)).latest()).isNull();
		assertThat(row(c, LocalDate.of(2026, 4, 5)).latest().value()).isEqualByComparingTo("50");
		assertThat(row(c, LocalDate.of(2026, 6, 1)).latest().value()).isEqualByComparingTo("75");
		assertThat(row(c, null).latest().value()).isEqualByComparingTo("75");
	}

	@Test
	@DisplayName("a value loaded in bulk (no history) counts as loaded, next to one entered later through the form")
	void bulkLoadedValue() {
		Indicator ind = fx.save(fx.share(Fixtures.code("ASBULK"), "STC", "SKHCN"));
		jdbc.update("""
				INSERT INTO indicator_value(indicator_id, agency_id, period_start, value, numerator, denominator, state,
				  approved_value, approved_numerator, approved_denominator, entered_at, approved_at)
				VALUES (?, ?, DATE '2026-01-01', 80, 4, 5, 'APPROVED', 80, 4, 5, now(), now())""", ind.id(), fx.agency("STC"));
		tx.executeWithoutResult(s -> calculator.recompute(ind, fx.catalog.byCode()));
		on(LocalDate.of(2026, 5, 15), () -> fx.enterShare("gd.skhcn", ind.code(), "2026", 1, 2));
		assertThat(row(ind, LocalDate.of(2026, 5, 1)).parts()).isEqualTo("4/5");
		assertThat(row(ind, LocalDate.of(2026, 5, 15)).parts()).isEqualTo("5/7");
		assertThat(row(ind, null).parts()).isEqualTo("5/7");
	}

	@Test
	@DisplayName("the day is typed dd/MM/yyyy; a day that does not exist or is after today is refused with a message")
	void typedDay() {
		assertThat(IndicatorController.asOfDay("30/09/2026", TODAY)).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(IndicatorController.asOfDay(" 1/10/2026 ", TODAY)).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThatThrownBy(() -> IndicatorController.asOfDay("31/02/2026", TODAY)).isInstanceOf(DomainException.class)
			.hasMessageContaining("không đúng dạng");
		assertThatThrownBy(() -> IndicatorController.asOfDay("2026-09-30", TODAY)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> IndicatorController.asOfDay("23/11/2026", TODAY)).isInstanceOf(DomainException.class)
			.hasMessageContaining("sau hôm nay");
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("the leader's page as of 30/06/2026 says so; a wrong day shows today's with the message")
	void page() throws Exception {
		mvc.perform(get("/indicators").param("asOf", "30/06/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tại ngày <span>30/06/2026</span>")))
			.andExpect(content().string(containsString("value=\"30/06/2026\"")))
			.andExpect(content().string(containsString("&amp;asOf=30/06/2026")));
		mvc.perform(get("/indicators").param("asOf", "31/13/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không đúng dạng ngày/tháng/năm")))
			.andExpect(content().string(containsString("value=\"31/13/2026\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Đang xem bảng chỉ số"))))
			.andExpect(content().string(containsString("71,43%")));
	}
}
