package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.DemoIntegrationTest;

/**
 * The demo's money: a decided 2026 call (adjusted, returned, refused, allocated; a fictitious decision marked as
 * illustrative, a reallocation, two quarters of disbursement) and an open 2027 call with drafts, submitted, accepted and
 * adjusted proposals: every state; the two shares on the scoreboard.
 */
@DemoIntegrationTest
class FundingDemoDataTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void everyStateADecisionMarkedAsDemoAReallocationAndTwoQuarters() {
		List<String> states = jdbc.queryForList("SELECT DISTINCT state FROM funding_proposal ORDER BY state", String.class);
		assertThat(states).containsExactlyInAnyOrder("DRAFT", "SUBMITTED", "ACCEPTED", "ADJUSTED", "RETURNED", "REFUSED",
				"ALLOCATED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_call WHERE decision_demo AND decision_number LIKE '%minh họa%'",
				Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_allocation WHERE demo", Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_reallocation", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForList("SELECT DISTINCT period_index FROM funding_disbursement WHERE period_kind = 'QUARTER'",
				Integer.class)).containsExactlyInAnyOrder(1, 2);
	}

	@Test
	@WithUserDetails("lanhdao")
	void theSharesAreOnTheScoreboardAndTheDashboard() throws Exception {
		mvc.perform(get("/indicators")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ kinh phí ngân sách phân bổ cho khoa học")));
		mvc.perform(get("/funding/dashboard").param("year", "2026")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Sở Nội vụ")));
	}
}
