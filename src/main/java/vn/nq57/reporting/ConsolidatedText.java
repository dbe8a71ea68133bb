package vn.nq57.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.nq57.kernel.Rates;
import vn.nq57.reporting.ConsolidatedData.AgencyReport;
import vn.nq57.reporting.ConsolidatedData.Contribution;
import vn.nq57.reporting.ConsolidatedData.GroupFigures;
import vn.nq57.reporting.ConsolidatedData.IndicatorLine;
import vn.nq57.reporting.ConsolidatedData.LateAgency;
import vn.nq57.reporting.ConsolidatedData.Narrative;
import vn.nq57.reporting.ConsolidatedData.ThemeItems;
import vn.nq57.reporting.ConsolidatedReportService.DocSection;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;
import vn.nq57.kernel.VnFormat;

/**
 * The first draft of a consolidated report's text, written from its {@link ConsolidatedData} the way DoST writes
 * it by hand (see 004): figures in prose, a section per task group with what each agency wrote, obstacles and
 * proposals by theme, the agencies late with their reports or their tasks. DoST edits every section before
 * release. Plain Java.
 */
final class ConsolidatedText {

	private static final VnFormat FMT = new VnFormat();
	private static final String[] LETTERS = "abcdefghiklmnopqrstuvxy".split("");

	private ConsolidatedText() {
	}

	static String subject(ConsolidatedData d) {
		return "Tình hình thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
				+ "trên địa bàn tỉnh Quảng Ngãi " + lowerFirst(d.periodLabel());
	}

	/** {@code issuer} as running text names it ("Sở Khoa học và Công nghệ"), {@code addressee} likewise. */
	static List<DocSection> draft(ConsolidatedData d, String issuer, String addressee) {
		List<DocSection> out = new ArrayList<>();
		out.add(new DocSection(0, null, "Thực hiện chế độ báo cáo định kỳ về tình hình thực hiện Nghị quyết số 57-NQ/TW "
				+ "ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
				+ "đổi số quốc gia" + (d.scope() == null ? "" : " (" + d.scope() + ")") + "; trên cơ sở báo cáo của các "
				+ "sở, ban, ngành và UBND các xã, phường, đặc khu, " + issuer + " báo cáo " + addressee
				+ " tình hình thực hiện " + lowerFirst(d.periodLabel()) + " như sau:"));

		out.add(new DocSection(1, "I. Kết quả thực hiện nhiệm vụ", ""));
		StatusCounts t = d.statusCounts();
		out.add(new DocSection(2, "1. Kết quả chung", "Tính đến ngày " + FMT.date(d.asOf()) + ", " + figures(t, true)
				+ "\n" + rates(t) + "\nChi tiết tình hình thực hiện từng nhiệm vụ tại Phụ lục kèm theo."));
		int n = 2;
		for (Narrative g : d.narratives()) {
			GroupFigures f = d.groups().stream().filter(x -> x.code().equals(g.code())).findFirst().orElse(null);
			StringBuilder body = new StringBuilder();
			if (f != null && f.statusCounts().total() > 0) {
				body.append(capitalise(figures(f.statusCounts(), false)));
			}
			if (g.contributions().isEmpty()) {
				body.append(body.isEmpty() ? "" : "\n")
					.append("Chưa có cơ quan, đơn vị nào báo cáo kết quả thực hiện nhóm nhiệm vụ này trong kỳ.");
			}
			for (Contribution c : g.contributions()) {
				body.append(body.isEmpty() ? "" : "\n").append(attributed(c));
			}
			String heading = ReportContent.NO_GROUP.equals(g.code()) ? n + ". " + g.title()
					: n + ". Nhóm nhiệm vụ " + g.code() + ": " + g.title();
			out.add(new DocSection(2, heading, body.toString()));
			n++;
		}
		if (!d.indicators().isEmpty()) {
			out.add(new DocSection(2, n + ". Các chỉ số", indicators(d.indicators())));
		}

		out.add(new DocSection(1, "II. Khó khăn, vướng mắc", themed(d.obstacles(),
				"Các cơ quan, đơn vị không phản ánh khó khăn, vướng mắc trong kỳ.")));
		out.add(new DocSection(1, "III. Kiến nghị, đề xuất", themed(d.proposals(),
				"Các cơ quan, đơn vị không có kiến nghị, đề xuất trong kỳ.")));

		out.add(new DocSection(1, "IV. Tình hình thực hiện chế độ báo cáo và các cơ quan, đơn vị chậm tiến độ", ""));
		out.add(new DocSection(2, "1. Việc gửi báo cáo " + lowerFirst(d.periodLabel()), reporting(d)));
		out.add(new DocSection(2, "2. Các cơ quan, đơn vị có nhiệm vụ quá hạn", late(d)));

		out.add(new DocSection(1, "V. Nhiệm vụ trọng tâm thời gian tới",
				"1. Đề nghị các cơ quan, đơn vị có nhiệm vụ quá hạn khẩn trương hoàn thành; người đứng đầu chịu trách nhiệm "
						+ "trước Chủ tịch UBND tỉnh về tiến độ, chất lượng nhiệm vụ được giao.\n"
						+ "2. Các cơ quan, đơn vị chưa gửi báo cáo hoặc có báo cáo bị trả lại khẩn trương gửi báo cáo về "
						+ issuer + ".\n"
						+ "3. " + issuer + " tiếp tục theo dõi, đôn đốc, tổng hợp, báo cáo theo quy định."));
		out.add(new DocSection(0, null, issuer + " kính báo cáo " + addressee + "./."));
		return out;
	}

	/**
	 * "tổng số 22 nhiệm vụ; đã hoàn thành 3 nhiệm vụ, trong đó đúng hạn 2, quá hạn 1; chưa hoàn thành 19 nhiệm vụ,
	 * trong đó trong hạn 5, quá hạn 7, thường xuyên 3, chờ điều kiện 2, chưa có thời hạn 2." With {@code whole},
	 * "trong hạn" and "quá hạn" are named even when zero (the province's totals); otherwise only what occurs.
	 */
	static String figures(StatusCounts c, boolean whole) {
		StringBuilder s = new StringBuilder("tổng số ").append(FMT.num(c.total())).append(" nhiệm vụ");
		s.append("; đã hoàn thành ").append(FMT.num(c.completed())).append(" nhiệm vụ");
		if (c.completed() > 0) {
			s.append(", trong đó đúng hạn ").append(FMT.num(c.get(TaskStatus.COMPLETED_ON_TIME))).append(", quá hạn ")
				.append(FMT.num(c.get(TaskStatus.COMPLETED_LATE)));
		}
		s.append("; chưa hoàn thành ").append(FMT.num(c.notCompleted())).append(" nhiệm vụ");
		if (c.notCompleted() > 0) {
			List<String> parts = new ArrayList<>();
			if (whole || c.get(TaskStatus.IN_PROGRESS) > 0) {
				parts.add("trong hạn " + FMT.num(c.get(TaskStatus.IN_PROGRESS)));
			}
			if (whole || c.get(TaskStatus.OVERDUE) > 0) {
				parts.add("quá hạn " + FMT.num(c.get(TaskStatus.OVERDUE)));
			}
			for (TaskStatus x : List.of(TaskStatus.ONGOING, TaskStatus.AWAITING_TRIGGER, TaskStatus.NO_DEADLINE)) {
				if (c.get(x) > 0) {
					parts.add(x.label().toLowerCase(Locale.ROOT) + " " + FMT.num(c.get(x)));
				}
			}
			s.append(", trong đó ").append(String.join(", ", parts));
		}
		return s.append('.').toString();
	}

	/**
	 * One line per indicator and period, the agencies' values attributed: "- Tỷ lệ … (Tháng 10/2026; chỉ tiêu 80%
	 * (năm 2026)): Sở Tài chính 3/4 = 75%; Sở Nội vụ chưa có số liệu." A share reported by several agencies gets
	 * its total recomputed from the numerators and denominators ("chung 4/9 = 44,44%").
	 */
	static String indicators(List<IndicatorLine> lines) {
		Map<String, List<IndicatorLine>> by = new LinkedHashMap<>();
		lines.stream()
			.sorted(Comparator.comparing((IndicatorLine l) -> l.value().code())
				.thenComparing(l -> l.value().dueDate(), Comparator.nullsLast(Comparator.naturalOrder())))
			.forEach(l -> by.computeIfAbsent(l.value().code() + "@" + l.value().periodLabel(), k -> new ArrayList<>()).add(l));
		StringBuilder s = new StringBuilder();
		long missing = 0;
		for (List<IndicatorLine> group : by.values()) {
			IndicatorValue first = group.get(0).value();
			s.append(s.isEmpty() ? "" : "\n").append("- ").append(first.name()).append(" (").append(first.periodLabel());
			if (first.target() != null) {
				s.append("; chỉ tiêu ").append(first.targetText());
			}
			s.append("): ");
			List<String> parts = new ArrayList<>();
			BigDecimal num = BigDecimal.ZERO;
			BigDecimal den = BigDecimal.ZERO;
			int shares = 0;
			for (IndicatorLine l : group) {
				IndicatorValue v = l.value();
				if (v.missing()) {
					missing++;
					parts.add(l.agency() + " chưa có số liệu");
					continue;
				}
				parts.add(l.agency() + " " + v.valueText() + (v.approved() ? "" : " (" + v.stateLabel() + ")"));
				if (v.numerator() != null && v.denominator() != null) {
					num = num.add(v.numerator());
					den = den.add(v.denominator());
					shares++;
				}
			}
			s.append(String.join("; ", parts));
			if (shares > 1 && den.signum() > 0 && "%".equals(first.unit())) {
				BigDecimal total = Rates.percent(num, den);
				s.append("; chung ").append(IndicatorValue.number(num)).append('/').append(IndicatorValue.number(den))
					.append(" = ").append(IndicatorValue.number(total)).append('%');
			}
			s.append('.');
		}
		if (missing > 0) {
			s.append("\nCòn ").append(FMT.num(missing)).append(" số liệu chỉ số chưa được cập nhật trong báo cáo của các cơ quan, đơn vị.");
		}
		return s.toString();
	}

	static String rates(StatusCounts c) {
		return "Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn đạt " + FMT.pct(c.completionRateOverDue()) + " ("
				+ FMT.num(c.completed()) + "/" + FMT.num(c.completed() + c.overdue()) + "); tỷ lệ hoàn thành trên tổng số "
				+ "nhiệm vụ đạt " + FMT.pct(c.completionRateOverAll()) + " (" + FMT.num(c.completed()) + "/"
				+ FMT.num(c.total()) + "); tỷ lệ nhiệm vụ quá hạn " + FMT.pct(c.overdueRate()) + " ("
				+ FMT.num(c.overdue()) + "/" + FMT.num(c.total()) + ").";
	}

	/**
	 * "- Sở Tài chính: …": one paragraph per agency, as DoST merges by hand; an agency's several lines (one per
	 * task, as pre-filled) are joined with semicolons.
	 */
	static String attributed(Contribution c) {
		List<String> lines = c.text().lines().map(String::strip).filter(l -> !l.isEmpty())
			.map(ConsolidatedText::stripBullet).toList();
		if (lines.size() == 1) {
			return "- " + c.agency() + ": " + lines.get(0);
		}
		StringBuilder s = new StringBuilder("- ").append(c.agency()).append(": ");
		for (int i = 0; i < lines.size(); i++) {
			String l = lines.get(i).replaceAll("[.;:,\\s]+$", "");
			s.append(i == 0 ? "" : "; ").append(l);
		}
		return s.append('.').toString();
	}

	private static String themed(List<ThemeItems> themes, String none) {
		if (themes.isEmpty()) {
			return none;
		}
		StringBuilder s = new StringBuilder();
		int i = 0;
		for (ThemeItems t : themes) {
			s.append(s.isEmpty() ? "" : "\n").append(LETTERS[Math.min(i++, LETTERS.length - 1)]).append(") ")
				.append(t.theme().label()).append(':');
			for (Contribution c : t.items()) {
				s.append('\n').append(attributed(c));
			}
		}
		return s.toString();
	}

	private static String reporting(ConsolidatedData d) {
		Completeness.Counts c = d.reporting();
		StringBuilder s = new StringBuilder("Hạn gửi báo cáo " + lowerFirst(d.periodLabel()) + ": ngày "
				+ FMT.date(d.dueDate()) + " (số liệu từ ngày " + FMT.date(d.windowStart()) + " đến ngày "
				+ FMT.date(d.windowEnd()) + "). ");
		s.append("Có ").append(FMT.num(c.received())).append('/').append(FMT.num(c.expected()))
			.append(" cơ quan, đơn vị phải báo cáo đã gửi báo cáo (đạt ").append(FMT.pct(c.completeness()))
			.append("), trong đó ").append(FMT.num(c.onTime())).append(" đơn vị gửi đúng hạn (đạt ")
			.append(FMT.pct(c.timeliness())).append(").");
		List<String> late = names(d.reports(), Completeness.Cell.LATE);
		List<String> returned = names(d.reports(), Completeness.Cell.RETURNED);
		List<String> missing = new ArrayList<>(names(d.reports(), Completeness.Cell.MISSING));
		missing.addAll(names(d.reports(), Completeness.Cell.PENDING));
		if (!late.isEmpty()) {
			s.append("\nGửi muộn (").append(FMT.num(late.size())).append(" đơn vị): ").append(list(late)).append('.');
		}
		if (!returned.isEmpty()) {
			s.append("\nBáo cáo bị trả lại, đang hoàn thiện (").append(FMT.num(returned.size())).append(" đơn vị): ")
				.append(list(returned)).append('.');
		}
		if (!missing.isEmpty()) {
			s.append("\nChưa gửi báo cáo (").append(FMT.num(missing.size())).append(" đơn vị): ").append(list(missing))
				.append('.');
		}
		return s.toString();
	}

	private static String late(ConsolidatedData d) {
		if (d.lateWithTasks().isEmpty()) {
			return "Không có cơ quan, đơn vị nào có nhiệm vụ quá hạn.";
		}
		StringBuilder s = new StringBuilder("Có " + FMT.num(d.lateWithTasksTotal())
				+ " cơ quan, đơn vị có nhiệm vụ chưa hoàn thành quá hạn:");
		for (LateAgency a : d.lateWithTasks()) {
			s.append("\n- ").append(a.agency()).append(": ").append(FMT.num(a.overdue())).append('/')
				.append(FMT.num(a.total())).append(" nhiệm vụ được giao quá hạn.");
		}
		if (d.lateWithTasksTotal() > d.lateWithTasks().size()) {
			s.append("\n- Và ").append(FMT.num(d.lateWithTasksTotal() - d.lateWithTasks().size()))
				.append(" cơ quan, đơn vị khác (chi tiết tại tệp Excel kèm theo).");
		}
		return s.toString();
	}

	private static List<String> names(List<AgencyReport> reports, Completeness.Cell cell) {
		return reports.stream().filter(r -> r.cell() == cell).map(AgencyReport::agency).toList();
	}

	private static String list(List<String> names) {
		return String.join("; ", names);
	}

	private static String stripBullet(String line) {
		return line.replaceFirst("^[-+•]\\s*", "");
	}

	static String lowerFirst(String s) {
		return s == null || s.isEmpty() ? "" : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
	}
}
