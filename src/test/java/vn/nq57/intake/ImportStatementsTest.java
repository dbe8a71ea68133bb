package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.task.SqlStatements;
import vn.nq57.task.TaskService;

/**
 * Confirming an import writes each table with one statement whatever the number of rows: a plan of 45 tasks
 * costs the statements of a plan of 6 — the audit trail included — not a task, its leads, coordinators, every
 * assignment and audit line row by row.
 */
@IntegrationTest
class ImportStatementsTest {

	@Autowired IntakeService intake;
	@Autowired TaskService tasks;
	@Autowired RunAs runAs;

	static final String[][] LEADS = { { "Giám đốc Sở Tài chính", "Sở Tài chính" },
			{ "Thủ trưởng các sở, ban, ngành", "Các sở, ban, ngành, địa phương" },
			{ "Giám đốc Sở Nội vụ", "Sở Nội vụ; Sở Tài chính" } };

	static final String[] WORDS = { "chuyển đổi số", "cơ sở dữ liệu", "đổi mới sáng tạo", "hạ tầng số", "dịch vụ công",
			"khoa học công nghệ", "nhân lực số", "an toàn thông tin", "kinh tế số" };

	byte[] plan(int rows, String tag) {
		List<List<String>> taskRows = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			String[] lead = LEADS[i % LEADS.length];
			String title = "Triển khai " + WORDS[i % WORDS.length] + " đợt " + (i + 1) + " về " + WORDS[(i / 3) % WORDS.length]
					+ " " + tag;
			taskRows.add(TestDocs.row(String.valueOf(i + 1), title, lead[0], lead[1], "Sở Tư pháp", "Kế hoạch", "Quý IV/2026"));
		}
		return ImportCommitTest.appendix(taskRows);
	}

	int commitStatements(int rows) throws Exception {
		String tag = "(đo " + rows + " dòng " + System.nanoTime() + ")";
		long batch = runAs.user("sokhcn", () -> intake.startAppendix("do.xlsx", plan(rows, tag),
				IntakeSettings.newPlan("Kế hoạch đo câu lệnh " + tag, 2026)));
		long version = runAs.user("sokhcn", () -> intake.batch(batch)).version();
		IntakeService.CommitResult[] r = new IntakeService.CommitResult[1];
		int n = SqlStatements.during(() -> r[0] = runAs.user("sokhcn", () -> intake.commit(batch, version, Set.of())));
		assertThat(r[0].created()).hasSize(rows);
		// a collective lead still fans out to one assignment per member
		assertThat(tasks.assignments(r[0].created().get(1)).size()).isGreaterThan(10);
		return n;
	}

	@Test
	@DisplayName("a plan of 45 tasks costs the statements of a plan of 6, the audit trail included")
	void statementsDoNotGrowWithTheRows() throws Exception {
		commitStatements(6); // the first import after others re-indexes their tasks for the near-duplicate check
		int few = commitStatements(6);
		int many = commitStatements(45);
		assertThat(many).as("statements for 45 rows against 6 (%d)", few).isEqualTo(few);
	}
}
