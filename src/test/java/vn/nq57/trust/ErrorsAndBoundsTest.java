package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.kernel.Exports;
import vn.nq57.security.Fixtures;

/**
 * The probe's findings on errors, exports and encodings: every error in Vietnamese (JSON on the API, the error page
 * on the screens), no 500 for an unknown id or a page past the integers, ranges bounded, formulas neutralised in
 * exports, a CSV in another encoding refused with its line and nothing changed.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ErrorsAndBoundsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	@BeforeEach
	void setUp() {
		fx = new Fixtures(ctx);
	}

	@Test
	@DisplayName("a page past the integers, a huge page size, a year-long-plus range: 400 in Vietnamese, not 500")
	void bounds() throws Exception {
		String token = fx.token("sokhcn");
		mvc.perform(get("/api/v1/agencies?page=2147483647").header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("Số trang")));
		mvc.perform(get("/api/v1/tasks?size=100000000").header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("Số dòng")));
		mvc.perform(get("/api/v1/indicators/due").param("from", "0001-01-01").param("to", "9999-12-31")
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("366 ngày")));
		// bounded in the handler too, where a page arrives other than in the query string
		mvc.perform(get("/api/v1/agencies").param("page", "2147483647").header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/tasks?page=-1").with(user(fx.user("sokhcn"))))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Số trang")));
	}

	@Test
	@DisplayName("an unknown user id, an unknown urging letter: 404 with a Vietnamese message")
	void unknownIds() throws Exception {
		mvc.perform(get("/admin/users/987654321").with(user(fx.user("admin"))))
			.andExpect(status().isNotFound()).andExpect(content().string(containsString("Không tìm thấy người dùng")));
		mvc.perform(get("/urging/letters/987654321.docx").with(user(fx.user("sokhcn"))))
			.andExpect(status().isNotFound()).andExpect(content().string(containsString("Không tìm thấy công văn")));
	}

	@Test
	@DisplayName("405, a missing CSRF token, 403 under /admin, an unknown API path: Vietnamese, never Spring's English")
	void vietnameseErrors() throws Exception {
		String token = fx.token("sokhcn");
		mvc.perform(delete("/api/v1/agencies").header("Authorization", "Bearer " + token))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.message").value(containsString("phương thức")))
			.andExpect(jsonPath("$.error").doesNotExist());
		mvc.perform(post("/account/password").with(user(fx.user("sokhcn"))).param("current", "x"))
			.andExpect(status().isForbidden());
		// (the page's Vietnamese text comes from the container's error dispatch: checked over HTTP in TwoNodesTest)
		mvc.perform(get("/admin/users").with(user(fx.user("sokhcn")))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/khong-co").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value(containsString("Không tìm thấy")));
		mvc.perform(post("/api/v1/tasks").header("Authorization", "Bearer " + token).contentType("text/plain")
			.content("x")).andExpect(status().is4xxClientError()).andExpect(jsonPath("$.message").exists());
	}

	@Test
	@DisplayName("a CSV in Windows-1258 is refused with its line, and no agency name changes")
	void encodings() throws Exception {
		String before = fx.jdbc.queryForObject("SELECT string_agg(name, '|' ORDER BY id) FROM agency", String.class);
		String csv = "code,name,short_name,kind,member_kinds,aliases,email,active\n"
				+ "SKHCN,Sở Khoa học và Công nghệ,Sở KH&CN,DEPARTMENT,,,,true\n";
		byte[] cp1258 = csv.getBytes(Charset.forName("windows-1258"));
		mvc.perform(multipart("/admin/agencies/import").file(new MockMultipartFile("file", "dm.csv", "text/csv", cp1258))
			.with(user(fx.user("admin"))).with(csrf()))
			.andExpect(flash().attribute("error", containsString("UTF-8 (dòng 2")));
		assertThat(fx.jdbc.queryForObject("SELECT string_agg(name, '|' ORDER BY id) FROM agency", String.class))
			.isEqualTo(before).doesNotContain("\uFFFD");
	}

	@Test
	@DisplayName("formula injection: =, +, -, @ at the start of a text are neutralised in CSV and Excel; numbers stay")
	void formulas() throws Exception {
		assertThat(Exports.csv("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(Exports.csv("+1+1")).startsWith("'");
		assertThat(Exports.csv("@SUM(A1)")).startsWith("'");
		assertThat(Exports.csv("-2+3")).startsWith("'");
		assertThat(Exports.csv("-5")).isEqualTo("-5");
		assertThat(Exports.csv("Sở Tài chính")).isEqualTo("Sở Tài chính");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			var cell = wb.createSheet().createRow(0).createCell(0);
			Exports.text(cell, "=cmd|' /C calc'!A0");
			assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
		}
		// the agency export, end to end
		String code = "F" + Fixtures.tag().substring(0, 6).toUpperCase();
		fx.jdbc.update("INSERT INTO agency(code, name, kind, active) VALUES (?, ?, 'DEPARTMENT', true)", code,
				"=1+1 Cơ quan thử công thức");
		String body = mvc.perform(get("/admin/agencies/export.csv").with(user(fx.user("admin"))))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("'=1+1 Cơ quan thử công thức").doesNotContain(",=1+1");
		fx.jdbc.update("DELETE FROM agency WHERE code = ?", code);
	}

	@Test
	@DisplayName("the exports helper reads the dangerous first characters only")
	void dangerous() {
		assertThat(List.of("=", "+a", "-a", "@a", "\tx", "\rx").stream().allMatch(Exports::dangerous)).isTrue();
		assertThat(List.of("", "a=b", "1.234", "-1.234,5", "+84").stream().noneMatch(Exports::dangerous)).isTrue();
	}
}
