package vn.nq57.funding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.Money;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.system.AppClock;

/**
 * Documents out: DoST's letter to Sở Tài chính in the Decree 30 layout with the reviewed list as its appendix, the same
 * list as Excel, and Sở Tài chính's consolidated list (per agency and source) as Excel. Workbooks are streamed
 * (SXSSF), so 50.000 proposals fit in seconds and little memory; amounts are number cells in whole đồng.
 */
@Component
class FundingDocuments {

	/** One reviewed proposal as the list shows it. */
	record Item(long id, String groupCode, String taskTitle, String agencyName, String source, String category, long amount,
			long reviewed, String state, String reason) {
	}

	private final JdbcTemplate jdbc;
	private final FundingStore store;
	private final AppClock clock;

	FundingDocuments(JdbcTemplate jdbc, FundingStore store, AppClock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	private void items(long callId, java.util.function.Consumer<Item> each) {
		jdbc.query("""
				SELECT p.id, g.code, t.title, a.name, p.source, p.category, p.amount, COALESCE(p.approved_amount, p.amount),
				       p.state, p.review_reason
				FROM funding_proposal p JOIN task_view t ON t.id = p.task_id LEFT JOIN task_group_view g ON g.id = t.group_id
				JOIN agency_view a ON a.id = p.agency_id
				WHERE p.call_id = ? AND p.state IN ('ACCEPTED', 'ADJUSTED', 'ALLOCATED')
				ORDER BY a.name, g.code NULLS LAST, p.id""", rs -> {
			each.accept(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Source.valueOf(rs.getString(5)).label(), Category.valueOf(rs.getString(6)).label(), rs.getLong(7),
					rs.getLong(8), FundingProposals.label(ProposalState.valueOf(rs.getString(9))), rs.getString(10)));
		}, callId);
	}

	/** The letter of DoST to Sở Tài chính, with the reviewed list as the appendix. */
	byte[] letter(long callId) {
		FundingCall call = store.call(callId);
		List<Item> items = new ArrayList<>();
		items(callId, items::add);
		long asked = items.stream().mapToLong(Item::amount).sum();
		long reviewed = items.stream().mapToLong(Item::reviewed).sum();
		long agencies = items.stream().map(Item::agencyName).distinct().count();
		List<OfficialDocument.Row> rows = new ArrayList<>();
		String agency = null;
		int n = 0;
		for (Item i : items) {
			if (!i.agencyName().equals(agency)) {
				agency = i.agencyName();
				rows.add(OfficialDocument.Row.group(agency));
			}
			rows.add(OfficialDocument.Row.of(String.valueOf(++n), i.taskTitle(), i.source(), i.category(),
					Money.format(i.amount()).replace(" đ", ""), Money.format(i.reviewed()).replace(" đ", ""),
					i.reason() == null ? "" : i.reason()));
		}
		rows.add(OfficialDocument.Row.of("", "Tổng cộng", "", "", Money.format(asked).replace(" đ", ""),
				Money.format(reviewed).replace(" đ", ""), ""));
		OfficialDocument.Table table = new OfficialDocument.Table(List.of(
				new OfficialDocument.Column("STT", 5, OfficialDocument.Align.CENTER),
				new OfficialDocument.Column("Nhiệm vụ", 36),
				new OfficialDocument.Column("Nguồn kinh phí", 12),
				new OfficialDocument.Column("Loại chi", 14),
				new OfficialDocument.Column("Đề xuất (đồng)", 11, OfficialDocument.Align.RIGHT),
				new OfficialDocument.Column("Sở KH&CN thống nhất (đồng)", 11, OfficialDocument.Align.RIGHT),
				new OfficialDocument.Column("Ghi chú", 11)), rows);
		String subject = "Đề xuất phân khai kinh phí thực hiện Nghị quyết số 57-NQ/TW năm " + call.years();
		OfficialDocument doc = OfficialDocument.builder()
			.issuer("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
			.number(call.letterNumber() == null ? "     /SKHCN-KHTC" : call.letterNumber())
			.placeAndDate("Quảng Ngãi", call.sentOn() == null ? clock.today() : call.sentOn())
			.letter(subject, List.of("Sở Tài chính"))
			.paragraph("Thực hiện Thông báo kết luận của Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo "
					+ "và chuyển đổi số, Sở Khoa học và Công nghệ đã tiếp nhận và xem xét đề xuất phân khai kinh phí của các cơ "
					+ "quan, đơn vị trong đợt “" + call.title() + "” đúng trình tự, thủ tục, bảo đảm không trùng lặp nội dung.")
			.paragraph("Kết quả: " + items.size() + " nhiệm vụ của " + agencies + " cơ quan, đơn vị được thống nhất, tổng kinh phí "
					+ "đề xuất " + Money.format(asked) + ", Sở Khoa học và Công nghệ thống nhất " + Money.format(reviewed)
					+ " (" + Money.short_(reviewed) + "); chi tiết tại Phụ lục kèm theo.")
			.paragraph("Sở Khoa học và Công nghệ đề nghị Sở Tài chính tổng hợp, tham mưu UBND tỉnh quyết định phân bổ kinh phí "
					+ "theo quy định./.")
			.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "")
			.recipients(List.of("Như trên;", "UBND tỉnh (báo cáo);", "Giám đốc Sở (báo cáo);", "Lưu: VT, KHTC."))
			.appendix(new OfficialDocument.Appendix("PHỤ LỤC", "DANH SÁCH ĐỀ XUẤT PHÂN KHAI KINH PHÍ ĐÃ XEM XÉT",
					"(Kèm theo Công văn số " + (call.letterNumber() == null ? "     /SKHCN-KHTC" : call.letterNumber())
							+ " của Sở Khoa học và Công nghệ)", true, List.of(table)))
			.build();
		return DocxWriter.write(doc);
	}

	/** The reviewed list as Excel: one row per proposal, amounts as number cells. */
	byte[] reviewedList(long callId) {
		FundingCall call = store.call(callId);
		try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
			Sheet sheet = wb.createSheet("Danh sách đã xem xét");
			CellStyle bold = bold(wb);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue("DANH SÁCH ĐỀ XUẤT PHÂN KHAI KINH PHÍ ĐÃ XEM XÉT – " + call.title());
			title.getCell(0).setCellStyle(bold);
			String[] head = { "STT", "Mã đề xuất", "Nhóm", "Nhiệm vụ", "Cơ quan đề xuất", "Nguồn kinh phí", "Loại chi",
					"Đề xuất (đồng)", "Thống nhất (đồng)", "Trạng thái", "Ghi chú" };
			Row h = sheet.createRow(2);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
				h.getCell(i).setCellStyle(bold);
			}
			int[] r = { 3 };
			long[] sums = new long[2];
			items(callId, it -> {
				Row row = sheet.createRow(r[0]);
				row.createCell(0).setCellValue(r[0] - 2);
				row.createCell(1).setCellValue(it.id());
				row.createCell(2).setCellValue(it.groupCode() == null ? "" : it.groupCode());
				row.createCell(3).setCellValue(it.taskTitle());
				row.createCell(4).setCellValue(it.agencyName());
				row.createCell(5).setCellValue(it.source());
				row.createCell(6).setCellValue(it.category());
				row.createCell(7).setCellValue(it.amount());
				row.getCell(7).setCellStyle(money);
				row.createCell(8).setCellValue(it.reviewed());
				row.getCell(8).setCellStyle(money);
				row.createCell(9).setCellValue(it.state());
				row.createCell(10).setCellValue(it.reason() == null ? "" : it.reason());
				sums[0] += it.amount();
				sums[1] += it.reviewed();
				r[0]++;
			});
			Row total = sheet.createRow(r[0]);
			total.createCell(3).setCellValue("Tổng cộng");
			total.getCell(3).setCellStyle(bold);
			total.createCell(7).setCellValue(sums[0]);
			total.getCell(7).setCellStyle(money);
			total.createCell(8).setCellValue(sums[1]);
			total.getCell(8).setCellStyle(money);
			return bytes(wb);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Sở Tài chính's consolidated list: per agency and source, the count and the amounts. */
	byte[] consolidated(long callId) {
		FundingCall call = store.call(callId);
		try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
			Sheet sheet = wb.createSheet("Tổng hợp");
			CellStyle bold = bold(wb);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
			sheet.createRow(0).createCell(0).setCellValue("TỔNG HỢP ĐỀ XUẤT KINH PHÍ THEO CƠ QUAN VÀ NGUỒN – " + call.title());
			sheet.getRow(0).getCell(0).setCellStyle(bold);
			String[] head = { "STT", "Cơ quan, đơn vị", "Nguồn kinh phí", "Số nhiệm vụ", "Đề xuất (đồng)", "Thống nhất (đồng)",
					"Phân bổ (đồng)" };
			Row h = sheet.createRow(2);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
				h.getCell(i).setCellStyle(bold);
			}
			int[] r = { 3 };
			jdbc.query("""
					SELECT a.name, p.source, count(*), sum(p.amount), sum(COALESCE(p.approved_amount, p.amount)),
					       COALESCE(sum(al.amount), 0)
					FROM funding_proposal p JOIN agency_view a ON a.id = p.agency_id
					LEFT JOIN funding_allocation al ON al.proposal_id = p.id
					WHERE p.call_id = ? AND p.state IN ('ACCEPTED', 'ADJUSTED', 'ALLOCATED')
					GROUP BY a.name, p.source ORDER BY a.name, p.source""", rs -> {
				Row row = sheet.createRow(r[0]);
				row.createCell(0).setCellValue(r[0] - 2);
				row.createCell(1).setCellValue(rs.getString(1));
				row.createCell(2).setCellValue(Source.valueOf(rs.getString(2)).label());
				row.createCell(3).setCellValue(rs.getLong(3));
				for (int c = 4; c <= 6; c++) {
					row.createCell(c).setCellValue(rs.getLong(c));
					row.getCell(c).setCellStyle(money);
				}
				r[0]++;
			}, callId);
			return bytes(wb);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static CellStyle bold(SXSSFWorkbook wb) {
		CellStyle s = wb.createCellStyle();
		Font f = wb.createFont();
		f.setBold(true);
		s.setFont(f);
		return s;
	}

	private static byte[] bytes(SXSSFWorkbook wb) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		wb.write(out);
		wb.close();
		return out.toByteArray();
	}
}
