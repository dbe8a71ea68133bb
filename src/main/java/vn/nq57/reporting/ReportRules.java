package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.nq57.kernel.VnText;
import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.PeriodicReportService.ItemInput;
import vn.nq57.reporting.PeriodicReportService.ReportRow;
import vn.nq57.reporting.ReportContent.Item;
import vn.nq57.reporting.ReportContent.Section;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.FieldsRefused;
import vn.nq57.system.TextRules;

/**
 * What an agency may do with its periodic report, and what an edit may contain: plain Java, each refusal with
 * its reason in Vietnamese. The agency works on a report it owes, once the data window has begun and until the
 * period locks for it; a submitted or accepted report is not edited; a report is approved and sent only complete.
 */
final class ReportRules {

	static final int MAX_SECTION = 20_000;
	static final int MAX_ITEM = 2_000;
	static final int MAX_ITEMS = 100;

	private static final vn.nq57.kernel.VnFormat FMT = PeriodicReportService.FMT;

	private ReportRules() {
	}

	static void requireEditable(ReportRow r, LocalDate today) {
		if (r.state() == ReportState.NOT_STARTED) {
			throw new DomainException("Báo cáo chưa được lập");
		}
		if (!r.state().isEditable()) {
			throw notEditable(r);
		}
		requireOpen(r, today);
	}

	static DomainException notEditable(ReportRow r) {
		if (r.state() == ReportState.ACCEPTED) {
			return new DomainException("Báo cáo " + r.period().title() + " đã được Sở KH&CN tiếp nhận; không sửa được nữa.");
		}
		return new DomainException("Báo cáo " + r.period().title() + " đã gửi Sở KH&CN ngày " + FMT.date(r.submittedOn())
				+ "; không sửa được nữa. Nếu cần sửa, đề nghị Sở KH&CN trả lại báo cáo.");
	}

	/** The agency may work on the report: it owes it, the window has begun, and the period is not locked for it. */
	static void requireOpen(ReportRow r, LocalDate today) {
		ReportingPeriod p = r.period();
		if (!r.expected()) {
			throw new DomainException(r.agencyName() + " không còn thuộc diện phải gửi " + p.title().toLowerCase()
					+ "; báo cáo được giữ nguyên");
		}
		if (!p.hasStarted(today)) {
			throw new DomainException("Kỳ " + p.label() + " bắt đầu từ ngày " + FMT.date(p.windowStart())
					+ "; chưa lập báo cáo được");
		}
		if (r.lockedFor(today)) {
			throw new DomainException("Kỳ báo cáo " + p.title() + " đã khóa sổ từ ngày " + FMT.date(p.lockDate().plusDays(1))
					+ " (hạn gửi " + FMT.date(p.dueDate()) + ", gia hạn đến hết ngày " + FMT.date(p.lockDate())
					+ "). Chỉ Sở KH&CN mở lại được; đề nghị liên hệ Sở KH&CN.");
		}
	}

	static void requireComplete(ReportContent c, String what) {
		List<String> missing = c.missingRequired();
		if (!missing.isEmpty()) {
			FieldErrors blank = new FieldErrors();
			c.sections().stream().filter(s -> s.required() && s.blank()).forEach(s -> blank.reject("s-" + s.code(),
					"Mục bắt buộc còn để trống; hãy nhập nội dung (nếu không có kết quả, ghi rõ lý do) trước khi " + what));
			throw new FieldsRefused("Báo cáo còn để trống nội dung bắt buộc: "
					+ missing.stream().map(t -> "“" + t + "”").collect(Collectors.joining(", "))
					+ ". Hãy nhập nội dung (nếu không có kết quả, ghi rõ lý do) trước khi " + what + ".", blank);
		}
	}

	static void checkVersion(ReportRow r, Long expected) {
		if (expected != null && r.version() != expected) {
			throw new ConcurrentEditException("báo cáo");
		}
	}

	/**
	 * The agency's edit applied to the content; every problem at once, each on its field (a section's textarea
	 * {@code s-<code>}, the obstacles {@code obstacleText}, the proposals {@code proposalText}).
	 */
	static ReportContent apply(ReportContent c, Edit edit) {
		List<Section> sections = new ArrayList<>();
		FieldErrors problems = new FieldErrors();
		Map<String, String> texts = edit.sections() == null ? Map.of() : edit.sections();
		for (String code : texts.keySet()) {
			if (c.section(code) == null) {
				throw new DomainException("Báo cáo không có mục “" + code + "”");
			}
		}
		for (Section s : c.sections()) {
			String body = texts.containsKey(s.code()) ? clean(texts.get(s.code())) : s.body();
			if (body != null && body.length() > MAX_SECTION) {
				problems.reject("s-" + s.code(), "Mục “" + s.title() + "” dài " + FMT.num(body.length()) + " ký tự; tối đa "
						+ FMT.num(MAX_SECTION) + " ký tự");
			}
			else {
				String unsafe = TextRules.firstUnsafe(s.title(), body);
				if (unsafe != null) {
					problems.reject("s-" + s.code(), unsafe);
				}
			}
			sections.add(s.withBody(body == null ? "" : body));
		}
		List<Item> obstacles = items(edit.obstacles(), c.obstacles(), "Khó khăn, vướng mắc", "obstacleText", problems);
		List<Item> proposals = items(edit.proposals(), c.proposals(), "Kiến nghị, đề xuất", "proposalText", problems);
		if (!problems.isEmpty()) {
			throw new FieldsRefused(String.join("; ", problems.all().values().stream().flatMap(List::stream).toList()), problems);
		}
		return new ReportContent(c.dataAsOf(), c.tasks(), sections, obstacles, proposals, c.indicators());
	}

	private static List<Item> items(List<ItemInput> input, List<Item> before, String what, String field, FieldErrors problems) {
		if (input == null) {
			return before;
		}
		List<Item> out = new ArrayList<>();
		int n = 0;
		for (ItemInput i : input) {
			n++;
			String text = clean(i.text());
			if (text == null || text.isEmpty()) {
				continue;
			}
			if (text.length() > MAX_ITEM) {
				problems.reject(field, what + ": ý thứ " + n + " dài " + FMT.num(text.length()) + " ký tự; mỗi ý tối đa "
						+ FMT.num(MAX_ITEM) + " ký tự");
				continue;
			}
			String unsafe = TextRules.firstUnsafe(what, text);
			if (unsafe != null) {
				problems.reject(field, unsafe);
				continue;
			}
			// an item kept from before keeps the task it came from
			Item old = before.stream().filter(b -> b.text().equals(text)).findFirst().orElse(null);
			ReportTheme theme = i.theme() == null ? ReportTheme.classify(text) : i.theme();
			out.add(new Item(theme, text, old == null ? null : old.taskId(), old == null ? null : old.taskLabel()));
		}
		if (out.size() > MAX_ITEMS) {
			problems.reject(field, what + ": tối đa " + MAX_ITEMS + " ý");
		}
		return out;
	}

	static String requireReason(String reason, String what) {
		String why = clean(reason);
		if (why == null || why.isEmpty()) {
			throw new DomainException("Cần nêu lý do " + what);
		}
		if (why.length() > 2000) {
			throw new DomainException("Lý do tối đa 2.000 ký tự");
		}
		safe(why);
		return why;
	}

	static String clean(String s) {
		return s == null ? null : VnText.nfc(s.replace("\r\n", "\n"));
	}

	static void safe(String... values) {
		String unsafe = TextRules.firstUnsafe(values);
		if (unsafe != null) {
			throw new DomainException(unsafe);
		}
	}
}
