package vn.nq57.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.AssignmentState;
import vn.nq57.task.Task;
import vn.nq57.security.Fixtures;
import vn.nq57.system.TextRules;

/**
 * The same input rules on the JSON API as on the pages: a script gets a 400/422 with a Vietnamese
 * {@code message} and nothing is saved.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ApiInputTest {

	static final String BAD_JSON = "Dữ liệu gửi lên không đúng định dạng JSON hoặc sai kiểu (ngày dạng yyyy-MM-dd, số nguyên cho tỷ lệ)";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	Task stcTask;

	Assignment stcWork;

	String token;

	@BeforeEach
	void taskOfSoTaiChinh() {
		fx = new Fixtures(ctx);
		stcTask = fx.task("Báo cáo phương án điều chuyển nguồn kinh phí khoa học, công nghệ " + Fixtures.tag(),
				"Tháng 12/2026", "STC");
		stcWork = fx.onlyAssignment(stcTask);
		token = fx.token("cb.stc");
	}

	private ResultActions progress(String json) throws Exception {
		return mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId())
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions claim(String json) throws Exception {
		return mvc.perform(post("/api/v1/assignments/{id}/claims", stcWork.getId())
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private void nothingPosted() {
		assertThat(fx.progressRows(stcWork)).isZero();
		assertThat(fx.reload(stcWork).getPercent()).isZero();
	}

	private void nothingClaimed() {
		assertThat(fx.claimRows(stcWork)).isZero();
		assertThat(fx.reload(stcWork).getState()).isEqualTo(AssignmentState.OPEN);
	}

	@ParameterizedTest(name = "percent {0} gets 400")
	@ValueSource(ints = { 101, -1 })
	@DisplayName("a percent outside 0–100 gets 400 “Tỷ lệ hoàn thành phải từ 0 đến 100%” and nothing is saved")
	void percentOutOfRange(int percent) throws Exception {
		progress("{\"percent\": " + percent + ", \"results\": \"Đã tổng hợp\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.message").value("Tỷ lệ hoàn thành phải từ 0 đến 100%"));

		nothingPosted();
	}

	@Test
	@DisplayName("a percent \"abc\" gets 400 with the Vietnamese explanation of the expected types, and nothing is saved")
	void percentNotANumber() throws Exception {
		progress("{\"percent\": \"abc\", \"results\": \"Đã tổng hợp\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(BAD_JSON));

		nothingPosted();
	}

	@Test
	@DisplayName("a missing percent gets 400 “Chưa nhập tỷ lệ hoàn thành (%)”")
	void percentMissing() throws Exception {
		progress("{\"results\": \"Đã tổng hợp\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("Chưa nhập tỷ lệ hoàn thành (%)"));

		nothingPosted();
	}

	@ParameterizedTest(name = "completedOn {0} gets 400")
	@ValueSource(strings = { "2026-02-31", "31/02/2026" })
	@DisplayName("an impossible completion date gets 400 and no claim is saved")
	void impossibleCompletionDate(String date) throws Exception {
		claim("{\"completedOn\": \"" + date + "\", \"evidence\": \"Quyết định số 88/QĐ-STC\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(BAD_JSON));

		nothingClaimed();
	}

	@Test
	@DisplayName("an impossible output date on a progress update gets 400 and nothing is saved")
	void impossibleOutputDate() throws Exception {
		progress("{\"percent\": 40, \"results\": \"Đã ban hành\", \"outputNumber\": \"15/KH-STC\", \"outputDate\": \"2026-02-31\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(BAD_JSON));

		nothingPosted();
	}

	@Test
	@DisplayName("a completion date after today gets 422 “Ngày hoàn thành 23/11/2026 ở sau ngày hôm nay (22/11/2026)”")
	void completionDateInTheFuture() throws Exception {
		claim("{\"completedOn\": \"2026-11-23\", \"evidence\": \"Quyết định số 88/QĐ-STC\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.message").value("Ngày hoàn thành 23/11/2026 ở sau ngày hôm nay (22/11/2026)"));

		nothingClaimed();
	}

	@Test
	@DisplayName("<script> in the results gets 400 naming the field, and nothing is saved")
	void scriptInResults() throws Exception {
		progress("{\"percent\": 40, \"results\": \"Đã xong <script>alert(1)</script>\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("results: " + TextRules.MESSAGE));

		nothingPosted();
	}

	@Test
	@DisplayName("“javascript:” in the proposals gets 400, and nothing is saved")
	void javascriptUrlInProposals() throws Exception {
		progress("{\"percent\": 40, \"results\": \"Đã xong\", \"proposals\": \"Xem javascript:alert(1)\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString(TextRules.MESSAGE)));

		nothingPosted();
	}

	@Test
	@DisplayName("<script> in the evidence of a claim gets 400, and no claim is saved")
	void scriptInEvidence() throws Exception {
		claim("{\"completedOn\": \"2026-11-20\", \"evidence\": \"<script>alert(1)</script>\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("evidence: " + TextRules.MESSAGE));

		nothingClaimed();
	}

	@Test
	@DisplayName("“tỷ lệ < 50%” in the results is ordinary text: 201 and saved as sent")
	void harmlessLessThan() throws Exception {
		String results = "Tỷ lệ đơn vị gửi số liệu < 50%; đang đôn đốc";

		progress("{\"percent\": 40, \"results\": \"" + results + "\"}").andExpect(status().isCreated());

		assertThat(fx.jdbc.queryForObject("SELECT results FROM progress_update WHERE assignment_id = ?", String.class,
				stcWork.getId())).isEqualTo(results);
	}

	@Test
	@DisplayName("a body that is not JSON gets 400 with the Vietnamese message")
	void notJson() throws Exception {
		progress("percent=40&results=abc")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(BAD_JSON));

		nothingPosted();
	}
}
