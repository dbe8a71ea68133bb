package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

/**
 * The inventory and its computed indicators, technology matching, initiatives with the panel and the portal
 * exports, and the Excel import of a register (preview, all or nothing, disguised files).
 */
@IntegrationTest
class RegistersTest {

	@Autowired InventoryService inventory;
	@Autowired InventoryIndicators indicators;
	@Autowired TechService tech;
	@Autowired InitiativeService initiatives;
	@Autowired RegisterImport registers;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;

	private InventoryService.Input system(String name, String owner, String hosting, boolean lgsp, String status) {
		return new InventoryService.Input(name, world.agency(owner), "Quản lý hồ sơ " + name, "SOFTWARE", "Cán bộ, công chức",
				hosting, "2", true, lgsp, false, null, status, "2024", "2 tỷ 300 triệu", null);
	}

	@Test
	@DisplayName("the inventory's counts become the fed indicators HT-TTDL-HT, HT-LGSP, HT-UD-SD; a retired system stops counting")
	void computedIndicators() {
		InventoryService.Counts before = runAs.user("sokhcn", () -> inventory.counts());
		long a = runAs.user("cb.stc", () -> inventory.create(system("Hệ thống kiểm thử A " + World.seq(), "STC", "DATA_CENTRE", true, "OPERATING")));
		runAs.user("sokhcn", () -> inventory.create(system("Hệ thống kiểm thử B " + World.seq(), "SNV", "CLOUD", true, "OPERATING")));
		runAs.user("sokhcn", () -> inventory.create(system("Hệ thống kiểm thử C " + World.seq(), "SNV", "DATA_CENTRE", false, "PLANNED")));
		InventoryService.Counts after = runAs.user("sokhcn", () -> inventory.counts());
		assertThat(after.dataCentre()).isEqualTo(before.dataCentre() + 1);
		assertThat(after.lgsp()).isEqualTo(before.lgsp() + 2);
		assertThat(after.inUse()).isEqualTo(before.inUse() + 2);
		assertThat(rollup(InventoryIndicators.DATA_CENTRE)).isEqualByComparingTo(BigDecimal.valueOf(after.dataCentre()));
		assertThat(rollup(InventoryIndicators.LGSP)).isEqualByComparingTo(BigDecimal.valueOf(after.lgsp()));
		assertThat(rollup(InventoryIndicators.IN_USE)).isEqualByComparingTo(BigDecimal.valueOf(after.inUse()));

		InfoSystem s = runAs.user("cb.stc", () -> inventory.get(a));
		assertThat(s.cost()).isEqualTo(2_300_000_000L);
		// another agency's officer does not change it
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> inventory.update(a, system(s.name(), "STC", "DATA_CENTRE", true, "RETIRED"), s.version())))
			.isInstanceOf(AccessDeniedException.class);
		runAs.user("cb.stc", () -> inventory.update(a, system(s.name(), "STC", "DATA_CENTRE", true, "RETIRED"), s.version()));
		assertThat(rollup(InventoryIndicators.DATA_CENTRE)).isEqualByComparingTo(BigDecimal.valueOf(after.dataCentre() - 1));
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> inventory.update(a, system(s.name(), "STC", "DATA_CENTRE", true, "RETIRED"), s.version())))
			.isInstanceOf(vn.nq57.system.ConcurrentEditException.class);
		// a bad security level or hosting is refused
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> inventory.create(new InventoryService.Input("X " + World.seq(), world.agency("STC"),
				null, "SOFTWARE", null, "DATA_CENTRE", "7", false, false, false, null, "OPERATING", null, null, null))))
			.hasMessageContaining("Cấp độ an toàn thông tin");
	}

	@Test
	@DisplayName("overlap flags: same purpose as another system, a name like a central platform")
	void overlaps() {
		int n = World.seq();
		long a = runAs.user("sokhcn", () -> inventory.create(new InventoryService.Input("Phần mềm một cửa điện tử " + n, world.agency("STC"),
				"Tiếp nhận và giải quyết thủ tục hành chính trực tuyến cho người dân số " + n, "SOFTWARE", null, "DATA_CENTRE", null,
				false, false, false, null, "OPERATING", null, null, null)));
		long b = runAs.user("sokhcn", () -> inventory.create(new InventoryService.Input("Cổng Dịch vụ công quốc gia " + n, world.agency("SNV"),
				"Tiếp nhận và giải quyết thủ tục hành chính trực tuyến cho người dân số " + n, "PLATFORM", null, "AGENCY", null,
				false, false, false, null, "OPERATING", null, null, null)));
		assertThat(runAs.user("sokhcn", () -> inventory.get(a)).overlaps()).anyMatch(o -> o.startsWith("Cùng mục đích"));
		assertThat(runAs.user("sokhcn", () -> inventory.get(b)).overlaps()).anyMatch(o -> o.contains("nền tảng Trung ương"));
	}

	private BigDecimal rollup(String code) {
		return jdbc.queryForObject("""
				SELECT r.value FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id
				WHERE i.code = ? AND r.period_start = DATE '2026-01-01'""", BigDecimal.class, code);
	}

	@Test
	@DisplayName("a need is matched with offers of its field and text; DoST connects them; an agency cannot post for another")
	void techMatching() {
		int n = World.seq();
		String field = "Nông nghiệp " + n;
		long need = runAs.user("cb.stc", () -> tech.createNeed(new TechService.NeedInput("AGENCY", world.agency("STC"), null, field,
				"Truy xuất nguồn gốc nông sản " + n, "Cần hệ thống truy xuất nguồn gốc nông sản bằng mã QR", null, "500 triệu", "1,5 tỷ",
				"cb.stc@quangngai.gov.vn")));
		long offer = runAs.user("sokhcn", () -> tech.createOffer(new TechService.OfferInput("UNIVERSITY", "Trường Đại học Phạm Văn Đồng",
				field, "Nền tảng truy xuất nguồn gốc bằng mã QR " + n, "Giải pháp truy xuất nguồn gốc nông sản", null)));
		assertThat(runAs.user("sokhcn", () -> tech.need(need)).budget()).isEqualTo("500.000.000 đ – 1.500.000.000 đ");
		assertThat(runAs.user("sokhcn", () -> tech.offersFor(need))).first().satisfies(m -> {
			assertThat(m.id()).isEqualTo(offer);
			assertThat(m.sameField()).isTrue();
		});
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> tech.connect(need, offer, null, null))).isInstanceOf(AccessDeniedException.class);
		runAs.user("sokhcn", () -> tech.connect(need, offer, "Đã giới thiệu hai bên", null));
		assertThat(runAs.user("cb.stc", () -> tech.need(need)).state()).isEqualTo("CONNECTED");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> tech.connect(need, offer, null, null))).hasMessageContaining("đã được kết nối");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> tech.createNeed(new TechService.NeedInput("AGENCY", world.agency("SNV"), null,
				field, "Nhu cầu " + n, "Mô tả", null, null, null, null)))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> tech.createNeed(new TechService.NeedInput("AGENCY", world.agency("STC"), null,
				field, "Nhu cầu " + n, "Mô tả", null, "2 tỷ", "1 tỷ", null)))).hasMessageContaining("Khoảng kinh phí");
	}

	@Test
	@DisplayName("an initiative is scored by the panel, selected, and exported for the ministry portal (.xlsx and .docx reopen)")
	void initiativesAndExports() throws Exception {
		int year = 2030 + World.seq() % 50;
		long id = runAs.user("cb.stc", () -> initiatives.submit(new InitiativeService.Input(String.valueOf(year),
				"Sáng kiến số hóa hồ sơ quyết toán " + World.seq(), "Nguyễn Văn A", null, world.agency("STC"), "Tài chính",
				"Số hóa toàn bộ hồ sơ quyết toán", "Toàn ngành tài chính"), true));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> initiatives.decide(id, 0, InitiativeService.State.SELECTED)))
			.hasMessageContaining("cần có điểm");
		runAs.user("sokhcn", () -> initiatives.score(id, "85", "Tốt"));
		runAs.user("lanhdao", () -> initiatives.score(id, "75,5", null));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> initiatives.score(id, "120", null))).hasMessageContaining("từ 0 đến 100");
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> initiatives.score(id, "90", null))).isInstanceOf(AccessDeniedException.class);
		InitiativeService.Initiative i = runAs.user("sokhcn", () -> initiatives.get(id));
		assertThat(i.averageScore()).isEqualByComparingTo("80.25");
		runAs.user("sokhcn", () -> initiatives.decide(id, i.version(), InitiativeService.State.SELECTED));
		byte[] xlsx = runAs.user("sokhcn", () -> initiatives.selectedXlsx(year));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Tên sáng kiến, giải pháp");
			assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(i.title());
		}
		byte[] docx = runAs.user("sokhcn", () -> initiatives.selectedDocx(year));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(doc.getTables()).isNotEmpty();
			assertThat(doc.getTables()).anySatisfy(t -> assertThat(t.getText()).contains(i.title()));
		}
	}

	@Test
	@DisplayName("an Excel import is previewed row by row and committed all or nothing; disguised files are refused")
	void importAllOrNothing() throws Exception {
		int n = World.seq();
		List<String> headers = registers.register("systems").headers();
		byte[] bad = RegisterFiles.xlsx("Hệ thống", headers, List.of(
				Arrays.asList("Hệ thống nhập Excel một " + n, "STC", "Mục đích", "Phần mềm, ứng dụng", "", "Trung tâm dữ liệu tỉnh", "3", "Có", "Có", "", "", "Đang vận hành", "2025", "1 tỷ"),
				Arrays.asList("Hệ thống nhập Excel hai " + n, "Cơ quan không tồn tại", "", "SOFTWARE", "", "CLOUD", "", "", "", "", "", "OPERATING", "", "")),
				null);
		Integer before = jdbc.queryForObject("SELECT count(*) FROM info_system", Integer.class);
		RegisterImport.Preview p = runAs.user("sokhcn", () -> registers.preview("systems", "he-thong.xlsx", bad));
		assertThat(p.rows()).isEqualTo(2);
		assertThat(p.errors()).isEqualTo(1);
		assertThat(p.lines().get(1).error()).contains("không có trong danh mục cơ quan");
		assertThat(p.committable()).isFalse();
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> registers.commit("systems", p.token(), false)))
			.isInstanceOf(DomainException.class).hasMessageContaining("Không nhập dòng nào");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM info_system", Integer.class)).isEqualTo(before);

		byte[] good = RegisterFiles.xlsx("Hệ thống", headers, List.of(
				Arrays.asList("Hệ thống nhập Excel ba " + n, "Sở Tài chính", "", "Cơ sở dữ liệu", "", "Tại cơ quan", "", "", "Không", "", "", "Kế hoạch", "", "")),
				null);
		RegisterImport.Preview ok = runAs.user("sokhcn", () -> registers.preview("systems", "he-thong.xlsx", good));
		assertThat(ok.committable()).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM info_system", Integer.class)).as("preview writes nothing").isEqualTo(before);
		assertThat(runAs.user("sokhcn", () -> registers.commit("systems", ok.token(), false))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM info_system WHERE name = ?", Integer.class, "Hệ thống nhập Excel ba " + n)).isEqualTo(1);

		// the export reopens with POI and carries the row
		byte[] export = runAs.user("sokhcn", () -> registers.export("systems", "nhap excel ba " + n));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Hệ thống nhập Excel ba " + n);
		}
		// disguised and wrong files
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> registers.preview("systems", "he-thong.xlsx", "<html>xin chao</html>".getBytes())))
			.hasMessageContaining("không phải bảng tính Excel");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> registers.preview("systems", "he-thong.xlsx", new byte[0])))
			.hasMessageContaining("rỗng");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> registers.preview("systems", "anh.png", good)))
			.hasMessageContaining(".xlsx");
		assertThatThrownBy(() -> RegisterFiles.checkAttachment("bien-ban.pdf", good)).hasMessageContaining("không đúng với nội dung");
		assertThatThrownBy(() -> RegisterFiles.checkAttachment("ketqua.pdf", new byte[RegisterFiles.MAX_BYTES + 1]))
			.hasMessageContaining("10 MB");
	}
}
