package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.security.Fixtures;
import vn.nq57.system.AppClock;

/**
 * The task list read by keyset (issue 22): pages that follow each other's cursors are complete and without
 * duplicates across page boundaries even when many tasks share the deadline they are sorted by, forwards and
 * backwards, in the default order (which is the old "most urgent first" order on the fixed day) and by deadline.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TaskListKeysetTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskQueries queries;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Autowired
	AppClock clock;

	@Autowired
	RunAs runAs;

	Fixtures fx;

	String tag;

	Plan plan;

	/** 33 tasks in ties of eleven: overdue on one day, in time on one day, ongoing (no deadline to sort by). */
	@BeforeEach
	void tasksInTies() {
		fx = new Fixtures(ctx);
		tag = Fixtures.tag();
		plan = runAs.user("sokhcn", () -> tasks.savePlan(null, null, "Kế hoạch thử trang " + tag, 2026,
				List.<String[]>of(new String[] { "I", "Nhóm " + tag }), null));
		String[] phrases = { "Quý III/2026", "Quý IV/2026", "Thường xuyên" };
		for (int i = 0; i < 33; i++) {
			TaskForm f = new TaskForm();
			f.setTitle("Nhiệm vụ phân trang " + i + " " + tag);
			f.setDeadlinePhrase(phrases[i % 3]);
			f.setPlanId(plan.getId());
			f.setLeadAgencyIds(java.util.Set.of(fx.agencyId(i % 2 == 0 ? "STC" : "SNV")));
			runAs.user("sokhcn", () -> tasks.save(null, f));
		}
	}

	private TaskQueries.Filter planFilter(String sort) {
		return new TaskQueries.Filter(plan.getId(), null, null, null, false, null, null, null, sort);
	}

	private List<Long> walkForward(String sort, int size) {
		List<Long> seen = new ArrayList<>();
		LocalDate today = clock.today();
		TaskQueries.ListPage page = queries.search(planFilter(sort), today, 7, 0, size, null);
		int n = 0;
		while (true) {
			page.page().rows().forEach(r -> seen.add(r.id()));
			if (!page.page().hasNext()) {
				return seen;
			}
			assertThat(page.page().total()).isEqualTo(33);
			page = queries.search(planFilter(sort), today, 7, ++n, size, TaskQueries.Cursor.after(page.lastKey()));
		}
	}

	private List<Long> walkBackward(String sort, int size, List<Long> forward) {
		LocalDate today = clock.today();
		int last = (forward.size() - 1) / size;
		// start on the last page (by its number), then follow the "previous" cursors
		TaskQueries.ListPage page = queries.search(planFilter(sort), today, 7, last, size, null);
		List<List<Long>> pages = new ArrayList<>();
		for (int n = last;; n--) {
			pages.add(0, page.page().rows().stream().map(TaskQueries.TaskRow::id).toList());
			if (n == 0) {
				break;
			}
			page = queries.search(planFilter(sort), today, 7, n - 1, size, TaskQueries.Cursor.before(page.firstKey()));
			assertThat(page.page().rows()).as("a full page before page %d", n).hasSize(size);
		}
		return pages.stream().flatMap(List::stream).toList();
	}

	@Test
	@DisplayName("the default order pages by keyset: every task once, in the old most-urgent-first order, backwards too")
	void urgentOrder() {
		List<Long> expected = jdbc.queryForList("""
				SELECT t.id FROM task t WHERE t.plan_id = :plan
				ORDER BY task_status_rank(t.open_count, t.open_min_due, t.open_conditional, t.open_ongoing, t.late_count, :today) DESC,
				         t.open_min_due NULLS LAST, t.id""",
				new MapSqlParameterSource("plan", plan.getId()).addValue("today", java.sql.Date.valueOf(clock.today())),
				Long.class);
		assertThat(expected).hasSize(33);
		for (int size : new int[] { 5, 7, 11, 25 }) {
			List<Long> forward = walkForward(null, size);
			assertThat(forward).as("page size %d", size).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
			assertThat(walkBackward(null, size, forward)).as("backwards, page size %d", size)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	@DisplayName("the order by deadline pages by keyset: ties on the deadline split across pages lose and repeat nothing")
	void deadlineOrder() {
		List<Long> expected = jdbc.queryForList("""
				SELECT t.id FROM task t WHERE t.plan_id = :plan
				ORDER BY coalesce(t.open_min_due, t.due_date) NULLS LAST, t.id""",
				new MapSqlParameterSource("plan", plan.getId()), Long.class);
		for (int size : new int[] { 4, 10 }) {
			List<Long> forward = walkForward("due", size);
			assertThat(forward).as("page size %d", size).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
			assertThat(walkBackward("due", size, forward)).containsExactlyElementsOf(expected);
		}
		// the status filter is a range of the same index order, and pages the same way
		var overdue = new TaskQueries.Filter(plan.getId(), null, null, TaskStatus.OVERDUE, false, null, null, null, "due");
		var first = queries.search(overdue, clock.today(), 7, 0, 4, null);
		var second = queries.search(overdue, clock.today(), 7, 1, 4, TaskQueries.Cursor.after(first.lastKey()));
		var third = queries.search(overdue, clock.today(), 7, 2, 4, TaskQueries.Cursor.after(second.lastKey()));
		List<Long> all = new ArrayList<>();
		for (var p : List.of(first, second, third)) {
			p.page().rows().forEach(r -> {
				assertThat(r.status()).isEqualTo(TaskStatus.OVERDUE);
				all.add(r.id());
			});
		}
		assertThat(first.page().total()).isEqualTo(11);
		assertThat(all).hasSize(11).doesNotHaveDuplicates();
	}

	@Test
	@DisplayName("the page's next and previous links carry the cursors and walk the whole list")
	void linksOnThePage() throws Exception {
		String url = "/tasks?plan=" + plan.getId() + "&sort=due";
		LinkedHashSet<String> titles = new LinkedHashSet<>();
		int pages = 0;
		String prev = null;
		while (url != null) {
			String html = mvc.perform(get(url.replace("&amp;", "&")).with(user(fx.user("sokhcn"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			Matcher m = Pattern.compile("Nhiệm vụ phân trang \\d+ " + tag).matcher(html);
			int onPage = 0;
			while (m.find()) {
				assertThat(titles.add(m.group())).as("shown once: %s", m.group()).isTrue();
				onPage++;
			}
			assertThat(onPage).isPositive();
			assertThat(html).contains("Tìm thấy 33 nhiệm vụ");
			Matcher next = Pattern.compile("href=\"([^\"]*)\">Trang sau").matcher(html);
			Matcher previous = Pattern.compile("href=\"([^\"]*)\">‹ Trang trước").matcher(html);
			if (pages > 0) {
				assertThat(previous.find()).isTrue();
				prev = previous.group(1);
				// the second page's previous page is the first: its plain address
				assertThat(prev).contains("page=0");
			}
			url = next.find() ? next.group(1) : null;
			if (url != null) {
				assertThat(url).contains("after=");
			}
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(titles).hasSize(33);
		// the previous link of the last page gives back the first page's 25 tasks
		String back = mvc.perform(get(prev.replace("&amp;", "&")).with(user(fx.user("sokhcn"))))
			.andReturn().getResponse().getContentAsString();
		Matcher m = Pattern.compile("Nhiệm vụ phân trang \\d+ " + tag).matcher(back);
		List<String> firstPage = new ArrayList<>();
		while (m.find()) {
			firstPage.add(m.group());
		}
		assertThat(firstPage).containsExactlyElementsOf(new ArrayList<>(titles).subList(0, 25));
	}

	@Test
	@DisplayName("a count kept in memory is read again within its time and the page says when it was counted")
	void keptCount() {
		TaskQueries kept = new TaskQueries(jdbc, 60);
		var filter = planFilter(null);
		var first = kept.search(filter, clock.today(), 7, 0, 10, null);
		assertThat(first.countedAt()).isNull();
		assertThat(first.page().total()).isEqualTo(33);
		TaskForm f = new TaskForm();
		f.setTitle("Một nhiệm vụ nữa " + tag);
		f.setDeadlinePhrase("Quý IV/2026");
		f.setPlanId(plan.getId());
		f.setLeadAgencyIds(java.util.Set.of(fx.agencyId("STC")));
		runAs.user("sokhcn", () -> tasks.save(null, f));
		var again = kept.search(filter, clock.today(), 7, 0, 10, null);
		assertThat(again.countedAt()).isNotNull();
		assertThat(again.page().total()).isEqualTo(33);
		kept.forgetCounts();
		assertThat(kept.search(filter, clock.today(), 7, 0, 10, null).page().total()).isEqualTo(34);
		// the application's own queries count afresh in the tests (nq57.tasks.count-cache-seconds=0)
		assertThat(queries.search(filter, clock.today(), 7, 0, 10, null).countedAt()).isNull();
	}
}
