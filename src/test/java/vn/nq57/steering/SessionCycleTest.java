package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

/**
 * A regular session from its record to the follow-up in the next session's brief: four conclusion items (one to a
 * collective, one to two agencies), the bad input of each kind refused or kept as a draft, the notice issued once as
 * a Decree 30 .docx, the tasks created with the deadlines and agencies of the items, and the next brief showing them.
 */
@IntegrationTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class SessionCycleTest {

	@Autowired org.springframework.test.web.servlet.MockMvc mvc;
	@Autowired org.springframework.context.ApplicationContext ctx;

	@Autowired SessionService sessions;
	@Autowired BriefService briefs;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;
	@Autowired World world;

	long session(SessionKind kind, LocalDate day, String focus) {
		return runAs.user("sokhcn", () -> sessions.saveSession(null, new SessionService.SessionInput(kind, day,
				"Phiên họp kiểm thử " + World.seq(), "Phó Chủ tịch UBND tỉnh Trần Phước Hiền", "Trụ sở UBND tỉnh",
				focus == null ? null : world.agency(focus), "Giám đốc Sở Khoa học và Công nghệ báo cáo kết quả triển khai",
				List.of(world.agency("SKHCN"), world.agency("STC"))), null));
	}

	SessionService.Item item(long s, String addressee, String text, String deadline) {
		return runAs.user("sokhcn", () -> sessions.saveItem(s, null,
				new SessionService.ItemInput(addressee, text, null, deadline, false), null));
	}

	long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	@Test
	void aSessionsConclusionsBecomeTasksAndTheNextBriefFollowsThemUp() throws Exception {
		long s = session(SessionKind.REGULAR, LocalDate.of(2026, 5, 6), null);
		String seq = " " + World.seq();
		SessionService.Item a = item(s, "Các sở, ban, ngành, địa phương",
				"Chủ động quán triệt và triển khai các nội dung chỉ đạo" + seq, "Quý I/2027");
		SessionService.Item b = item(s, "Sở KH&CN", "Rà soát đề xuất phân khai kinh phí" + seq, "hoàn thành trong ngày 10/6/2026");
		SessionService.Item c = item(s, "Sở Văn hóa, Thể thao và Du lịch",
				"Triển khai đài truyền thanh ứng dụng công nghệ thông tin - viễn thông" + seq, "trước ngày 01/6/2027");
		SessionService.Item d = item(s, "Sở Tài chính; Sở Nội vụ", "Tham mưu điều chuyển kinh phí" + seq, "sớm nhất có thể");

		assertThat(a.agencyIds()).hasSize(1);
		assertThat(c.agencyIds()).containsExactly(world.agency("SVHTTDL"));
		assertThat(d.agencyIds()).containsExactly(world.agency("STC"), world.agency("SNV"));
		assertThat(b.dueDate()).isEqualTo(LocalDate.of(2026, 6, 10));
		assertThat(c.dueDate()).isEqualTo(LocalDate.of(2027, 5, 31));
		// a deadline the parser cannot read: shown, and the item kept as a draft
		assertThat(d.draft()).isTrue();
		assertThat(d.problem()).contains("sớm nhất có thể");

		long items = count("SELECT count(*) FROM steering_conclusion WHERE session_id = ?", s);
		// no addressee, an unknown addressee (nearest names offered): refused, nothing changed
		assertThatThrownBy(() -> item(s, "", "Nội dung không có cơ quan", "31/12/2026"))
			.isInstanceOf(DomainException.class).hasMessageContaining("Chưa nhập cơ quan nhận");
		assertThatThrownBy(() -> item(s, "So Khoa hoc Cong nghe tinh", "Nội dung", "31/12/2026"))
			.isInstanceOf(DomainException.class).hasMessageContaining("Không có “So Khoa hoc Cong nghe tinh”")
			.hasMessageContaining("Sở Khoa học và Công nghệ");
		assertThat(count("SELECT count(*) FROM steering_conclusion WHERE session_id = ?", s)).isEqualTo(items);

		// the notice is refused while an item is a draft
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> sessions.issue(s, "TB-KT-" + seq.strip(), null, null, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("chưa hoàn chỉnh");
		// a stale edit: 409
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> sessions.saveItem(s, d.id(),
				new SessionService.ItemInput("Sở Tài chính; Sở Nội vụ", d.instruction(), null, "31/12/2026", true), d.version() - 1)))
			.isInstanceOf(ConcurrentEditException.class);
		SessionService.Item fixed = runAs.user("sokhcn", () -> sessions.saveItem(s, d.id(),
				new SessionService.ItemInput("Sở Tài chính; Sở Nội vụ", d.instruction(), null, "31/12/2026", true), d.version()));
		assertThat(fixed.draft()).isFalse();

		String number = "KT-" + seq.strip() + "/TB-UBND";
		SessionService.Session issued = runAs.user("sokhcn",
				() -> sessions.issue(s, number, LocalDate.of(2026, 5, 8), "Nguyễn Quốc Việt", null));
		assertThat(issued.issued()).isTrue();
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> sessions.issue(s, number + "b", null, null, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không ban hành lần thứ hai");

		List<SessionService.Item> after = sessions.items(s);
		assertThat(after).allSatisfy(i -> assertThat(i.taskId()).isNotNull());
		// tasks of the notice's directive, with the items' deadlines and agencies
		Map<String, Object> tb = jdbc.queryForMap("SELECT t.due_date, t.directive_id FROM task_view t WHERE t.id = ?",
				after.get(1).taskId());
		assertThat(tb.get("due_date").toString()).isEqualTo("2026-06-10");
		assertThat(((Number) tb.get("directive_id")).longValue()).isEqualTo(issued.directiveId());
		assertThat(jdbc.queryForList("SELECT agency_id FROM assignment_view WHERE task_id = ? ORDER BY agency_id", Long.class,
				after.get(3).taskId())).containsExactlyInAnyOrder(world.agency("STC"), world.agency("SNV"));
		long members = count("SELECT count(*) FROM assignment_view WHERE task_id = ?", after.get(0).taskId());
		assertThat(members).as("the collective fans out to its members").isGreaterThan(10);
		assertThat(count("SELECT count(*) FROM assignment_view WHERE task_id = ? AND due_date = '2027-03-31'",
				after.get(0).taskId())).isEqualTo(members);

		// the notice as issued: a Decree 30 document reopened with POI
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(sessions.noticeDocx(s)))) {
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("THÔNG BÁO", "Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền",
					"Sở Văn hóa, Thể thao và Du lịch", "(thời hạn: trước ngày 01/6/2027)",
					"Nay thông báo đến các cơ quan, đơn vị, địa phương triển khai thực hiện./.");
		}

		// the next session's brief follows the items up, each linked to its task
		long next = session(SessionKind.REGULAR, LocalDate.of(2026, 7, 15), null);
		world.completed(world.assignment(taskOf(after.get(1)), "SKHCN"),
				LocalDate.of(2026, 6, 9));
		BriefService.Brief brief = runAs.user("sokhcn", () -> briefs.brief(next));
		assertThat(brief.previous().id()).isEqualTo(s);
		Panel follow = brief.sections().stream().filter(p -> p.key().equals("followup")).findFirst().orElseThrow();
		assertThat(follow.grid().rows()).hasSize(4);
		assertThat(follow.grid().rows().get(1).cells().get(4)).isEqualTo("Đã hoàn thành đúng hạn");
		assertThat(follow.grid().rows().get(1).link()).isEqualTo("/tasks/" + after.get(1).taskId());
		assertThat(follow.grid().rows().get(2).cells().get(4)).startsWith("Đang thực hiện");
		var dost = new vn.nq57.security.Fixtures(ctx).user("sokhcn");
		for (String url : List.of("/steering/sessions", "/steering/sessions/" + s, "/steering/sessions/" + next + "/brief",
				"/steering/sessions/" + s + "?edit=" + after.get(0).id(), "/steering/sessions/" + s + "/notice.docx")) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(dost)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		}
		// an agency's officer does not open the sessions
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/steering/sessions/" + s + "/brief")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(new vn.nq57.security.Fixtures(ctx).user("cb.stc"))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(runAs.user("sokhcn", () -> briefs.docx(brief))))) {
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("BÁO CÁO", "KẾT QUẢ THỰC HIỆN KẾT LUẬN PHIÊN HỌP TRƯỚC");
			assertThat(doc.getTables()).isNotEmpty();
		}
	}

	vn.nq57.task.Task taskOf(SessionService.Item i) {
		return runAs.user("sokhcn", () -> taskService.get(i.taskId()));
	}

	@Autowired vn.nq57.task.TaskService taskService;

	@Test
	void aWorkingSessionsBriefIsScopedToItsAgency() {
		String t = "Nhiệm vụ quá hạn của Ban Quản lý " + World.seq();
		vn.nq57.task.Task task = world.task(t).lead("BQLKKT").due("30/9/2026").create();
		world.progress(world.assignment(task, "BQLKKT"), LocalDate.of(2026, 10, 20), 40, "Đã khảo sát",
				"Chưa bố trí được kinh phí số hóa", "Đề nghị Sở Tài chính bố trí kinh phí");
		world.task("Nhiệm vụ quá hạn của Sở Tài chính " + World.seq()).lead("STC").due("30/9/2026").create();
		long s = session(SessionKind.WORKING, LocalDate.of(2026, 11, 21), "BQLKKT");
		BriefService.Brief b = runAs.user("sokhcn", () -> briefs.brief(s));
		Panel behind = b.sections().stream().filter(p -> p.key().equals("behind")).findFirst().orElseThrow();
		assertThat(behind.grid().rows()).anySatisfy(r -> {
			assertThat(r.cells().get(1)).isEqualTo(t);
			assertThat(r.cells().get(4)).isEqualTo("Chưa bố trí được kinh phí số hóa");
		});
		assertThat(behind.grid().rows()).noneSatisfy(r -> assertThat(r.cells().get(1)).contains("Sở Tài chính"));
		Panel proposals = b.sections().stream().filter(p -> p.key().equals("proposals")).findFirst().orElseThrow();
		assertThat(proposals.grid().rows()).anySatisfy(r -> assertThat(r.cells().get(4)).contains("Đề nghị Sở Tài chính"));
		assertThat(proposals.grid().rows()).allSatisfy(r -> assertThat(r.cells().get(1)).contains("Ban Quản lý"));
	}
}
