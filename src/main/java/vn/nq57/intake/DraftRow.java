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
 * @param quote for a notice's candidate, the exact text it was read from (the preview shows it, the deadline
 *        phrase marked); {@code null} for an appendix row
 */
public record DraftRow(int line, boolean group, String groupCode, String groupTitle, String stt, String title,
		String accountableHead, String leads, String coordinators, String expectedOutput, String deadline,
		String source, boolean dropped, boolean edited, String quote) {

	static DraftRow group(int line, String code, String title, String source) {
		return new DraftRow(line, true, code, VnText.clean(title), null, null, null, null, null, null, null, source,
				false, false, null);
	}

	static DraftRow task(int line, String groupCode, String stt, String title, String head, String leads,
			String coordinators, String output, String deadline, String source) {
		return new DraftRow(line, false, groupCode, null, blankToNull(VnText.oneLine(stt)), blankToNull(VnText.clean(title)),
				blankToNull(VnText.clean(head)), blankToNull(VnText.clean(leads)), blankToNull(VnText.clean(coordinators)),
				blankToNull(VnText.clean(output)), blankToNull(VnText.oneLine(deadline)), source, false, false, null);
	}

	DraftRow edit(String stt, String title, String head, String leads, String coordinators, String output,
			String deadline) {
		return new DraftRow(line, false, groupCode, null, blankToNull(VnText.oneLine(stt)), blankToNull(VnText.clean(title)),
				blankToNull(VnText.clean(head)), blankToNull(VnText.clean(leads)), blankToNull(VnText.clean(coordinators)),
				blankToNull(VnText.clean(output)), blankToNull(VnText.oneLine(deadline)), source, dropped, true, quote);
	}

	DraftRow withDropped(boolean d) {
		return new DraftRow(line, group, groupCode, groupTitle, stt, title, accountableHead, leads, coordinators,
				expectedOutput, deadline, source, d, edited, quote);
	}

	/** The same row with the exact text of the document it was read from (a notice's paragraph). */
	DraftRow withQuote(String q) {
		return new DraftRow(line, group, groupCode, groupTitle, stt, title, accountableHead, leads, coordinators,
				expectedOutput, deadline, source, dropped, edited, q);
	}

	/** A piece of the quote, marked when it is the deadline phrase the row was given. */
	public record Segment(String text, boolean marked) {
	}

	/** The quote cut around the deadline phrase (the first place it occurs), for the preview to highlight it. */
	public java.util.List<Segment> quoteSegments() {
		if (quote == null) {
			return java.util.List.of();
		}
		String q = quote.toLowerCase(java.util.Locale.ROOT);
		String d = deadline == null ? "" : deadline.toLowerCase(java.util.Locale.ROOT);
		int at = d.isEmpty() || q.length() != quote.length() || d.length() != deadline.length() ? -1 : q.indexOf(d);
		if (at < 0) {
			return java.util.List.of(new Segment(quote, false));
		}
		java.util.List<Segment> out = new java.util.ArrayList<>();
		if (at > 0) {
			out.add(new Segment(quote.substring(0, at), false));
		}
		out.add(new Segment(quote.substring(at, at + d.length()), true));
		if (at + d.length() < quote.length()) {
			out.add(new Segment(quote.substring(at + d.length()), false));
		}
		return out;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
