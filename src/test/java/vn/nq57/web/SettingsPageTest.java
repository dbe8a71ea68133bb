package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.kernel.Rates;
import vn.nq57.kernel.VnFormat;
import vn.nq57.security.Fixtures;
import vn.nq57.system.Settings;

/** "Cài đặt": DoST changes the due-soon window and the urging rules; a wrong value saves nothing. */
@IntegrationTest
@AutoConfigureMockMvc
class SettingsPageTest {

	static final String[] KEYS = { "status.due-soon-days", "notify.assignment.days-before", "notify.overdue.every-days",
			Settings.RATES_ROUNDING };

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	Settings settings;

	@Autowired
	JdbcTemplate jdbc;

	Fixtures fx;

	Map<String, String> saved = new HashMap<>();

	@BeforeEach
	void remember() {
		fx = new Fixtures(ctx);
		for (String k : KEYS) {
			saved.put(k, settings.get(k, null));
		}
	}

	@AfterEach
	void restore() {
		// other test classes share this database: put the rules back as they were
		saved.forEach((k, v) -> {
			if (v == null) {
				jdbc.update("DELETE FROM setting WHERE key = ?", k);
				Rates.use(settings.ratesRounding());
			}
			else {
				settings.put(k, v);
			}
		});
	}

	@Test
	void dostChangesTheRulesAndTheChangeIsAudited() throws Exception {
		long audits = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'SETTINGS_CHANGED'", Long.class);
		mvc.perform(get("/settings").with(user(fx.user("sokhcn"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nhắc trước hạn (ngày)")))
			.andExpect(content().string(containsString("Số ngày “sắp đến hạn”")));
		mvc.perform(post("/settings").with(csrf()).with(user(fx.user("sokhcn")))
				.param("status.due-soon-days", " 10 ")
				.param("notify.assignment.days-before", "3, 14,7,0,3"))
			.andExpect(redirectedUrl("/settings"));
		assertThat(settings.dueSoonDays()).isEqualTo(10);
		assertThat(settings.get("notify.assignment.days-before", null)).isEqualTo("14,7,3,0");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'SETTINGS_CHANGED'", Long.class))
			.isEqualTo(audits + 1);
		String after = jdbc.queryForObject(
				"SELECT after_state::text FROM audit_event WHERE action = 'SETTINGS_CHANGED' ORDER BY id DESC LIMIT 1", String.class);
		assertThat(after).contains("14,7,3,0").contains("10");
	}

	@Test
	void oneWrongValueSavesNothingAndSaysWhy() throws Exception {
		String days = settings.get("notify.assignment.days-before", "7,3,1,0");
		int dueSoon = settings.dueSoonDays();
		mvc.perform(post("/settings").with(csrf()).with(user(fx.user("sokhcn")))
				.param("status.due-soon-days", String.valueOf(dueSoon + 5))
				.param("notify.assignment.days-before", "7,abc")
				.param("notify.overdue.every-days", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Số ngày nhắc không hợp lệ")))
			.andExpect(content().string(containsString("Nhắc lại khi quá hạn: “0” không hợp lệ; hãy nhập số nguyên từ 1 đến 90")))
			// what was typed is shown back for correction
			.andExpect(content().string(containsString("value=\"7,abc\"")));
		assertThat(settings.dueSoonDays()).isEqualTo(dueSoon);
		assertThat(settings.get("notify.assignment.days-before", "7,3,1,0")).isEqualTo(days);
	}

	@Test
	void onlyDostAndTheAdministratorChangeSettings() throws Exception {
		mvc.perform(get("/settings").with(user(fx.user("admin")))).andExpect(status().isOk());
		for (String u : new String[] { "lanhdao", "gd.stc", "cb.stc" }) {
			mvc.perform(get("/settings").with(user(fx.user(u)))).andExpect(status().isForbidden());
			mvc.perform(post("/settings").with(csrf()).with(user(fx.user(u))).param("status.due-soon-days", "30"))
				.andExpect(status().isForbidden());
		}
		assertThat(settings.dueSoonDays()).isNotEqualTo(30);
	}

	@Test
	void ratesFollowTheGovernmentOfficeUnlessDostChangesTheRule() throws Exception {
		jdbc.update("DELETE FROM setting WHERE key = ?", Settings.RATES_ROUNDING);
		Rates.use(settings.ratesRounding());
		assertThat(VnFormat.percent(Rates.completionOverAll(16051, 16274))).isEqualTo("98,62%");
		mvc.perform(get("/settings").with(user(fx.user("sokhcn"))))
			.andExpect(content().string(containsString("Cách lấy hai chữ số thập phân của tỷ lệ")));
		mvc.perform(post("/settings").with(csrf()).with(user(fx.user("sokhcn"))).param(Settings.RATES_ROUNDING, "half-up"))
			.andExpect(redirectedUrl("/settings"));
		assertThat(settings.get(Settings.RATES_ROUNDING, null)).isEqualTo("HALF_UP");
		assertThat(VnFormat.percent(Rates.completionOverAll(16051, 16274))).isEqualTo("98,63%");
		mvc.perform(post("/settings").with(csrf()).with(user(fx.user("sokhcn"))).param(Settings.RATES_ROUNDING, "tròn"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hãy chọn “bỏ phần sau chữ số thập phân thứ hai” hoặc “làm tròn nửa lên”")));
		assertThat(Rates.rule()).isEqualTo(Rates.Rule.HALF_UP);
	}

	@Test
	void aValueBrokenInTheDatabaseCountsAsTheDefault() {
		settings.put("status.due-soon-days", "bảy");
		assertThat(settings.dueSoonDays()).isEqualTo(7);
	}
}
