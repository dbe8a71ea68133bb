package vn.nq57.intake;

/**
 * One row of an appendix (or one candidate task of a notice) as the document wrote it, before anything is
 * understood: texts are NFC, trimmed, and keep their line breaks. This is what a draft import stores and
 * what the user edits in the preview.
 *
 * @param line where it came from: the row of the table, or the paragraph of the notice (1-based)
 * @param group whether this is a group row (I, II, …) rather than a task
 * @param groupCode the group the row belongs to ("II"); for a group row its own code
 * @param groupTitle for a group row, its title
 * @param source where a person finds it in the document ("Bảng 1, dòng 7", "Mục 2, ý thứ 3")
 * @param dropped the user chose not to import it
 * @param edited the user changed it in the preview
 */
public record DraftRow(int line, boolean group, String groupCode, String groupTitle, String stt, String title,
		String accountableHead, String leads, String coordinators, String expectedOutput, String deadline,
		String source, boolean dropped, boolean edited) {

	static DraftRow group(int line, String code, String title, String source) {
		return new DraftRow(line, true, code, VnText.clean(title), null, null, null, null, null, null, null, source,
				false, false);
	}

	static DraftRow task(int line, String groupCode, String stt, String title, String head, String leads,
			String coordinators, String output, String deadline, String source) {
		return new DraftRow(line, false, groupCode, null, blankToNull(VnText.oneLine(stt)), blankToNull(VnText.clean(title)),
				blankToNull(VnText.clean(head)), blankToNull(VnText.clean(leads)), blankToNull(VnText.clean(coordinators)),
				blankToNull(VnText.clean(output)), blankToNull(VnText.oneLine(deadline)), source, false, false);
	}

	DraftRow edit(String stt, String title, String head, String leads, String coordinators, String output,
			String deadline) {
		return new DraftRow(line, false, groupCode, null, blankToNull(VnText.oneLine(stt)), blankToNull(VnText.clean(title)),
				blankToNull(VnText.clean(head)), blankToNull(VnText.clean(leads)), blankToNull(VnText.clean(coordinators)),
				blankToNull(VnText.clean(output)), blankToNull(VnText.oneLine(deadline)), source, dropped, true);
	}

	DraftRow withDropped(boolean d) {
		return new DraftRow(line, group, groupCode, groupTitle, stt, title, accountableHead, leads, coordinators,
				expectedOutput, deadline, source, d, edited);
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
