package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.security.Fixtures;

/**
 * The task list page: the total that comes with the page's rows (one window count), the plan and group
 * filters from one light query, and the agency filter as a drop-down only for a short registry.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TaskListPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskQueries queries;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	RunAs runAs;

	Fixtures fx;

	String tag;

	Plan plan;

	@BeforeEach
	void thirtyTasksOfOnePlan() {
		fx = new Fixtures(ctx);
		tag = Fixtures.tag();
		plan = runAs.user("sokhcn", () -> tasks.savePlan(null, null, "Kế hoạch thử danh sách " + tag, 2026,
				List.of(new String[] { "I", "Nhóm một " + tag }, new String[] { "II", "Nhóm hai " + tag }), null));
		Long groupTwo = tasks.plan(plan.getId()).getGroups().get(1).getId();
		for (int i = 1; i <= 30; i++) {
			TaskForm f = new TaskForm();
			f.setTitle("Nhiệm vụ chuyển đổi số thứ " + i + " " + tag);
			f.setDeadlinePhrase("Quý IV/2026");
			f.setPlanId(plan.getId());
			f.setGroupId(i <= 12 ? groupTwo : null);
			f.setLeadAgencyIds(java.util.Set.of(fx.agencyId("STC")));
			runAs.user("sokhcn", () -> tasks.save(null, f));
		}
	}

	@Test
	@DisplayName("the count of matching tasks is the same on every page, and on a page past the end")
	void totalOnEveryPage() throws Exception {
		for (int page : new int[] { 0, 1, 9 }) {
			String html = mvc.perform(get("/tasks").param("q", "chuyen doi so " + tag.toLowerCase())
				.param("page", String.valueOf(page)).with(user(fx.user("sokhcn"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Tìm thấy 30 nhiệm vụ")))
				.andReturn().getResponse().getContentAsString();
			int rows = count(html, "Nhiệm vụ chuyển đổi số thứ \\d+ " + tag);
			assertThat(rows).as("rows on page %d", page).isEqualTo(page == 0 ? 25 : page == 1 ? 5 : 0);
		}
		// the group filter narrows it, and the count follows
		Long groupTwo = tasks.plan(plan.getId()).getGroups().get(1).getId();
		mvc.perform(get("/tasks").param("group", groupTwo.toString()).param("q", tag).with(user(fx.user("sokhcn"))))
			.andExpect(content().string(containsString("Tìm thấy 12 nhiệm vụ")));
	}

	@Test
	@DisplayName("the plan and group filters list the plan and its groups in order")
	void planAndGroupOptions() throws Exception {
		var option = queries.planOptions().stream().filter(p -> p.id() == plan.getId()).findFirst().orElseThrow();
		assertThat(option.title()).isEqualTo("Kế hoạch thử danh sách " + tag);
		assertThat(option.groups()).extracting(TaskQueries.GroupOption::code).containsExactly("I", "II");
		mvc.perform(get("/tasks").with(user(fx.user("sokhcn"))))
			.andExpect(content().string(containsString("<option value=\"" + plan.getId() + "\">Kế hoạch thử danh sách " + tag)))
			.andExpect(content().string(containsString(">II. Nhóm hai " + tag + "</option>")));
	}

	@Test
	@DisplayName("the agency filter is the shared searchable picker for the province, absent for an agency's staff")
	void agencyFilterIsTheSearchablePicker() throws Exception {
		mvc.perform(get("/tasks").with(user(fx.user("sokhcn"))))
			.andExpect(content().string(containsString("id=\"agency-q\"")))
			.andExpect(content().string(containsString("name=\"agency-typed\"")))
			.andExpect(content().string(containsString("data-url=\"/pick/agencies?scope=LEADS\"")));
		// typed without JavaScript: resolved on the server into the filter, the agency shown as chosen
		mvc.perform(get("/tasks").param("agency-typed", "so tai chinh").param("agency-mode", "single")
			.with(user(fx.user("sokhcn"))))
			.andExpect(content().string(containsString("name=\"agency\" value=\"" + fx.agencyId("STC") + "\" checked")));
		// an agency's officer sees only their own agency's tasks: no agency filter at all
		mvc.perform(get("/tasks").with(user(fx.user("cb.stc"))))
			.andExpect(content().string(not(containsString("id=\"agency-q\""))));
	}

	private static int count(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}
}
