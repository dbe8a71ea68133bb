package vn.nq57.overview;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;

/** Only roles that see every agency open the overview; an agency's officer gets 403, page and API alike. */
@IntegrationTest
@AutoConfigureMockMvc
class OverviewAccessTest {

	@Autowired
	MockMvc mvc;

	@Test
	@WithUserDetails("cb.stc")
	void agencyOfficerIsRefusedThePage() throws Exception {
		mvc.perform(get("/overview")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("cb.stc")
	void agencyOfficerIsRefusedTheApiWithJson() throws Exception {
		mvc.perform(get("/api/v1/overview"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("tổng quan")));
	}

	@Test
	@WithUserDetails("gd.stc")
	void agencyHeadIsRefusedToo() throws Exception {
		mvc.perform(get("/api/v1/overview")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("lanhdao")
	void leaderSeesThePage() throws Exception {
		mvc.perform(get("/overview"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn")))
			.andExpect(content().string(containsString("Tỷ lệ hoàn thành trên tổng số nhiệm vụ")))
			.andExpect(content().string(containsString("Tỷ lệ nhiệm vụ quá hạn")))
			.andExpect(content().string(containsString("Không thuộc nhóm")))
			.andExpect(content().string(containsString("data-chart=")))
			.andExpect(content().string(containsString("href=\"/tasks?agency=")))
			.andExpect(content().string(containsString("href=\"/tasks?status=OVERDUE\"")))
			.andExpect(content().string(containsString("href=\"/tasks/")));
	}

	@Test
	@WithUserDetails("lanhdao")
	void leaderSeesAnEarlierDayAndABadDayIsExplained() throws Exception {
		mvc.perform(get("/overview").param("day", "01/07/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("01/07/2026")));
		mvc.perform(get("/overview").param("day", "31/02/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không hợp lệ")));
	}

	@Test
	@WithUserDetails("lanhdao")
	void leaderGetsTheJson() throws Exception {
		mvc.perform(get("/api/v1/overview").param("day", "2026-11-22"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.day").value("2026-11-22"))
			.andExpect(jsonPath("$.totals", hasKey("COMPLETED_ON_TIME")))
			.andExpect(jsonPath("$.totals", hasKey("COMPLETED_LATE")))
			.andExpect(jsonPath("$.totals", hasKey("IN_PROGRESS")))
			.andExpect(jsonPath("$.totals", hasKey("OVERDUE")))
			.andExpect(jsonPath("$.totals", hasKey("AWAITING_TRIGGER")))
			.andExpect(jsonPath("$.totals", hasKey("ONGOING")))
			.andExpect(jsonPath("$.totals", hasKey("NO_DEADLINE")))
			.andExpect(jsonPath("$.completionRateOverDue").isNumber())
			.andExpect(jsonPath("$.byGroup").isArray())
			.andExpect(jsonPath("$.agencies").isArray());
	}

	@Test
	@WithUserDetails("sokhcn")
	void unknownPlanIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/overview").param("plan", "999999")).andExpect(status().isNotFound());
	}
}
