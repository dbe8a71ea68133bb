package vn.nq57.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.nq57.IntegrationTest;
import vn.nq57.agency.AgencyDirectory.AgencyRef;

/**
 * The one agency search behind every picker, with a national-size registry: 5.000 agencies generated in SQL (rolled
 * back after each test), accents and case ignored, at most 20 matches a page, collectives only where a lead may be
 * one, an agency's officer offered only their own agency; and a form sent without JavaScript whose typed name is
 * resolved on the server, or refused beside the field when it is unknown or ambiguous.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Transactional
class AgencySearchTest {

	@Autowired AgencySearch search;
	@Autowired AgencyDirectory directory;
	@Autowired JdbcTemplate jdbc;
	@Autowired MockMvc mvc;

	@BeforeEach
	void nationalRegistry() {
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				SELECT 'TKS' || lpad(n::text, 4, '0'),
				       (ARRAY['Ủy ban nhân dân xã Đắk Lắk mẫu ', 'Phòng Văn hóa – Thông tin mẫu ', 'Trường Trung học phổ thông mẫu ',
				              'Trung tâm Y tế huyện Ia Grai mẫu '])[1 + n % 4] || lpad(n::text, 4, '0'),
				       NULL, CASE WHEN n % 4 = 0 THEN 'COMMUNE' ELSE 'DEPARTMENT' END, n % 97 <> 0
				FROM generate_series(1, 5000) n""");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agency", Long.class)).isGreaterThan(5000);
	}

	long id(String code) {
		return directory.findByCode(code).orElseThrow().getId();
	}

	@Test
	@DisplayName("typed without accents, the Department of Science and Technology comes first among 5.000 agencies")
	void accentsIgnored() {
		long dost = id("SKHCN");
		for (String q : List.of("so khoa hoc", "SỞ KHOA HỌC", "sở khoa học và công nghệ", "khoa hoc cong nghe so", "skhcn")) {
			AgencySearch.Page page = search.search(q, AgencyPickScope.ASSIGNABLE, null, 0, 20);
			assertThat(page.items()).as(q).isNotEmpty();
			assertThat(page.items().get(0).id()).as(q).isEqualTo(dost);
		}
		// đ read as d, tones ignored, words in any order
		assertThat(search.search("dak lak mau 0004", AgencyPickScope.ASSIGNABLE, null, 0, 20).items())
			.extracting(AgencyRef::name).containsExactly("Ủy ban nhân dân xã Đắk Lắk mẫu 0004");
		assertThat(search.search("0008 ĐẮK", AgencyPickScope.ASSIGNABLE, null, 0, 20).items())
			.extracting(AgencyRef::code).containsExactly("TKS0008");
	}

	@Test
	@DisplayName("a page holds at most 20 of thousands of matches, the next page follows on, inactive agencies are never offered")
	void limitedAndPaged() {
		AgencySearch.Page first = search.search("mau", AgencyPickScope.ASSIGNABLE, null, 0, 20);
		assertThat(first.items()).hasSize(20);
		assertThat(first.more()).isTrue();
		AgencySearch.Page second = search.search("mau", AgencyPickScope.ASSIGNABLE, null, 20, 20);
		assertThat(second.items()).hasSize(20);
		assertThat(second.items()).extracting(AgencyRef::id).doesNotContainAnyElementsOf(
				first.items().stream().map(AgencyRef::id).toList());
		// even a caller asking for everything gets at most MAX_LIMIT
		assertThat(search.search("mau", AgencyPickScope.ASSIGNABLE, null, 0, 100_000).items()).hasSize(AgencySearch.MAX_LIMIT);
		// agency 97 is inactive
		assertThat(search.search("mau 0097", AgencyPickScope.ASSIGNABLE, null, 0, 20).items()).isEmpty();
		long t0 = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			search.search("truong trung hoc " + i, AgencyPickScope.ASSIGNABLE, null, 0, 20);
		}
		System.out.printf("agency search, %d agencies: %.1f ms a query%n",
				jdbc.queryForObject("SELECT count(*) FROM agency", Long.class), (System.nanoTime() - t0) / 20 / 1e6);
	}

	@Test
	@DisplayName("collectives are offered where a lead may be one, never as an assignee")
	void collectivesOnlyAsLeads() {
		assertThat(search.search("cac so ban nganh", AgencyPickScope.LEADS, null, 0, 20).items())
			.extracting(AgencyRef::code).contains("G-SBNDP");
		assertThat(search.search("cac so ban nganh", AgencyPickScope.ASSIGNABLE, null, 0, 20).items())
			.extracting(AgencyRef::kind).doesNotContain(AgencyKind.COLLECTIVE);
	}

	@Test
	@DisplayName("a typed name resolves to one agency, or says that it matches none or several")
	void resolution() {
		assertThat(search.resolve("so khoa hoc va cong nghe", AgencyPickScope.ASSIGNABLE, null).agency().id())
			.isEqualTo(id("SKHCN"));
		assertThat(search.resolve("Sở KH&CN", AgencyPickScope.ASSIGNABLE, null).agency().id()).isEqualTo(id("SKHCN"));
		AgencySearch.Resolution many = search.resolve("truong trung hoc", AgencyPickScope.ASSIGNABLE, null);
		assertThat(many.ok()).isFalse();
		assertThat(many.problem()).contains("khớp với nhiều cơ quan").contains("Trường Trung học phổ thông mẫu");
		assertThat(search.resolve("Sở Ngoại vụ Atlantis", AgencyPickScope.ASSIGNABLE, null).problem())
			.startsWith("Không tìm thấy cơ quan, đơn vị “Sở Ngoại vụ Atlantis”");
	}

	JsonNode pick(String q) throws Exception {
		String body = mvc.perform(get("/pick/agencies").param("q", q)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(body);
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("an agency's officer is offered only their own agency")
	void officerSeesOnlyOwnAgency() throws Exception {
		JsonNode own = pick("tai chinh");
		assertThat(own.get("items")).hasSize(1);
		assertThat(own.get("items").get(0).get("id").asLong()).isEqualTo(id("STC"));
		assertThat(pick("so khoa hoc").get("items")).isEmpty();
		assertThat(pick("").get("items")).hasSize(1);
		assertThat(search.resolve("so khoa hoc", AgencyPickScope.ASSIGNABLE, id("STC")).ok()).isFalse();
	}

	@Test
	@WithUserDetails("sokhcn")
	@DisplayName("the province's secretariat is offered the registry, 20 at a time, as JSON")
	void secretariatSearchesTheRegistry() throws Exception {
		JsonNode answer = pick("so khoa hoc");
		assertThat(answer.get("items").get(0).get("name").asText()).isEqualTo("Sở Khoa học và Công nghệ");
		JsonNode many = pick("mau");
		assertThat(many.get("items")).hasSize(20);
		assertThat(many.get("more").asBoolean()).isTrue();
		assertThat(many.get("next").asInt()).isEqualTo(20);
	}

	@Test
	@WithUserDetails("sokhcn")
	@DisplayName("without JavaScript a typed name is resolved on the server; an ambiguous one is refused beside its field, all typed values kept")
	void typedNamesWithoutJavaScript() throws Exception {
		String title = "Nhiệm vụ kiểm thử bộ chọn cơ quan " + System.nanoTime();
		mvc.perform(post("/tasks/new").with(csrf()).param("title", title).param("leadAgencyIds-typed", "so tai chinh")
			.param("leadAgencyIds-mode", "multiple").param("leadAgencyIds-scope", "LEADS"))
			.andExpect(status().is3xxRedirection());
		Long lead = jdbc.queryForObject("""
				SELECT a.agency_id FROM assignment_view a JOIN task_view t ON t.id = a.task_id WHERE t.title = ?""",
				Long.class, title);
		assertThat(lead).isEqualTo(id("STC"));

		String page = mvc.perform(post("/tasks/new").with(csrf()).param("title", "Ten giu nguyen 42")
			.param("stt", "123456789012345678901234").param("leadAgencyIds-typed", "truong trung hoc")
			.param("leadAgencyIds-mode", "multiple"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("khớp với nhiều cơ quan").contains("STT tối đa 20 ký tự")
			.contains("Ten giu nguyen 42").contains("value=\"truong trung hoc\"");
	}
}
