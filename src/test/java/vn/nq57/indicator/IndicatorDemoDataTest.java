package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.DemoIntegrationTest;

/**
 * The demo's indicator set ({@code IndicatorDemoData}), with the demo switched on in a database of its own: the
 * documents' figures on the scoreboard, and every demo value's steps moved back to its period's due date.
 */
@DemoIntegrationTest
class IndicatorDemoDataTest {

	@Autowired IndicatorQueries queries;
	@Autowired MockMvc mvc;

	IndicatorQueries.ScoreRow demo(String code, LocalDate asOf) {
		return queries.scoreboard(null, null, asOf).rows().stream().filter(r -> r.ind().code().equals(code)).findFirst()
			.orElseThrow();
	}

	@Test
	@DisplayName("the demo's values count from their due dates: 5G coverage 35% on 30/6, 43% from 10/7; the 95% jump from 10/10 until DoST returned it on 11/10")
	void demoHistory() {
		assertThat(demo("HT-5G-DS", LocalDate.of(2026, 4, 9)).latest()).isNull();
		assertThat(demo("HT-5G-DS", LocalDate.of(2026, 6, 30)).shown().value()).isEqualTo("35,00%");
		assertThat(demo("HT-5G-DS", LocalDate.of(2026, 6, 30)).shown().period()).isEqualTo("Quý I/2026");
		assertThat(demo("HT-5G-DS", LocalDate.of(2026, 7, 10)).shown().value()).isEqualTo("43,00%");
		assertThat(demo("HT-5G-DS", null).shown().value()).isEqualTo("52,00%");
		assertThat(demo("CQS-VBDT-XA", LocalDate.of(2026, 10, 10)).shown().value()).isEqualTo("95,00%");
		assertThat(demo("CQS-VBDT-XA", LocalDate.of(2026, 10, 11)).shown().value()).isEqualTo("72,10%");
		assertThat(demo("CQS-VBDT-XA", LocalDate.of(2026, 10, 11)).shown().period()).isEqualTo("Quý II/2026");
		// the 2025 report's figures count from 10/01/2026
		assertThat(demo("HT-BTS", LocalDate.of(2026, 1, 9)).latest()).isNull();
		assertThat(demo("HT-BTS", LocalDate.of(2026, 1, 10)).shown().value()).isEqualTo("3.700 trạm");
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("the scoreboard of the demo shows the province's figures from the documents")
	void documentsFigures() throws Exception {
		mvc.perform(get("/indicators"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ khu công nghiệp có sóng 5G (toàn tỉnh)")))
			.andExpect(content().string(containsString("71,43%")))
			.andExpect(content().string(containsString("4/5")))
			.andExpect(content().string(containsString("1.526 cơ quan, đơn vị")))
			.andExpect(content().string(containsString("ts ts-ON_TRACK")));
		assertThat(demo("HT-BTS", null).shown().value()).isEqualTo("3.700 trạm");
	}
}
