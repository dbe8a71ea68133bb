package vn.nq57.datacall;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.datacall.DataCall.CallInput;
import vn.nq57.datacall.DataCall.QuestionInput;
import vn.nq57.testdata.World;

/** The pages and the API of a call, authorised on the server: an agency sees only its own answers until consolidation. */
@IntegrationTest
@AutoConfigureMockMvc
class DataCallPagesTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired DataCallService calls;
	@Autowired RunAs runAs;
	@Autowired World world;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void pagesAndApiKeepEachAgencyToItsOwnAnswers() throws Exception {
		long id = runAs.user("sokhcn", () -> {
			long c = calls.create(new CallInput("Đợt trang kiểm thử " + World.seq(), null, "1/CV", LocalDate.of(2026, 11, 1),
					"Bộ Khoa học và Công nghệ", null, LocalDate.of(2026, 11, 30)));
			calls.addQuestions(c, List.of(new QuestionInput("A", null, "Số trạm BTS", QuestionKind.NUMBER, "trạm", null, true, null),
					new QuestionInput("B", null, "Tỷ lệ ký số", QuestionKind.PERCENT, "%", null, false, null)), null);
			calls.setTargets(c, List.of(world.agency("STC"), world.agency("SNV")), null);
			calls.open(c, null);
			return c;
		});
		mvc.perform(get("/datacalls").with(as("cb.stc"))).andExpect(status().isOk()).andExpect(content().string(containsString("Đợt trang kiểm thử")));
		mvc.perform(get("/datacalls/" + id).with(as("sokhcn"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ báo cáo đầy đủ"))).andExpect(content().string(containsString("0,00%")));
		mvc.perform(get("/datacalls/" + id + "/answer").with(as("cb.stc"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Số trạm BTS")));
		long q = calls.questions(id).get(0).id();
		long q2 = calls.questions(id).get(1).id();
		mvc.perform(post("/datacalls/" + id + "/answer").with(as("cb.stc")).with(csrf()).param("version", "0")
				.param("q" + q, "mười").param("action", "submit"))
			.andExpect(flash().attribute("error", containsString("Chưa lưu")))
			.andExpect(r -> org.assertj.core.api.Assertions.assertThat(((vn.nq57.system.FieldErrors) r.getFlashMap()
				.get(vn.nq57.system.FieldErrors.ATTRIBUTE)).messages("q" + q)).anySatisfy(m -> org.assertj.core.api.Assertions
				.assertThat(m).contains("không phải là số")));
		mvc.perform(post("/datacalls/" + id + "/answer").with(as("cb.stc")).with(csrf()).param("version", "0")
				.param("q" + q, "1.780").param("q" + q2 + "_n", "95").param("q" + q2 + "_d", "100").param("action", "submit"))
			.andExpect(flash().attribute("flash", containsString("Đã gửi")));
		// SNV: neither the page nor the API of STC's answers, nor the consolidation before DoST consolidates
		mvc.perform(get("/datacalls/" + id + "/answer").param("agency", String.valueOf(world.agency("STC"))).with(as("cb.snv")))
			.andExpect(status().isForbidden()).andExpect(content().string(not(containsString("1.780"))));
		mvc.perform(get("/api/v1/datacalls/" + id + "/answers").param("agencyId", String.valueOf(world.agency("STC"))).with(as("cb.snv")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/datacalls/" + id + "/consolidated").with(as("cb.snv"))).andExpect(status().isForbidden());
		mvc.perform(get("/datacalls/" + id + "/consolidated").with(as("sokhcn"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("95,00% (95/100)")));
		// API: a stale version is 409; a numerator above its denominator is 422 with the reason
		mvc.perform(put("/api/v1/datacalls/" + id + "/answers").with(as("cb.snv")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":null,\"submit\":false,\"answers\":[{\"code\":\"B\",\"numerator\":\"120\",\"denominator\":\"100\"}]}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message", containsString("lớn hơn mẫu số")));
		mvc.perform(put("/api/v1/datacalls/" + id + "/answers").with(as("cb.snv")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"submit\":true,\"answers\":[{\"code\":\"A\",\"value\":\"12\"}]}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SUBMITTED"));
		mvc.perform(put("/api/v1/datacalls/" + id + "/answers").with(as("cb.snv")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"submit\":false,\"answers\":[{\"code\":\"A\",\"value\":\"13\"}]}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/datacalls/" + id + "/consolidation").with(as("lanhdao"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].sum").value(1792));
		mvc.perform(post("/datacalls/" + id + "/consolidate").with(as("sokhcn")).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/datacalls/" + id + "/consolidated").with(as("cb.snv"))).andExpect(status().isOk());
		mvc.perform(get("/datacalls/" + id + "/consolidated.docx").with(as("cb.snv"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/upward/systems").with(as("cb.snv"))).andExpect(status().isForbidden());
		mvc.perform(get("/upward/systems/DA06").with(as("lanhdao"))).andExpect(status().isOk());
		mvc.perform(get("/upward").with(as("sokhcn"))).andExpect(status().isOk()).andExpect(content().string(containsString("Đề án 06")));
		mvc.perform(get("/upward/followup").with(as("sokhcn"))).andExpect(status().isOk());
	}
}
