package vn.nq57.intake;

import java.util.ArrayList;
import java.util.List;

import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.intake.AgencyMatcher.Head;
import vn.nq57.intake.AgencyMatcher.Match;
import vn.nq57.intake.Preview.AgencyView;
import vn.nq57.intake.Preview.DeadlineView;
import vn.nq57.intake.Preview.HeadView;
import vn.nq57.intake.Preview.Row;
import vn.nq57.kernel.VnFormat;

/** Work on one row while the preview is built: what it was understood to mean, and what was found wrong. */
final class RowWork {
	final int index;
	final Integer number;
	final DraftRow draft;
	final String groupTitle;
	final List<Finding> findings = new ArrayList<>();
	List<Match> leads = List.of();
	List<Match> coordinators = List.of();
	List<Head> heads = List.of();
	DeadlineSpec spec;
	int assignments;
	String change;
	Long taskId;
	List<String> changedFields = List.of();

	RowWork(int index, Integer number, DraftRow draft, String groupTitle) {
		this.index = index;
		this.number = number;
		this.draft = draft;
		this.groupTitle = groupTitle;
	}

	static RowWork group(int index, DraftRow d, List<Finding> findings) {
		RowWork w = new RowWork(index, null, d, d.groupTitle());
		w.findings.addAll(findings);
		return w;
	}

	Row toRow() {
		if (draft.group()) {
			return new Row(index, null, draft, groupTitle, List.of(), List.of(), 0, List.of(), null,
					List.copyOf(findings), null, null, List.of());
		}
		return new Row(index, number, draft, groupTitle, views(leads), views(coordinators), assignments,
				heads.stream().map(h -> new HeadView(h.text(), h.title(),
						h.agency() == null ? null : h.agency().agencyId(),
						h.agency() == null ? null : h.agency().agencyName())).toList(),
				deadlineView(spec), List.copyOf(findings), change, taskId, changedFields);
	}

	private static List<AgencyView> views(List<Match> ms) {
		return ms.stream().map(m -> new AgencyView(m.text(), m.agencyId(), m.agencyName(), m.how().name(),
				m.collective())).toList();
	}

	static DeadlineView deadlineView(DeadlineSpec s) {
		VnFormat fmt = new VnFormat();
		String meaning = switch (s.kind()) {
			case DATE -> "Hạn " + fmt.date(s.dueDate());
			case RECURRING -> switch (s.recurrence()) {
				case YEARLY -> "Định kỳ hằng năm (hạn cuối năm)";
				case HALF_YEARLY -> "Định kỳ 6 tháng (hạn cuối mỗi 6 tháng)";
				case QUARTERLY -> "Định kỳ hằng quý (hạn cuối quý)";
				case MONTHLY -> "Định kỳ hằng tháng (hạn cuối tháng)";
			};
			case ONGOING -> "Thường xuyên (không có hạn cuối)";
			case CONDITIONAL -> "Chờ điều kiện (có hạn khi ghi nhận văn bản kích hoạt)";
			case NONE -> "Chưa có thời hạn";
			case UNPARSED -> "Không hiểu";
		};
		return new DeadlineView(s.phrase(), s.kind().name(), s.dueDate(), meaning, s.problem());
	}
}
