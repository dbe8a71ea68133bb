package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.system.DomainException;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * Proposals from Excel: the template the system offers, a preview naming each bad cell (unknown task, amount
 * unreadable, year outside the call, duplicate row), nothing saved until a clean file is committed, all rows at once.
 */
@IntegrationTest
class FundingImportTest {

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
	void previewNamesTheBadCellsThenACleanFileCommitsAllRows() throws Exception {
		Plan plan = world.plan("Kế hoạch nhập kinh phí " + World.seq()).groups("I").create();
		Task mine = world.task("Nhiệm vụ nhập Excel " + World.seq()).in(plan, "I").lead("SNV").due("31/12/2026").create();
		Task other = world.task("Nhiệm vụ của cơ quan khác " + World.seq()).in(plan, "I").lead("BQLKKT").due("31/12/2026")
			.create();
		long callId = runAs.user("sokhcn", () -> calls.open("Đợt nhập " + World.seq(), 2027, 2027, LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 15)));
		long snv = world.agency("SNV");

		byte[] template = runAs.user("cb.snv", () -> imports.template(callId, snv));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã nhiệm vụ");
			assertThat(wb.getSheetAt(1).getLastRowNum()).isGreaterThanOrEqualTo(1);
			Sheet s = wb.getSheetAt(0);
			row(s, 1, mine.getId(), "Ngân sách nhà nước", "Chi chuyển đổi số", 2027, "1,25 tỷ", "Cần thiết");
			row(s, 2, other.getId(), "Ngân sách nhà nước", "Chi chuyển đổi số", 2027, "850 triệu", "Cần thiết");
			row(s, 3, mine.getId(), "Ngân sách nhà nước", "Chi chuyển đổi số", 2030, "850 triệu", "Cần thiết");
			row(s, 4, mine.getId(), "Vốn doanh nghiệp", "Chi đầu tư phát triển", 2027, "mười tỷ", "Cần thiết");
			row(s, 5, mine.getId(), "Ngân sách nhà nước", "Chi chuyển đổi số", 2027, "2 tỷ 300 triệu", "Trùng dòng 2");
			s.createRow(6).createCell(0).setCellValue(mine.getId());
			s.getRow(6).createCell(2).setCellValue("Tài trợ quốc tế");
			s.getRow(6).createCell(3).setCellValue("Chi sự nghiệp KH&CN – nghiên cứu, chuyển giao, ứng dụng");
			s.getRow(6).createCell(4).setCellValue(2027);
			s.getRow(6).createCell(5).setCellValue(500_000_000d);
			s.getRow(6).createCell(6).setCellValue("Ô số");
			FundingFiles.Upload first = upload(wb);
			FundingImport.Preview p = runAs.user("cb.snv", () -> imports.preview(callId, snv, first));
			assertThat(p.lines()).hasSize(6);
			assertThat(p.errors()).isEqualTo(4);
			assertThat(p.lines().get(0).findings()).isEmpty();
			assertThat(p.lines().get(1).findings()).anySatisfy(f -> assertThat(f).startsWith("ô A3").contains("không giao cho"));
			assertThat(p.lines().get(2).findings()).anySatisfy(f -> assertThat(f).startsWith("ô E4").contains("nằm ngoài đợt"));
			assertThat(p.lines().get(3).findings()).anySatisfy(f -> assertThat(f).startsWith("ô F5"));
			assertThat(p.lines().get(4).findings()).anySatisfy(f -> assertThat(f).contains("trùng với một dòng trước"));
			assertThat(p.lines().get(5).amount()).isEqualTo(500_000_000L);
			assertThatThrownBy(() -> runAs.user("cb.snv", () -> imports.commit(p.token()))).isInstanceOf(DomainException.class);
			assertThat(count(callId)).isZero();

			// fixed: every row saved, as drafts
			for (int r = 2; r <= 5; r++) {
				s.removeRow(s.getRow(r));
			}
			FundingFiles.Upload fixed = upload(wb);
			FundingImport.Preview clean = runAs.user("cb.snv", () -> imports.preview(callId, snv, fixed));
			assertThat(clean.errors()).isZero();
			assertThat(runAs.user("cb.snv", () -> imports.commit(clean.token()))).isEqualTo(2);
			assertThat(count(callId)).isEqualTo(2);
			// another agency's officer may not import for SNV
			assertThatThrownBy(() -> runAs.user("cb.bql", () -> imports.preview(callId, snv, fixed)))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		}

		// a workbook that is not one
		MockMultipartFile fake = new MockMultipartFile("file", "de-xuat.xlsx", "application/octet-stream", "hello".getBytes());
		assertThatThrownBy(() -> files.workbook(fake)).isInstanceOf(DomainException.class).hasMessageContaining("Excel");
	}

	@Test
	void aPreviewOf2000RowsTakesLessThanThreeSeconds() throws Exception {
		Plan plan = world.plan("Kế hoạch nhập lớn " + World.seq()).groups("I").create();
		Task mine = world.task("Nhiệm vụ nhập lớn " + World.seq()).in(plan, "I").lead("SNV").due("31/12/2026").create();
		long callId = runAs.user("sokhcn", () -> calls.open("Đợt nhập lớn " + World.seq(), 2027, 2031, LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 15)));
		long snv = world.agency("SNV");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet s = wb.createSheet("Đề xuất");
			s.createRow(0).createCell(0).setCellValue("Mã nhiệm vụ");
			for (int r = 1; r <= 2000; r++) {
				row(s, r, mine.getId(), "Ngân sách nhà nước", "Chi chuyển đổi số", 2027 + r % 5, (r * 1000) + " triệu",
						"Dòng " + r);
			}
			FundingFiles.Upload f = upload(wb);
			long t0 = System.nanoTime();
			FundingImport.Preview p = runAs.user("cb.snv", () -> imports.preview(callId, snv, f));
			long ms = (System.nanoTime() - t0) / 1_000_000;
			assertThat(p.lines()).hasSize(2000);
			assertThat(ms).as("preview of 2.000 rows, ms").isLessThan(3000);
			System.out.println("FUNDING-BENCH import preview 2000 rows: " + ms + " ms");
		}
	}

	private static void row(Sheet s, int r, long task, String source, String category, int year, String amount,
			String justification) {
		Row row = s.createRow(r);
		row.createCell(0).setCellValue(task);
		row.createCell(2).setCellValue(source);
		row.createCell(3).setCellValue(category);
		row.createCell(4).setCellValue(year);
		row.createCell(5).setCellValue(amount);
		row.createCell(6).setCellValue(justification);
	}

	private FundingFiles.Upload upload(XSSFWorkbook wb) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		wb.write(out);
		return files.workbook(new MockMultipartFile("file", "de-xuat.xlsx", "application/octet-stream", out.toByteArray()));
	}

	private int count(long callId) {
		return jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id = ?", Integer.class, callId);
	}
}
