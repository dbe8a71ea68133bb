package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;

/** The jump rule is a setting: its default comes from the migration, DoST changes it, the next value follows it. */
@IntegrationTest
@AutoConfigureMockMvc
class IndicatorSettingsTest {

	@Autowired Fixtures fx;
	@Autowired IndicatorSettings settings;
	@Autowired JdbcTemplate jdbc;
	@Autowired AuditLog audit;
	@Autowired MockMvc mvc;

	@AfterEach
	void restoreDefault() {
		fx.runAs.user("sokhcn", () -> settings.setJumpRule("3", "20", "6"));
	}

	String stored(String key) {
		return jdbc.queryForObject("SELECT value FROM setting WHERE key = ?", String.class, key);
	}

	/** 70,6 · 70,9 · 71,2 · 72,1 approved, then 95 entered: a jump under the default rule. */
	IndicatorEntry.Result jumpTo95() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("JR"), "%"));
		fx.enter("gd.skhcn", ind.code(), "2025-Q3", "70.6");
		fx.enter("gd.skhcn", ind.code(), "2025-Q4", "70.9");
		fx.enter("gd.skhcn", ind.code(), "2026-Q1", "71.2");
		fx.enter("gd.skhcn", ind.code(), "2026-Q2", "72.1");
		return fx.enter("cb.skhcn", ind.code(), "2026-Q3", "95");
	}

	@Test
	@DisplayName("the migration's default is 3 deviations, 20% of the mean, 6 periods; under it 72,1% → 95% is flagged")
	void defaultRule() {
		assertThat(stored(IndicatorSettings.JUMP_SIGMAS)).isEqualTo("3");
		assertThat(stored(IndicatorSettings.JUMP_MIN_PCT)).isEqualTo("20");
		assertThat(stored(IndicatorSettings.JUMP_SERIES)).isEqualTo("6");
		assertThat(settings.jumpRule()).isEqualTo(ValueChecks.JumpRule.DEFAULT);
		assertThat(jumpTo95().flag()).contains("khác xa các kỳ trước");
	}

	@Test
	@DisplayName("DoST widens the rule to 50% of the mean: the same 95% is no longer flagged; the change is audited")
	void dostChangesTheRule() {
		long before = audit.count("INDICATOR_SETTINGS_CHANGED", "SETTING", null);
		fx.runAs.user("sokhcn", () -> settings.setJumpRule("3", "50", "6"));
		assertThat(stored(IndicatorSettings.JUMP_MIN_PCT)).isEqualTo("50");
		assertThat(jumpTo95().flag()).isNull();
		assertThat(audit.count("INDICATOR_SETTINGS_CHANGED", "SETTING", null)).isEqualTo(before + 1);
		String after = jdbc.queryForObject("""
				SELECT after_state::text FROM audit_event WHERE action = 'INDICATOR_SETTINGS_CHANGED' ORDER BY id DESC LIMIT 1""",
				String.class);
		assertThat(after).contains("\"indicator.jump.min-pct\": \"50\"");
		// tighter than the default: 2% of the mean flags even 72,1 after 70,6 · 70,9 · 71,2
		fx.runAs.user("sokhcn", () -> settings.setJumpRule("0,5", "0", "3"));
		Indicator ind = fx.save(fx.entered(Fixtures.code("JT"), "%"));
		fx.enter("gd.skhcn", ind.code(), "2025-Q3", "70.6");
		fx.enter("gd.skhcn", ind.code(), "2025-Q4", "70.9");
		fx.enter("gd.skhcn", ind.code(), "2026-Q1", "71.2");
		assertThat(fx.enter("gd.skhcn", ind.code(), "2026-Q2", "72.1").flag()).contains("khác xa");
	}

	@Test
	@DisplayName("a wrong rule is refused with a message and nothing changes; only DoST sets it")
	void refused() {
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> settings.setJumpRule("ba", "20", "6")))
			.isInstanceOf(DomainException.class).hasMessageContaining("không phải là số");
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> settings.setJumpRule("3", "20", "2")))
			.isInstanceOf(DomainException.class).hasMessageContaining("Số kỳ so sánh phải là số nguyên từ 3 đến 24");
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> settings.setJumpRule("0", "-5", "6,5")))
			.isInstanceOf(DomainException.class).hasMessageContaining("0,5 đến 10").hasMessageContaining("0% đến 1.000%")
			.hasMessageContaining("số nguyên");
		assertThatThrownBy(() -> fx.runAs.user("gd.skhcn", () -> settings.setJumpRule("3", "50", "6")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(settings.jumpRule()).isEqualTo(ValueChecks.JumpRule.DEFAULT);
	}

	@Test
	@DisplayName("a value broken by hand in the table falls back to the default")
	void brokenByHand() {
		jdbc.update("UPDATE setting SET value = 'x' WHERE key = ?", IndicatorSettings.JUMP_SIGMAS);
		assertThat(settings.jumpRule()).isEqualTo(ValueChecks.JumpRule.DEFAULT);
	}

	@Test
	@WithUserDetails("sokhcn")
	@DisplayName("DoST's settings page shows the rule, saves a good one and shows a bad one back with the message")
	void page() throws Exception {
		mvc.perform(get("/indicators/settings")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Quy tắc kiểm tra số liệu chỉ số")))
			.andExpect(content().string(containsString("3 độ lệch chuẩn; 20% bình quân) của 6 kỳ gần nhất")));
		mvc.perform(post("/indicators/settings").with(csrf()).param("sigmas", "2,5").param("minPct", "30").param("series", "8"))
			.andExpect(redirectedUrl("/indicators/settings"));
		assertThat(settings.jumpRule()).isEqualTo(new ValueChecks.JumpRule(new java.math.BigDecimal("2.5"),
				new java.math.BigDecimal("30"), 8));
		mvc.perform(post("/indicators/settings").with(csrf()).param("sigmas", "abc").param("minPct", "30").param("series", "8"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chưa lưu thay đổi nào")))
			.andExpect(content().string(containsString("value=\"abc\"")));
		assertThat(settings.jumpRule().series()).isEqualTo(8);
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("a leader does not change the rule")
	void leaderRefused() throws Exception {
		mvc.perform(get("/indicators/settings")).andExpect(status().isForbidden());
		mvc.perform(post("/indicators/settings").with(csrf()).param("sigmas", "1").param("minPct", "1").param("series", "3"))
			.andExpect(status().isForbidden());
		assertThat(settings.jumpRule()).isEqualTo(ValueChecks.JumpRule.DEFAULT);
	}
}
