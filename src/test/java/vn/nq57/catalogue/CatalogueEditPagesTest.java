package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The edit and close page of a technology need, and the form that links an information system to the tasks and the
 * big problem that built it: who may, the audit of each change with before and after, a stale version answered 409,
 * bad input refused in Vietnamese with nothing changed.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CatalogueEditPagesTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired TechService tech;
	@Autowired InventoryService inventory;
	@Autowired BigProblemService problems;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String flash(org.springframework.test.web.servlet.MvcResult r) {
		Object f = r.getFlashMap().get("error");
		return f == null ? String.valueOf(r.getFlashMap()) : f.toString();
	}

	@Test
	@DisplayName("a need: its agency edits it (audited before/after), a stale version is 409, another agency is refused; closed with a reason, reopened")
	void editAndCloseANeed() throws Exception {
		String title = "Nhu cầu sửa kiểm thử " + World.seq();
		long id = runAs.user("cb.skhcn", () -> tech.createNeed(new TechService.NeedInput("AGENCY", world.agency("SKHCN"), null,
				"Nông nghiệp", title, "Mô tả ban đầu", null, "100 triệu", "200 triệu", null)));
		long v = runAs.user("cb.skhcn", () -> tech.need(id)).version();

		mvc.perform(get("/catalogue/tech/needs/" + id + "/edit").with(as("cb.skhcn"))).andExpect(status().isOk());
		mvc.perform(get("/catalogue/tech/needs/" + id).with(as("cb.skhcn"))).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("/catalogue/tech/needs/" + id + "/edit")));
		mvc.perform(get("/catalogue/tech/needs/" + id + "/edit").with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(post("/catalogue/tech/needs/" + id).with(as("cb.stc")).with(csrf()).param("version", String.valueOf(v))
			.param("field", "Nông nghiệp").param("title", "Chiếm quyền").param("description", "x"))
			.andExpect(status().isForbidden());

		// a budget that is not money: a Vietnamese message, nothing changed
		var bad = mvc.perform(post("/catalogue/tech/needs/" + id).with(as("cb.skhcn")).with(csrf()).param("version", String.valueOf(v))
			.param("sourceKind", "AGENCY").param("field", "Nông nghiệp").param("title", title + " sửa")
			.param("description", "Mô tả đã sửa").param("budgetMin", "nhiều tiền")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(flash(bad)).contains("không đọc được");
		assertThat(runAs.user("sokhcn", () -> tech.need(id)).title()).isEqualTo(title);

		mvc.perform(post("/catalogue/tech/needs/" + id).with(as("cb.skhcn")).with(csrf()).param("version", String.valueOf(v))
			.param("sourceKind", "AGENCY").param("field", "Nông nghiệp công nghệ cao").param("title", title + " sửa")
			.param("description", "Mô tả đã sửa").param("budgetMin", "150 triệu").param("budgetMax", "300 triệu"))
			.andExpect(status().is3xxRedirection());
		TechService.Need edited = runAs.user("sokhcn", () -> tech.need(id));
		assertThat(edited.title()).isEqualTo(title + " sửa");
		assertThat(edited.budgetMin()).isEqualTo(150_000_000L);
		assertThat(edited.version()).isGreaterThan(v);

		// the same old version again: 409, nothing changed
		mvc.perform(post("/catalogue/tech/needs/" + id).with(as("sokhcn")).with(csrf()).param("version", String.valueOf(v))
			.param("sourceKind", "AGENCY").param("field", "Khác").param("title", "Ghi đè").param("description", "Ghi đè"))
			.andExpect(status().isConflict());
		mvc.perform(post("/catalogue/tech/needs/" + id + "/close").with(as("sokhcn")).with(csrf()).param("version", String.valueOf(v))
			.param("reason", "Cũ")).andExpect(status().isConflict());
		assertThat(runAs.user("sokhcn", () -> tech.need(id)).title()).isEqualTo(title + " sửa");

		// closing needs a reason
		var noReason = mvc.perform(post("/catalogue/tech/needs/" + id + "/close").with(as("cb.skhcn")).with(csrf())
			.param("version", String.valueOf(edited.version()))).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(flash(noReason)).contains("lý do");
		assertThat(runAs.user("sokhcn", () -> tech.need(id)).state()).isEqualTo("OPEN");
		mvc.perform(post("/catalogue/tech/needs/" + id + "/close").with(as("cb.skhcn")).with(csrf())
			.param("version", String.valueOf(edited.version())).param("reason", "Đã đáp ứng bằng ngân sách của Sở"))
			.andExpect(status().is3xxRedirection());
		TechService.Need closed = runAs.user("sokhcn", () -> tech.need(id));
		assertThat(closed.state()).isEqualTo("CLOSED");
		mvc.perform(post("/catalogue/tech/needs/" + id + "/reopen").with(as("sokhcn")).with(csrf())
			.param("version", String.valueOf(closed.version()))).andExpect(status().is3xxRedirection());
		assertThat(runAs.user("sokhcn", () -> tech.need(id)).state()).isEqualTo("OPEN");

		List<java.util.Map<String, Object>> audit = jdbc.queryForList("""
				SELECT action, before_state::text AS before, after_state::text AS after FROM audit_event
				WHERE entity_type = 'TECH_NEED' AND entity_id = ? AND action <> 'ACCESS_DENIED' ORDER BY id""", id);
		assertThat(audit).extracting(m -> m.get("action")).containsExactly("TECH_NEED_CREATED", "TECH_NEED_EDITED",
				"TECH_NEED_CLOSED", "TECH_NEED_REOPENED");
		assertThat((String) audit.get(1).get("before")).contains(title).contains("Mô tả ban đầu");
		assertThat((String) audit.get(1).get("after")).contains(title + " sửa");
		assertThat((String) audit.get(2).get("after")).contains("CLOSED").contains("Đã đáp ứng");
	}

	@Test
	@DisplayName("a system's page links it to tasks and a big problem through a form; unknown numbers change nothing; 409 on a stale version")
	void linkASystemThroughTheForm() throws Exception {
		int n = World.seq();
		Task t1 = world.task("Nhiệm vụ xây dựng hệ thống " + n).lead("STC").due("31/12/2026").create();
		Task t2 = world.task("Nhiệm vụ nâng cấp hệ thống " + n).lead("STC").due("31/12/2026").create();
		long skhcn = world.agency("SKHCN");
		long problem = runAs.user("sokhcn", () -> problems.propose(new BigProblemService.Input("Bài toán liên kết hệ thống " + n,
				"Vấn đề", "Sản phẩm", "2026", "1 tỷ", skhcn, skhcn, null, null), true));
		long sys = runAs.user("sokhcn", () -> inventory.create(new InventoryService.Input("Hệ thống liên kết kiểm thử " + n, skhcn,
				"Mục đích", "SOFTWARE", null, "CLOUD", null, false, false, false, null, "OPERATING", "2025", null, null)));
		long v = runAs.user("sokhcn", () -> inventory.get(sys)).version();

		String page = mvc.perform(get("/catalogue/systems/" + sys).with(as("sokhcn"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"system-links\"").contains("name=\"add\"");

		// an unknown task number: refused, nothing linked
		var unknown = mvc.perform(post("/catalogue/systems/" + sys + "/links").with(as("sokhcn")).with(csrf())
			.param("version", String.valueOf(v)).param("add", t1.getId() + ", 999999999")).andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(flash(unknown)).contains("Không có nhiệm vụ số 999999999");
		var letters = mvc.perform(post("/catalogue/systems/" + sys + "/links").with(as("sokhcn")).with(csrf())
			.param("version", String.valueOf(v)).param("add", "abc")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(flash(letters)).contains("không phải số hiệu nhiệm vụ");
		assertThat(runAs.user("sokhcn", () -> inventory.get(sys)).taskIds()).isEmpty();
		// another agency's officer may not
		mvc.perform(post("/catalogue/systems/" + sys + "/links").with(as("cb.stc")).with(csrf())
			.param("version", String.valueOf(v)).param("add", String.valueOf(t1.getId()))).andExpect(status().isForbidden());

		mvc.perform(post("/catalogue/systems/" + sys + "/links").with(as("sokhcn")).with(csrf())
			.param("version", String.valueOf(v)).param("add", t1.getId() + ", #" + t2.getId())
			.param("bigProblemId", String.valueOf(problem))).andExpect(status().is3xxRedirection());
		InfoSystem linked = runAs.user("sokhcn", () -> inventory.get(sys));
		assertThat(linked.taskIds()).containsExactly(t1.getId(), t2.getId());
		assertThat(linked.bigProblemId()).isEqualTo(problem);
		String shown = mvc.perform(get("/catalogue/systems/" + sys).with(as("sokhcn"))).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(shown).contains("Nhiệm vụ xây dựng hệ thống " + n).contains("Nhiệm vụ nâng cấp hệ thống " + n);

		// the old version again: 409
		mvc.perform(post("/catalogue/systems/" + sys + "/links").with(as("sokhcn")).with(csrf())
			.param("version", String.valueOf(v)).param("add", "")).andExpect(status().isConflict());
		// untick one: only the kept one stays
		mvc.perform(post("/catalogue/systems/" + sys + "/links").with(as("sokhcn")).with(csrf())
			.param("version", String.valueOf(linked.version())).param("keep", String.valueOf(t2.getId()))
			.param("bigProblemId", String.valueOf(problem))).andExpect(status().is3xxRedirection());
		assertThat(runAs.user("sokhcn", () -> inventory.get(sys)).taskIds()).containsExactly(t2.getId());
		// editing the system's fields keeps its big problem
		InfoSystem now = runAs.user("sokhcn", () -> inventory.get(sys));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'INFO_SYSTEM' AND entity_id = ? "
				+ "AND action = 'INFO_SYSTEM_LINKED'", Integer.class, sys)).isEqualTo(2);
		assertThat(now.bigProblemId()).isEqualTo(problem);
	}
}
