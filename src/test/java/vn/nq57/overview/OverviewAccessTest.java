package vn.nq57.overview;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * Only roles that see every agency open the overview; an agency's officer gets 403, page and API alike. The data
 * the leader's page shows: a plan of the class with a task completed on time, an overdue one, and one outside the
 * task groups.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@BeforeAll
	void data() {
		Plan plan = world.plan("Kế hoạch kiểm thử trang tổng quan " + World.seq()).groups("I", "II").create();
		Task done = world.task("Ban hành kế hoạch chuyển đổi số (tổng quan)").in(plan, "I").stt("1").lead("STC")
			.due("30/6/2026").create();
		world.completed(world.assignment(done, "STC"), LocalDate.of(2026, 6, 20));
		world.task("Xây dựng cơ sở dữ liệu (tổng quan)").in(plan, "II").stt("1").lead("SNV").due("30/9/2026").create();
		world.task("Nhiệm vụ ngoài nhóm (tổng quan)").in(plan, null).lead("BQLKKT").due("31/12/2026").create();
	}

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
