package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.Collections;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * Sessions are in the database (Spring Session JDBC), so whatever a request keeps in its session must serialise.
 * The funding import keeps its preview in the user's session between the preview and the commit (before: in the
 * memory of the node that read the file, so a commit that reached the other node found nothing): the preview is
 * written to the session, every session attribute is serialised and read back into a new session — as the other
 * node would load it — and the commit there writes every row.
 */
@IntegrationTest
class FundingPreviewSessionTest {

	@Autowired
	World world;

	@Autowired
	RunAs runAs;

	@Autowired
	FundingCalls calls;

	@Autowired
	FundingImport imports;

	@Autowired
	FundingFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void thePreviewLivesInTheSessionSerialisesAndCommitsOnTheOtherNode() throws Exception {
		Plan plan = world.plan("Kế hoạch phiên " + World.seq()).groups("I").create();
		Task mine = world.task("Nhiệm vụ xem trước trong phiên " + World.seq()).in(plan, "I").lead("SNV").due("31/12/2026")
			.create();
		long callId = runAs.user("sokhcn", () -> calls.open("Đợt phiên " + World.seq(), 2027, 2027, LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 15)));
		long snv = world.agency("SNV");
		byte[] template = runAs.user("cb.snv", () -> imports.template(callId, snv));
		FundingFiles.Upload upload;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet s = wb.getSheetAt(0);
			String[] sources = { "Ngân sách nhà nước", "Vốn doanh nghiệp", "Tài trợ quốc tế" };
			String[] categories = { "Chi chuyển đổi số", "Chi đầu tư phát triển",
					"Chi sự nghiệp KH&CN – nghiên cứu, chuyển giao, ứng dụng" };
			for (int r = 1; r <= 3; r++) {
				Row row = s.createRow(r);
				row.createCell(0).setCellValue(mine.getId());
				row.createCell(2).setCellValue(sources[r - 1]);
				row.createCell(3).setCellValue(categories[r - 1]);
				row.createCell(4).setCellValue(2027);
				row.createCell(5).setCellValue(r + " tỷ");
				row.createCell(6).setCellValue("Cần thiết " + r);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			upload = files.workbook(new MockMultipartFile("file", "de-xuat.xlsx", "application/octet-stream", out.toByteArray()));
		}

		MockHttpSession nodeA = new MockHttpSession();
		FundingImport.Preview p = inRequest(nodeA, () -> runAs.user("cb.snv", () -> imports.preview(callId, snv, upload)));
		assertThat(p.errors()).as(() -> p.lines().toString()).isZero();
		assertThat(nodeA.getAttribute(FundingImport.SESSION_KEY + p.token())).isInstanceOf(FundingImport.Held.class);

		// every attribute of the session through Java serialisation, as the JDBC session store does
		MockHttpSession nodeB = new MockHttpSession();
		for (String name : Collections.list(nodeA.getAttributeNames())) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(nodeA.getAttribute(name));
			}
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				nodeB.setAttribute(name, in.readObject());
			}
		}
		FundingImport.Held copy = (FundingImport.Held) nodeB.getAttribute(FundingImport.SESSION_KEY + p.token());
		assertThat(copy.preview()).isEqualTo(p);

		int n = inRequest(nodeB, () -> runAs.user("cb.snv", () -> imports.commit(p.token())));
		assertThat(n).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id = ?", Integer.class, callId))
			.isEqualTo(3);
		assertThat(nodeB.getAttribute(FundingImport.SESSION_KEY + p.token())).isNull();
	}

	private static <T> T inRequest(MockHttpSession session, java.util.concurrent.Callable<T> work) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return work.call();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}
}
