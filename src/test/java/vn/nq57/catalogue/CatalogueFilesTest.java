package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.testdata.World;

/**
 * Files through the pages, end to end: a result file uploaded on an ordered big problem's page is stored, listed and
 * downloaded byte for byte (and reopens with POI); a disguised file is refused. Register imports refuse a workbook
 * with macros (.xlsm) and an encrypted workbook, each with a Vietnamese
 * message, and nothing changes.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CatalogueFilesTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired BigProblemService problems;
	@Autowired RegisterImport registers;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String flashError(MvcResult r) {
		Object e = r.getFlashMap().get("error");
		return e == null ? "" : e.toString();
	}

	long orderedProblem() {
		long skhcn = world.agency("SKHCN");
		String title = "Bài toán có hồ sơ nghiệm thu " + World.seq();
		long id = runAs.user("sokhcn", () -> problems.propose(new BigProblemService.Input(title, "Vấn đề", "Sản phẩm",
				"2026", "1 tỷ", skhcn, skhcn, null, null), true));
		runAs.user("sokhcn", () -> {
			problems.startReview(id, problems.get(id).version());
			problems.select(id, problems.get(id).version(), "77/QĐ-UBND", "01/10/2026");
			problems.order(id, problems.get(id).version(), new BigProblemService.OrderInput(null, "Kế hoạch tệp " + World.seq(),
					2026, List.of(new BigProblemService.TaskLine("Thực hiện " + title, "Báo cáo", "31/12/2026"))));
			return null;
		});
		return id;
	}

	@Test
	@DisplayName("a result file: uploaded on the page, listed, downloaded byte for byte and reopened; a disguised file is refused")
	void resultFileEndToEnd() throws Exception {
		long id = orderedProblem();
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument d = new XWPFDocument()) {
			d.createParagraph().createRun().setText("Báo cáo kết quả nghiệm thu bài toán " + id);
			d.write(docx);
		}
		byte[] bytes = docx.toByteArray();
		MvcResult up = mvc.perform(multipart("/catalogue/problems/" + id + "/files")
			.file(new MockMultipartFile("file", "bao-cao-nghiem-thu.docx",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes))
			.with(as("sokhcn")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(flashError(up)).isEmpty();
		List<BigProblemService.FileInfo> files = runAs.user("sokhcn", () -> problems.files(id));
		assertThat(files).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("bao-cao-nghiem-thu.docx"));
		String page = mvc.perform(get("/catalogue/problems/" + id).with(as("sokhcn"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("bao-cao-nghiem-thu.docx");
		byte[] down = mvc.perform(get("/catalogue/problems/" + id + "/files/" + files.get(0).id()).with(as("sokhcn")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(down).isEqualTo(bytes);
		try (XWPFDocument reopened = new XWPFDocument(new ByteArrayInputStream(down))) {
			assertThat(reopened.getParagraphs().get(0).getText()).contains("Báo cáo kết quả nghiệm thu");
		}

		// a program renamed as a PDF: refused in Vietnamese, nothing stored
		byte[] exe = new byte[2048];
		exe[0] = 'M';
		exe[1] = 'Z';
		MvcResult disguised = mvc.perform(multipart("/catalogue/problems/" + id + "/files")
			.file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", exe)).with(as("sokhcn")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(flashError(disguised)).contains("ket-qua.pdf");
		assertThat(runAs.user("sokhcn", () -> problems.files(id))).hasSize(1);
	}

	byte[] workbook(int n) {
		List<String> headers = registers.register("systems").headers();
		return RegisterFiles.xlsx("Hệ thống", headers, List.of(Arrays.asList("Hệ thống tệp macro " + n, "STC", "Mục đích",
				"Phần mềm, ứng dụng", "", "Trung tâm dữ liệu tỉnh", "3", "Có", "Có", "", "", "Đang vận hành", "2025", "1 tỷ")), null);
	}

	static byte[] encrypted(byte[] xlsx) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			enc.confirmPassword("matkhau");
			try (OutputStream os = enc.getDataStream(fs)) {
				os.write(xlsx);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	String preview(String name, byte[] data) throws Exception {
		return mvc.perform(multipart("/catalogue/import/systems").file(new MockMultipartFile("file", name,
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)).with(as("sokhcn")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	@DisplayName("an import refuses a workbook with macros and an encrypted one, in Vietnamese; nothing changes")
	void macrosAndEncryptionRefused() throws Exception {
		int n = World.seq();
		byte[] plain = workbook(n);
		Integer before = jdbc.queryForObject("SELECT count(*) FROM info_system", Integer.class);
		Integer importsBefore = jdbc.queryForObject("SELECT count(*) FROM catalogue_import", Integer.class);

		assertThat(preview("he-thong.xlsm", plain)).contains("có macro").doesNotContain("Hệ thống tệp macro " + n);
		assertThat(preview("he-thong.xlsx", encrypted(plain))).contains("có mật khẩu").doesNotContain("Hệ thống tệp macro " + n);

		assertThat(jdbc.queryForObject("SELECT count(*) FROM info_system", Integer.class)).isEqualTo(before);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM catalogue_import", Integer.class)).as("no preview kept")
			.isEqualTo(importsBefore);
		// the same workbook without macros or a password is read
		assertThat(preview("he-thong.xlsx", plain)).contains("Hệ thống tệp macro " + n);
	}
}
