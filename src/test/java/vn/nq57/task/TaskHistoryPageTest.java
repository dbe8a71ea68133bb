package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.security.Fixtures;

/**
 * A task's history reads as one story: one entry per action, in Vietnamese, the before → after as a table of field
 * names and values people read (no codes, no JSON), and a filter by agency.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TaskHistoryPageTest {

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext ctx;
	@Autowired TaskService tasks;
	@Autowired ProgressService progress;
	@Autowired RunAs runAs;

	@Test
	@DisplayName("an edit shows its changed fields as Vietnamese names and formatted values; a progress note appears once; the filter keeps one agency's work")
	void oneStory() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		String tag = Fixtures.tag();
		TaskForm f = new TaskForm();
		f.setTitle("Nhiệm vụ kể chuyện " + tag);
		f.setDeadlinePhrase("Quý II/2027");
		f.setLeadAgencyIds(Set.of(fx.agencyId("STC"), fx.agencyId("SNV")));
		Task task = runAs.user("sokhcn", () -> tasks.save(null, f));
		TaskForm edit = new TaskForm();
		edit.setTitle(f.getTitle());
		edit.setDeadlinePhrase("Quý III/2027");
		edit.setLeadAgencyIds(f.getLeadAgencyIds());
		edit.setVersion(tasks.get(task.getId()).getVersion());
		runAs.user("sokhcn", () -> tasks.save(task.getId(), edit));
		long stc = tasks.assignments(task.getId()).stream().filter(a -> a.getAgencyId() == fx.agencyId("STC"))
			.findFirst().orElseThrow().getId();
		ProgressInput in = new ProgressInput();
		in.setPercent(40);
		in.setResults("Đã khảo sát hiện trạng " + tag);
		runAs.user("cb.stc", () -> progress.postProgress(stc, in, null));

		Document page = Jsoup.parse(mvc.perform(get("/tasks/" + task.getId()).with(user(fx.user("sokhcn"))))
			.andReturn().getResponse().getContentAsString());
		Element timeline = page.getElementById("timeline");
		String text = timeline.text();
		assertThat(text).doesNotContain("TASK_UPDATED", "TASK_CREATED", "PROGRESS_POSTED", "\"deadline\"", "{", "dueDate");
		assertThat(text).contains("Sửa nhiệm vụ", "Giao nhiệm vụ");
		Element edited = timeline.select("li.change").stream().filter(li -> li.text().contains("Sửa nhiệm vụ"))
			.findFirst().orElseThrow();
		List<String> rows = edited.select("table.changes tbody tr").eachText();
		assertThat(rows).contains("Thời gian hoàn thành Quý II/2027 Quý III/2027", "Hạn hoàn thành 30/06/2027 30/09/2027");
		assertThat(timeline.select("li").eachText().stream().filter(t -> t.contains("Cập nhật tiến độ"))).hasSize(1);

		Document onlySnv = Jsoup.parse(mvc.perform(get("/tasks/" + task.getId()).param("historyAgency",
				String.valueOf(fx.agencyId("SNV"))).with(user(fx.user("sokhcn")))).andReturn().getResponse()
			.getContentAsString());
		assertThat(onlySnv.getElementById("timeline").text()).doesNotContain("Đã khảo sát hiện trạng " + tag, "Sửa nhiệm vụ");
		Document onlyStc = Jsoup.parse(mvc.perform(get("/tasks/" + task.getId()).param("historyAgency",
				String.valueOf(fx.agencyId("STC"))).with(user(fx.user("sokhcn")))).andReturn().getResponse()
			.getContentAsString());
		assertThat(onlyStc.getElementById("timeline").text()).contains("Đã khảo sát hiện trạng " + tag);
	}
}
