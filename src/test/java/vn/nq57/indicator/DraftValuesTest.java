package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.UserService;

/**
 * Probe finding of issue 18: an officer of the agency responsible for an indicator read other agencies' unapproved
 * values, notes and files. Drafts are their agency's until the head approves them; then the responsible agency sees
 * them.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DraftValuesTest {

	@Autowired MockMvc mvc;
	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;
	@Autowired UserService users;

	@Test
	@DisplayName("the responsible agency does not see another agency's draft value, its history or its file until approved")
	void draftsStayWithTheirAgency() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("DRAFT"), "STC")); // responsible: Sở KH&CN
		long stc = fx.agency("STC");
		MockMultipartFile pdf = new MockMultipartFile("file", "nhap.pdf", "application/pdf",
				"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
		mvc.perform(multipart("/indicators/entry/" + ind.code()).file(pdf).with(csrf())
			.with(user(users.loadUserByUsername("cb.stc"))).param("period", "2026").param("numerator", "1")
			.param("denominator", "4").param("sourceNote", "Ghi chú nháp chưa duyệt"))
			.andExpect(status().is3xxRedirection());
		long valueId = jdbc.queryForObject("SELECT id FROM indicator_value WHERE indicator_id = ?", Long.class, ind.id());
		long fileId = jdbc.queryForObject("SELECT file_id FROM indicator_value WHERE id = ?", Long.class, valueId);
		var responsible = user(users.loadUserByUsername("cb.skhcn"));

		mvc.perform(get("/api/v1/indicators/" + ind.code() + "/values").param("agency", String.valueOf(stc)).with(responsible))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/indicator-values/" + valueId + "/history").with(responsible))
			.andExpect(status().isForbidden());
		mvc.perform(get("/indicators/files/" + fileId).with(responsible)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/indicators/" + ind.code() + "/breakdown").param("period", "2026").with(responsible))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agencies[?(@.agencyId == " + stc + ")].sourceNote").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
		// the agency itself and DoST still see it
		mvc.perform(get("/indicators/files/" + fileId).with(user(users.loadUserByUsername("cb.stc")))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/indicator-values/" + valueId + "/history").with(user(users.loadUserByUsername("sokhcn"))))
			.andExpect(status().isOk());

		fx.runAs.user("gd.stc", (Runnable) () -> fx.entry.approve(valueId));
		mvc.perform(get("/api/v1/indicators/" + ind.code() + "/values").param("agency", String.valueOf(stc)).with(responsible))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/indicators/files/" + fileId).with(responsible)).andExpect(status().isOk());
		String history = mvc.perform(get("/api/v1/indicator-values/" + valueId + "/history").with(responsible))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(history).contains("APPROVED").doesNotContain("\"DRAFT\"");
	}
}
