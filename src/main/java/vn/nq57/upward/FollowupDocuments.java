package vn.nq57.upward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.Rates;
import vn.nq57.kernel.VnFormat;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.officialdoc.OfficialDocument.Align;
import vn.nq57.officialdoc.OfficialDocument.Column;
import vn.nq57.task.TaskStatus;

/** The follow-up report of a directive (báo cáo kết quả thực hiện thông báo kết luận) as Word and as Excel. */
@Component
public class FollowupDocuments {

	static String name(Followup.DirectiveRow d) {
		String kind = "CONCLUSION_NOTICE".equals(d.kind()) ? "Thông báo kết luận" : "Kế hoạch";
		return kind + (d.number() == null || d.number().isBlank() ? "" : " số " + d.number())
				+ (d.issuedOn() == null ? "" : " ngày " + VnFormat.DATE.format(d.issuedOn()))
				+ (d.issuer() == null || d.issuer().isBlank() ? "" : " của " + d.issuer());
	}

	public byte[] docx(Followup.Report r, LocalDate date) {
		Followup.DirectiveRow d = r.directive();
		OfficialDocument.Builder b = OfficialDocument.builder().issuer("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
			.number("      /BC-SKHCN").placeAndDate("Quảng Ngãi", date)
			.kind("BÁO CÁO", "Kết quả thực hiện " + name(d) + (d.title() == null ? "" : "\n" + d.title()));
		long total = r.total();
		long done = r.completed();
		long overdue = r.overdue();
		b.paragraph("Thực hiện " + name(d) + ", Sở Khoa học và Công nghệ tổng hợp kết quả thực hiện các nội dung được giao "
				+ "đến ngày " + VnFormat.DATE.format(r.asOf()) + " như sau:");
		b.heading(1, "I. Kết quả chung");
		b.paragraph("Tổng số nhiệm vụ: " + total + "; đã hoàn thành " + done + " (" + VnFormat.percent(Rates.percent(done, total))
				+ "), trong đó đúng hạn " + r.counts().getOrDefault(TaskStatus.COMPLETED_ON_TIME, 0) + ", quá hạn "
				+ r.counts().getOrDefault(TaskStatus.COMPLETED_LATE, 0) + "; chưa hoàn thành " + (total - done)
				+ ", trong đó quá hạn " + overdue + ".");
		b.heading(1, "II. Kết quả thực hiện từng nội dung");
		List<OfficialDocument.Row> rows = new ArrayList<>();
		int i = 0;
		for (Followup.Item it : r.items()) {
			i++;
			rows.add(OfficialDocument.Row.of(it.stt() == null ? String.valueOf(i) : it.stt(), it.title(),
					it.leads() == null ? "" : it.leads(), deadline(it), it.status().label(), progress(it)));
		}
		b.block(new OfficialDocument.Table(List.of(new Column("STT", 5, Align.CENTER), new Column("Nội dung", 30),
				new Column("Cơ quan chủ trì", 15), new Column("Thời hạn", 10, Align.CENTER), new Column("Tình trạng", 12),
				new Column("Kết quả, khó khăn", 28)), rows));
		List<Followup.Item> problems = r.withObstacles();
		b.heading(1, "III. Khó khăn, vướng mắc và kiến nghị");
		if (problems.isEmpty()) {
			b.paragraph("Các cơ quan, đơn vị chưa báo cáo khó khăn, vướng mắc.");
		}
		for (Followup.Item it : problems) {
			b.paragraph("- " + it.title() + " (" + (it.leads() == null ? "" : it.leads()) + "): " + it.obstacles()
					+ (it.proposals() == null || it.proposals().isBlank() ? "" : " Kiến nghị: " + it.proposals()));
		}
		b.paragraph("Sở Khoa học và Công nghệ kính báo cáo.");
		b.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "");
		b.recipients(List.of("- UBND tỉnh (b/c);", "- Ban Chỉ đạo (b/c);", "- Lưu: VT, KH&ĐMST."));
		return DocxWriter.write(b.build());
	}

	static String deadline(Followup.Item it) {
		if (it.dueDate() != null) {
			return VnFormat.DATE.format(it.dueDate());
		}
		return it.deadline() == null ? "" : it.deadline();
	}

	static String progress(Followup.Item it) {
		StringBuilder s = new StringBuilder();
		if (it.results() != null && !it.results().isBlank()) {
			s.append(it.results());
		}
		if (it.percent() != null) {
			s.append(s.isEmpty() ? "" : " ").append("(").append(it.percent()).append("%)");
		}
		if (it.obstacles() != null && !it.obstacles().isBlank()) {
			s.append(s.isEmpty() ? "" : "\n").append("Khó khăn: ").append(it.obstacles());
		}
		if (s.isEmpty()) {
			s.append("Chưa báo cáo tiến độ");
		}
		return s.toString();
	}

	public byte[] xlsx(Followup.Report r) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle head = wb.createCellStyle();
			Font f = wb.createFont();
			f.setBold(true);
			head.setFont(f);
			Sheet s = wb.createSheet("Theo dõi thực hiện");
			s.createRow(0).createCell(0).setCellValue("Kết quả thực hiện " + name(r.directive()));
			s.createRow(1).createCell(0).setCellValue("Đến ngày " + VnFormat.DATE.format(r.asOf()));
			String[] cols = { "STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Tiến độ (%)", "Ngày báo cáo gần nhất",
					"Kết quả", "Khó khăn, vướng mắc", "Kiến nghị" };
			Row h = s.createRow(3);
			for (int i = 0; i < cols.length; i++) {
				var c = h.createCell(i);
				c.setCellValue(cols[i]);
				c.setCellStyle(head);
			}
			int n = 4;
			int i = 0;
			for (Followup.Item it : r.items()) {
				Row row = s.createRow(n++);
				i++;
				row.createCell(0).setCellValue(it.stt() == null ? String.valueOf(i) : it.stt());
				row.createCell(1).setCellValue(it.title());
				row.createCell(2).setCellValue(it.leads() == null ? "" : it.leads());
				row.createCell(3).setCellValue(deadline(it));
				row.createCell(4).setCellValue(it.status().label());
				if (it.percent() != null) {
					row.createCell(5).setCellValue(it.percent());
				}
				row.createCell(6).setCellValue(it.lastReportedOn() == null ? "" : VnFormat.DATE.format(it.lastReportedOn()));
				row.createCell(7).setCellValue(it.results() == null ? "" : it.results());
				row.createCell(8).setCellValue(it.obstacles() == null ? "" : it.obstacles());
				row.createCell(9).setCellValue(it.proposals() == null ? "" : it.proposals());
			}
			s.setColumnWidth(1, 60 * 256);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
