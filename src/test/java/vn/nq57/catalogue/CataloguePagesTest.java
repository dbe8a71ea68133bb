package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.recommendation.RecommendationService;
import vn.nq57.testdata.World;

/** Every page and API of the registers answers for the roles that use it; a stale edit is a 409; a near title a 409 with the matches. */
@IntegrationTest
@AutoConfigureMockMvc
class CataloguePagesTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired BigProblemService problems;
	@Autowired RecommendationService recommendations;
	@Autowired RunAs runAs;
	@Autowired World world;

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	@DisplayName("the register pages open for DoST, a leader and an agency officer; the queue only for the province")
	void pagesOpen() throws Exception {
		long id = runAs.user("sokhcn", () -> problems.propose(new BigProblemService.Input("Bài toán trang " + World.seq(), "Nội dung",
				null, null, "1 tỷ", world.agency("SKHCN"), null, null, null), true));
		long rec = runAs.user("sokhcn", () -> recommendations.create(new RecommendationService.Input("CITIZEN", "Người dân", null, null,
				"Kiến nghị trang " + World.seq(), "Nội dung")));
		for (String u : new String[] { "sokhcn", "lanhdao", "cb.stc" }) {
			for (String path : new String[] { "/catalogue/problems", "/catalogue/problems/new", "/catalogue/systems", "/catalogue/tech",
					"/catalogue/initiatives", "/recommendations", "/catalogue/import/problems", "/catalogue/import/systems" }) {
				mvc.perform(get(path).with(as(u))).andExpect(status().isOk());
			}
		}
		mvc.perform(get("/catalogue/problems/" + id).with(as("sokhcn"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("1.000.000.000 đ")));
		mvc.perform(get("/catalogue/problems/" + id).with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(get("/recommendations/" + rec).with(as("sokhcn"))).andExpect(status().isOk());
		mvc.perform(get("/recommendations/obstacles").with(as("sokhcn"))).andExpect(status().isOk());
		mvc.perform(get("/recommendations/obstacles").with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(get("/catalogue/export/problems").with(as("sokhcn"))).andExpect(status().isOk());
		mvc.perform(get("/catalogue/duplicates").param("title", "Bài toán trang").with(as("sokhcn"))).andExpect(status().isOk());
	}

	@Test
	@DisplayName("a stale step on the page answers 409 and changes nothing; the API warns a near title with 409 and the matches")
	void staleAndDuplicate() throws Exception {
		String title = "Bài toán trùng qua API kiểm thử số " + World.seq();
		long id = runAs.user("sokhcn", () -> problems.propose(new BigProblemService.Input(title, "Nội dung", null, null, null,
				world.agency("SKHCN"), null, null, null), true));
		long version = runAs.user("sokhcn", () -> problems.get(id).version());
		mvc.perform(post("/catalogue/problems/" + id + "/step").param("action", "review").param("version", String.valueOf(version + 5))
			.with(as("sokhcn")).with(csrf())).andExpect(status().isConflict());
		assertThat(runAs.user("sokhcn", () -> problems.get(id)).state()).isEqualTo(BigProblemState.PROPOSED);
		String body = "{\"title\":\"" + title + "\",\"statement\":\"Nội dung\",\"proposingAgencyId\":" + world.agency("SKHCN") + "}";
		mvc.perform(post("/api/v1/big-problems").contentType(MediaType.APPLICATION_JSON).content(body).with(as("sokhcn")).with(csrf()))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.matches[0].id").value(id));
		mvc.perform(post("/api/v1/big-problems").param("acknowledgeDuplicates", "true").contentType(MediaType.APPLICATION_JSON)
			.content(body).with(as("sokhcn")).with(csrf())).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/big-problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Khác hẳn " + World.seq() + "\",\"statement\":\"x\",\"cost\":\"nhiều tiền\",\"proposingAgencyId\":"
					+ world.agency("SKHCN") + "}").with(as("sokhcn")).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message", containsString("Kinh phí dự kiến")));
		mvc.perform(get("/api/v1/information-systems/counts").with(as("cb.stc"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.dataCentre").isNumber());
		mvc.perform(get("/api/v1/big-problems").param("q", "trung qua api").with(as("sokhcn"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
	}
}
