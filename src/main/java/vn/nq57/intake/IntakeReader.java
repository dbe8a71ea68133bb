package vn.nq57.intake;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnFormat;

/**
 * Files and pasted text into draft rows: the appendix table of a Word or Excel file, the candidate tasks of a
 * notice. Refuses files that are too large or not what they claim to be. Judges nothing and writes nothing.
 */
@Component
class IntakeReader {

	/** An appendix read: its rows and the caption above the table (the plan's title, when there is one). */
	record Appendix(List<DraftRow> rows, String caption) {
	}

	private final IntakeAnalyzer analyzer;
	private final long maxBytes;

	IntakeReader(IntakeAnalyzer analyzer, @Value("${nq57.intake.max-bytes:10485760}") long maxBytes) {
		this.analyzer = analyzer;
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return maxBytes;
	}

	/** The appendix rows of a Word or Excel file. */
	Appendix appendix(String fileName, byte[] data) {
		checkSize(fileName, data);
		OfficeFiles.Format format = OfficeFiles.detect(data, fileName);
		List<OfficeFiles.Grid> grids = format == OfficeFiles.Format.DOCX ? OfficeFiles.docxTables(data, fileName)
				: OfficeFiles.sheets(data, format, fileName);
		AppendixReader.Appendix a = AppendixReader.read(grids, fileName);
		return new Appendix(a.rows(), a.caption());
	}

	/** The candidate tasks of a notice, from a Word file or from pasted text. */
	NoticeParser.Result notice(String fileName, byte[] data, String text) {
		List<String> paragraphs;
		if (data != null && data.length > 0) {
			checkSize(fileName, data);
			OfficeFiles.Format format = OfficeFiles.detect(data, fileName);
			if (format != OfficeFiles.Format.DOCX) {
				throw new IntakeException("Thông báo kết luận cần là tài liệu Word (.docx) hoặc văn bản dán vào ô; tệp “"
						+ fileName + "” là " + format.label);
			}
			paragraphs = OfficeFiles.docxParagraphs(data, fileName);
		}
		else if (text != null && !text.isBlank()) {
			if (text.length() > 500_000) {
				throw new IntakeException("Văn bản dán vào quá dài (hơn 500.000 ký tự); hãy dán riêng phần kết luận");
			}
			paragraphs = NoticeParser.paragraphs(text);
		}
		else {
			throw new IntakeException("Chưa có nội dung thông báo: hãy chọn tệp Word (.docx) hoặc dán văn bản");
		}
		NoticeParser.Result r = NoticeParser.parse(paragraphs, analyzer.matcher());
		if (r.rows().isEmpty()) {
			throw new IntakeException("Không tìm thấy nhiệm vụ nào trong thông báo: cần các mục giao việc như "
					+ "“2. Giao Sở Khoa học và Công nghệ:” với các gạch đầu dòng hoặc các ý a), b), c)");
		}
		return r;
	}

	private void checkSize(String fileName, byte[] data) {
		if (data != null && data.length > maxBytes) {
			throw new IntakeException("Tệp “" + fileName + "” lớn " + new VnFormat().num(data.length / 1024)
					+ " KB, vượt quá " + new VnFormat().num(maxBytes / (1024 * 1024)) + " MB cho phép; không có gì được ghi");
		}
	}
}
