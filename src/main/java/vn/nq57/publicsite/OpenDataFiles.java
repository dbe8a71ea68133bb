package vn.nq57.publicsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A public data set as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads the Vietnamese right; header =
 * the stable column names), JSON (the columns with their documentation, then the rows as objects) and XLSX (sheet
 * "Dữ liệu" with the rows, sheet "Mô tả" with the columns). Every file carries the day its figures are as of.
 * Each file is made once per cache period and served as bytes.
 */
@Component
public class OpenDataFiles {

	public enum Format {
		CSV("csv", "text/csv;charset=UTF-8"), JSON("json", "application/json;charset=UTF-8"),
		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String extension;
		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		public String extension() {
			return extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public static Format of(String extension) {
			for (Format f : values()) {
				if (f.extension.equalsIgnoreCase(extension)) {
					return f;
				}
			}
			return null;
		}
	}

	/** A file ready to send. */
	public record File(byte[] bytes, String fileName, Format format, LocalDate asOf, java.time.Instant computedAt) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PublicDatasets datasets;
	private final PublicCache cache;

	OpenDataFiles(PublicDatasets datasets, PublicCache cache) {
		this.datasets = datasets;
		this.cache = cache;
	}

	public File file(PublicDataset d, Format f) {
		return cache.get("file:" + d.name() + "." + f.extension(), () -> {
			PublicDatasets.Table t = datasets.table(d);
			byte[] bytes = switch (f) {
				case CSV -> csv(t);
				case JSON -> json(t);
				case XLSX -> xlsx(t);
			};
			return new File(bytes, d.name() + "." + f.extension(), f, t.asOf(), t.computedAt());
		});
	}

	static String cell(Object v) {
		if (v == null) {
			return "";
		}
		if (v instanceof BigDecimal b) {
			return b.toPlainString();
		}
		return v.toString();
	}

	static byte[] csv(PublicDatasets.Table t) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 + t.rows().size() * 200);
		try (var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
			w.write('\uFEFF');
			p.printRecord(t.dataset().columns().stream().map(PublicDataset.Column::name).toList());
			List<String> line = new ArrayList<>();
			for (Object[] r : t.rows()) {
				line.clear();
				for (Object v : r) {
					line.add(cell(v));
				}
				p.printRecord(line);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] json(PublicDatasets.Table t) {
		Map<String, Object> doc = new LinkedHashMap<>();
		PublicDataset d = t.dataset();
		doc.put("dataset", d.name());
		doc.put("title", d.title());
		doc.put("description", d.description());
		doc.put("asOf", t.asOf().toString());
		List<Map<String, Object>> cols = new ArrayList<>();
		d.columns().forEach(c -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", c.name());
			m.put("type", c.type().name().toLowerCase(java.util.Locale.ROOT));
			m.put("description", c.description());
			cols.add(m);
		});
		doc.put("columns", cols);
		List<Map<String, Object>> rows = new ArrayList<>(t.rows().size());
		for (Object[] r : t.rows()) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (int i = 0; i < r.length; i++) {
				Object v = r[i];
				m.put(d.columns().get(i).name(), v instanceof LocalDate ld ? ld.toString() : v);
			}
			rows.add(m);
		}
		doc.put("rows", rows);
		return JSON.writeValueAsBytes(doc);
	}

	static byte[] xlsx(PublicDatasets.Table t) {
		SXSSFWorkbook wb = new SXSSFWorkbook(500);
		try {
			PublicDataset d = t.dataset();
			CellStyle bold = wb.createCellStyle();
			Font f = wb.createFont();
			f.setBold(true);
			bold.setFont(f);
			CellStyle dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
			Sheet s = wb.createSheet("Dữ liệu");
			Row h = s.createRow(0);
			for (int i = 0; i < d.columns().size(); i++) {
				Cell c = h.createCell(i);
				c.setCellValue(d.columns().get(i).name());
				c.setCellStyle(bold);
			}
			int n = 1;
			for (Object[] r : t.rows()) {
				Row row = s.createRow(n++);
				for (int i = 0; i < r.length; i++) {
					Object v = r[i];
					if (v == null) {
						continue;
					}
					Cell c = row.createCell(i);
					if (v instanceof Number num) {
						c.setCellValue(num.doubleValue());
					}
					else if (v instanceof LocalDate ld) {
						c.setCellValue(ld);
						c.setCellStyle(dateStyle);
					}
					else {
						c.setCellValue(v.toString());
					}
				}
			}
			s.createFreezePane(0, 1);
			Sheet m = wb.createSheet("Mô tả");
			Row title = m.createRow(0);
			title.createCell(0).setCellValue(d.title());
			Row asOf = m.createRow(1);
			asOf.createCell(0).setCellValue("Số liệu tính đến ngày");
			asOf.createCell(1).setCellValue(t.asOf().format(vn.nq57.kernel.VnFormat.DATE));
			Row head = m.createRow(3);
			String[] heads = { "Cột", "Kiểu", "Ý nghĩa" };
			for (int i = 0; i < heads.length; i++) {
				head.createCell(i).setCellValue(heads[i]);
				head.getCell(i).setCellStyle(bold);
			}
			int k = 4;
			for (PublicDataset.Column c : d.columns()) {
				Row row = m.createRow(k++);
				row.createCell(0).setCellValue(c.name());
				row.createCell(1).setCellValue(c.type().name().toLowerCase(java.util.Locale.ROOT));
				row.createCell(2).setCellValue(c.description());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			wb.dispose();
			try {
				wb.close();
			}
			catch (IOException ignored) {
				// nothing held
			}
		}
	}
}
