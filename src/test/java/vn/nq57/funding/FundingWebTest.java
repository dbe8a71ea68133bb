package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.notification.ReminderSource;
import vn.nq57.security.Fixtures;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The pages for every role, the API's refusals (an amount with letters, a stale edit answering 409 with the current
 * version, another agency's draft) and the reminders the funding capability owes.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FundingWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	World world;

	@Autowired
	RunAs runAs;

	@Autowired
	FundingCalls calls;

	@Autowired
	FundingProposals proposals;

	@Autowired
	FundingStore store;

	@Autowired
	List<ReminderSource> reminders;

	@Test
	void everyRoleOpensThePagesAndTheApiRefusesBadInput() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Plan plan = world.plan("Kế hoạch kinh phí web " + World.seq()).groups("I").create();
		Task task = world.task("Nhiệm vụ số hóa hồ sơ " + World.seq()).in(plan, "I").lead("SNV").due("31/12/2026").create();
		long callId = runAs.user("sokhcn", () -> calls.open("Đợt web " + World.seq(), 2027, 2027, LocalDate.of(2026, 11, 25),
				LocalDate.of(2026, 11, 28)));
		String body = "{\"callId\":" + callId + ",\"taskId\":" + task.getId()
				+ ",\"source\":\"STATE_BUDGET\",\"category\":\"DIGITAL\",\"years\":{\"2027\":\"1,25 tỷ\"},\"justification\":\"Cần thiết\"}";
		String created = mvc.perform(post("/api/v1/funding/proposals").with(user(fx.user("cb.snv"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(1_250_000_000L)).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));

		// an amount with letters: 422, a clear message, nothing saved
		mvc.perform(post("/api/v1/funding/proposals").with(user(fx.user("cb.snv"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("1,25 tỷ", "12abc")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Số tiền năm 2027")));
		// another agency's draft: 403
		mvc.perform(get("/api/v1/funding/proposals/" + id).with(user(fx.user("cb.bql")))).andExpect(status().isForbidden());
		mvc.perform(get("/funding/proposals/" + id).with(user(fx.user("cb.bql")))).andExpect(status().isForbidden());
		// a stale edit: 409 with the current version
		mvc.perform(put("/api/v1/funding/proposals/" + id).with(user(fx.user("cb.snv"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.substring(0, body.length() - 1) + ",\"version\":0}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/funding/proposals/" + id).with(user(fx.user("cb.snv"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.substring(0, body.length() - 1) + ",\"version\":0}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.currentVersion").value(1));

		// the reminders: the draft, due at the call's close in 3 days, is owed by the agency
		List<ReminderSource.Owed> owed = reminders.stream().filter(r -> r.subjectType().equals("FUNDING_PROPOSAL"))
			.flatMap(r -> r.owed(LocalDate.of(2026, 11, 22), 7).stream()).toList();
		assertThat(owed).anySatisfy(o -> {
			assertThat(o.subjectId()).isEqualTo(id);
			assertThat(o.agencyId()).isEqualTo(world.agency("SNV"));
			assertThat(o.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		});
		Proposal p = store.proposal(id);
		runAs.user("gd.snv", () -> proposals.submit(id, p.version()));
		List<ReminderSource.Owed> review = reminders.stream().filter(r -> r.subjectType().equals("FUNDING_REVIEW"))
			.flatMap(r -> r.owed(LocalDate.of(2026, 11, 22), 7).stream()).toList();
		assertThat(review).anySatisfy(o -> {
			assertThat(o.subjectId()).isEqualTo(callId);
			assertThat(o.audience()).isEqualTo(ReminderSource.Audience.SECRETARIAT);
		});

		// every role opens the pages
		for (String u : List.of("sokhcn", "lanhdao", "gd.stc", "cb.stc", "cb.snv", "gd.snv", "admin")) {
			for (String page : List.of("/funding", "/funding/calls/" + callId, "/funding/money")) {
				mvc.perform(get(page).with(user(fx.user(u)))).andExpect(status().isOk());
			}
		}
		mvc.perform(get("/funding/proposals/" + id).with(user(fx.user("sokhcn")))).andExpect(status().isOk());
		mvc.perform(get("/funding/proposals/" + id).with(user(fx.user("cb.snv")))).andExpect(status().isOk());
		mvc.perform(get("/funding/review").param("call", "" + callId).param("state", "SUBMITTED").with(user(fx.user("sokhcn"))))
			.andExpect(status().isOk());
		mvc.perform(get("/funding/review").with(user(fx.user("cb.snv")))).andExpect(status().isForbidden());
		for (String u : List.of("sokhcn", "lanhdao", "gd.stc", "admin")) {
			mvc.perform(get("/funding/dashboard").with(user(fx.user(u)))).andExpect(status().isOk());
		}
		mvc.perform(get("/funding/dashboard").with(user(fx.user("cb.snv")))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/funding/dashboard").param("year", "2027").with(user(fx.user("lanhdao")))).andExpect(status().isOk());

		// the bulk form asks for one confirmation before it decides
		String confirm = mvc.perform(post("/funding/review/bulk").with(user(fx.user("sokhcn"))).with(csrf())
			.param("pick", id + ":" + store.proposal(id).version()).param("action", "ACCEPT").param("call", "" + callId))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(confirm).contains("confirm-form");
		assertThat(store.proposal(id).state()).isEqualTo(ProposalState.SUBMITTED);
		mvc.perform(post("/funding/review/bulk").with(user(fx.user("sokhcn"))).with(csrf())
			.param("pick", id + ":" + store.proposal(id).version()).param("action", "ACCEPT").param("call", "" + callId)
			.param("confirmed", "true")).andExpect(status().is3xxRedirection());
		assertThat(store.proposal(id).state()).isEqualTo(ProposalState.ACCEPTED);
		assertThat(Map.of()).isEmpty();
	}

	@Test
	void theEstimateFileIsCheckedByContentAndSeenOnlyByThoseWhoSeeTheProposal() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Plan plan = world.plan("Kế hoạch dự toán " + World.seq()).groups("I").create();
		Task task = world.task("Nhiệm vụ có dự toán " + World.seq()).in(plan, "I").lead("SNV").due("31/12/2026").create();
		long callId = runAs.user("sokhcn", () -> calls.open("Đợt dự toán " + World.seq(), 2027, 2027, LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 15)));
		org.springframework.mock.web.MockMultipartFile fake = new org.springframework.mock.web.MockMultipartFile("estimate",
				"du-toan.docx", "application/octet-stream", "%PDF-1.4 giả làm Word".getBytes());
		String error = mvc.perform(multipart("/funding/proposals").file(fake).with(user(fx.user("cb.snv"))).with(csrf())
			.param("callId", "" + callId).param("taskId", "" + task.getId()).param("source", "STATE_BUDGET")
			.param("category", "DIGITAL").param("amount_2027", "850 triệu").param("justification", "Cần thiết"))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
		assertThat(error).contains("không khớp với phần mở rộng");
		assertThat(jdbc().queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id = ?", Integer.class, callId)).isZero();

		org.springframework.mock.web.MockMultipartFile pdf = new org.springframework.mock.web.MockMultipartFile("estimate",
				"du-toan.pdf", "application/pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF".getBytes());
		mvc.perform(multipart("/funding/proposals").file(pdf).with(user(fx.user("cb.snv"))).with(csrf())
			.param("callId", "" + callId).param("taskId", "" + task.getId()).param("source", "STATE_BUDGET")
			.param("category", "DIGITAL").param("amount_2027", "850 triệu").param("justification", "Cần thiết"))
			.andExpect(status().is3xxRedirection());
		long fileId = jdbc().queryForObject("SELECT estimate_file_id FROM funding_proposal WHERE call_id = ?", Long.class, callId);
		mvc.perform(get("/funding/files/" + fileId).with(user(fx.user("cb.snv")))).andExpect(status().isOk());
		mvc.perform(get("/funding/files/" + fileId).with(user(fx.user("cb.stc")))).andExpect(status().isForbidden());
		mvc.perform(get("/funding/files/" + fileId).with(user(fx.user("cb.bql")))).andExpect(status().isForbidden());
	}

	private org.springframework.jdbc.core.JdbcTemplate jdbc() {
		return ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
	}
}
