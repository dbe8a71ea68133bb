package vn.nq57.upward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.DemoIntegrationTest;
import vn.nq57.account.UserService;

/** The demo: a call modelled on 004 answered by the demo agencies, a national list mapped, the 001 notice's follow-up. */
@DemoIntegrationTest
class UpwardDemoTest {

	@Autowired JdbcTemplate jdbc;
	@Autowired MockMvc mvc;
	@Autowired UserService users;

	@Test
	void theDemoShowsACallAListAndAFollowUp() throws Exception {
		Long call = jdbc.queryForObject("SELECT id FROM data_call WHERE title LIKE 'Cung cấp dữ liệu%57-NQ/TW%minh họa%'", Long.class);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM data_call_question WHERE call_id = ?", Integer.class, call)).isEqualTo(12);
		assertThat(jdbc.queryForObject("SELECT count(DISTINCT kind) FROM data_call_question WHERE call_id = ?", Integer.class, call)).isGreaterThanOrEqualTo(6);
		int sent = jdbc.queryForObject("SELECT count(*) FROM data_call_response WHERE call_id = ? AND state = 'SUBMITTED'", Integer.class, call);
		int asked = jdbc.queryForObject("SELECT count(*) FROM data_call_target WHERE call_id = ?", Integer.class, call);
		assertThat(sent).isGreaterThanOrEqualTo(4).isLessThan(asked);
		var dost = user(users.loadUserByUsername("sokhcn"));
		mvc.perform(get("/datacalls/" + call + "/consolidated").with(dost)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tổng hợp")));
		mvc.perform(get("/datacalls/" + call).with(dost)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ báo cáo đầy đủ")));
		mvc.perform(get("/datacalls/" + call + "/answer").with(user(users.loadUserByUsername("cb.stc")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Số liệu minh họa")));

		long mapped = jdbc.queryForObject("SELECT count(*) FROM upstream_code c JOIN upstream_system s ON s.id = c.system_id "
				+ "WHERE s.code = 'NQ57-TW' AND c.subject_type = 'INDICATOR'", Long.class);
		assertThat(mapped).isGreaterThanOrEqualTo(4);
		mvc.perform(get("/upward/systems/NQ57-TW").with(dost)).andExpect(status().isOk())
			.andExpect(content().string(containsString("NQ57.CT.")));

		Long notice = jdbc.queryForObject("SELECT id FROM directive_view WHERE number = 'TB ngày 08/4/2026 (BCĐ)'", Long.class);
		mvc.perform(get("/upward/followup/" + notice).with(dost)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM task_view WHERE directive_id = ?", Long.class, notice)).isPositive();
		mvc.perform(get("/upward/followup/" + notice + ".docx").with(dost)).andExpect(status().isOk());
	}
}
