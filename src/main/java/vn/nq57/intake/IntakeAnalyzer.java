package vn.nq57.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.deadline.DeadlineParser;
import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.intake.AgencyMatcher.Head;
import vn.nq57.intake.AgencyMatcher.How;
import vn.nq57.intake.AgencyMatcher.Match;
import vn.nq57.intake.PlanSnapshot.ExistingTask;
import vn.nq57.intake.Preview.AgencyView;
import vn.nq57.intake.Preview.DeadlineView;
import vn.nq57.intake.Preview.HeadView;
import vn.nq57.intake.Preview.Row;
import vn.nq57.system.TextRules;
import vn.nq57.kernel.VnFormat;

/**
 * Says what each row means and what is wrong with it: agencies resolved through the registry (a collective
 * fanned out), the accountable head's title checked against the lead, the deadline read by the deadline
 * component, near-duplicates within the file and against the tasks already in the system, other provinces'
 * names, spelling slips; and, for a revised plan, what is added, changed and removed. Writes nothing.
 */
@Component
class IntakeAnalyzer {

	/** Column sizes of the task table (V4__plan.sql): longer text is refused before the database would. */
	static final int MAX_STT = 20;
	static final int MAX_TITLE = 5000;
	static final int MAX_HEAD = 300;
	static final int MAX_OUTPUT = 1000;
	static final int MAX_COORDINATORS_NOTE = 2000;
	static final int MAX_DEADLINE = 300;
	static final int MAX_GROUP_TITLE = 1000;

	private final AgencyDirectory agencies;
	private final NearDuplicates duplicates;
	private final PlanSnapshot plans;
	private final Provinces provinces;

	IntakeAnalyzer(AgencyDirectory agencies, NearDuplicates duplicates, PlanSnapshot plans,
			@Value("${nq57.intake.home-province:Quảng Ngãi}") String homeProvince) {
		this.agencies = agencies;
		this.duplicates = duplicates;
		this.plans = plans;
		try (InputStream in = new ClassPathResource("intake/provinces.csv").getInputStream()) {
			this.provinces = Provinces.load(in, homeProvince);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Provinces provinces() {
		return provinces;
	}

	/** A matcher over the registry as it is now (so that a mapping just saved counts at once). */
	AgencyMatcher matcher() {
		return new AgencyMatcher(agencies.activeWithNames().stream()
			.map(a -> new AgencyMatcher.Entry(a.id(), a.name(), a.kind(), a.names())).toList());
	}

	Preview analyse(IntakeKind kind, List<DraftRow> draft, Long targetPlanId) {
		AgencyMatcher matcher = matcher();
		Map<Long, Set<Long>> members = new HashMap<>();
		Map<Set<Long>, Integer> fanOuts = new HashMap<>();
		List<RowWork> work = new ArrayList<>();
		String groupTitle = null;
		Map<String, String> groupTitles = new HashMap<>();
		int number = 0;
		for (int i = 0; i < draft.size(); i++) {
			DraftRow d = draft.get(i);
			if (d.group()) {
				groupTitles.put(d.groupCode(), d.groupTitle());
				work.add(RowWork.group(i, d, groupFindings(d)));
				continue;
			}
			groupTitle = d.groupCode() == null ? null : groupTitles.get(d.groupCode());
			RowWork w = analyseTask(kind, i, ++number, d, groupTitle, matcher, members, fanOuts);
			work.add(w);
		}
		List<RowWork> kept = work.stream().filter(w -> !w.draft.group() && !w.draft.dropped()).toList();
		nearDuplicatesWithin(kept);
		nearDuplicatesInSystem(kept, targetPlanId);
		Preview.Diff diff = kind == IntakeKind.PLAN_APPENDIX && targetPlanId != null ? diff(kept, targetPlanId) : null;
		List<Row> rows = work.stream().map(RowWork::toRow).toList();
		return new Preview(kind, rows, unknownNames(kept), summary(rows), diff);
	}

	// ----- one task row -----

	private RowWork analyseTask(IntakeKind kind, int index, int number, DraftRow d, String groupTitle,
			AgencyMatcher matcher, Map<Long, Set<Long>> members, Map<Set<Long>, Integer> fanOuts) {
		RowWork w = new RowWork(index, number, d, groupTitle);
		w.leads = matcher.resolveList(d.leads());
		w.coordinators = matcher.resolveList(d.coordinators());
		w.heads = matcher.heads(d.accountableHead());
		w.spec = DeadlineParser.parse(d.deadline() == null ? "" : d.deadline());
		Set<Long> leadIds = new LinkedHashSet<>();
		w.leads.stream().filter(Match::known).forEach(m -> leadIds.add(m.agencyId()));
		// plans name the same few lead agencies over and over: each combination is fanned out once
		w.assignments = leadIds.isEmpty() ? 0
				: fanOuts.computeIfAbsent(Set.copyOf(leadIds), ids -> agencies.fanOut(leadIds).size());
		if (d.dropped()) {
			return w;
		}
		List<Finding> f = w.findings;
		if (kind == IntakeKind.PLAN_APPENDIX && d.stt() == null) {
			f.add(Finding.of(FindingCode.MISSING_STT, "stt", "Dòng không có số thứ tự (STT)"
					+ (d.groupCode() == null ? "" : " trong nhóm " + d.groupCode())));
		}
		if (d.title() == null) {
			f.add(Finding.of(FindingCode.MISSING_TITLE, "title", "Dòng không có tên nhiệm vụ"));
		}
		if (d.accountableHead() == null) {
			f.add(Finding.of(FindingCode.MISSING_HEAD, "accountableHead", "Chưa ghi người đứng đầu chịu trách nhiệm"));
		}
		if (d.leads() == null) {
			f.add(Finding.of(FindingCode.MISSING_LEAD, "leads", "Chưa ghi cơ quan chủ trì"));
		}
		if (kind == IntakeKind.PLAN_APPENDIX && d.coordinators() == null) {
			f.add(Finding.of(FindingCode.MISSING_COORDINATOR, "coordinators", "Không ghi cơ quan phối hợp"));
		}
		if (d.expectedOutput() == null) {
			f.add(Finding.of(FindingCode.MISSING_OUTPUT, "expectedOutput", "Chưa ghi kết quả, sản phẩm"));
		}
		switch (w.spec.kind()) {
			case NONE -> f.add(Finding.of(FindingCode.MISSING_DEADLINE, "deadline",
					"Chưa ghi thời gian hoàn thành: nhiệm vụ sẽ ở tình trạng “Chưa có thời hạn”"));
			case UNPARSED -> f.add(Finding.of(FindingCode.UNPARSED_DEADLINE, "deadline", w.spec.problem()
					+ "; hãy sửa lại (ví dụ “Quý III/2026”, “30/9/2026”, “Thường xuyên”, “Hằng năm”)"));
			default -> {
			}
		}
		agencyFindings(f, "leads", "Cơ quan chủ trì", w.leads, true);
		agencyFindings(f, "coordinators", "Cơ quan phối hợp", w.coordinators, false);
		headFindings(f, w, leadIds, members);
		textFindings(f, d);
		return w;
	}

	private void agencyFindings(List<Finding> f, String field, String what, List<Match> matches, boolean lead) {
		for (Match m : matches) {
			if (!m.known()) {
				f.add(Finding.of(FindingCode.UNKNOWN_AGENCY, lead ? Severity.ERROR : Severity.WARNING, field,
						what + " “" + m.text() + "” không có trong danh mục cơ quan, đơn vị; hãy chọn cơ quan tương ứng "
								+ "(lưu làm tên gọi khác cho lần sau)"
								+ (lead ? "" : ", nếu không tên này được ghi nguyên văn vào phần ghi chú")));
			}
			else if (m.how() == How.FUZZY) {
				f.add(Finding.of(FindingCode.TYPO, field, "Tên cơ quan “" + m.text() + "” có thể viết sai; đã hiểu là “"
						+ m.agencyName() + "”"));
			}
			else if (m.suggestion() != null) {
				f.add(Finding.of(FindingCode.TYPO, field, "Tên cơ quan “" + m.text() + "” viết sai dấu; đúng là “"
						+ m.suggestion() + "”"));
			}
		}
	}

	private void headFindings(List<Finding> f, RowWork w, Set<Long> leadIds, Map<Long, Set<Long>> members) {
		for (Head h : w.heads) {
			if (h.titleSuggestion() != null) {
				String written = h.text().substring(0, Math.min(h.text().length(), h.titleSuggestion().length()));
				f.add(Finding.of(FindingCode.TYPO, "accountableHead", "Chức danh viết “" + written + "”, đúng là “"
						+ h.titleSuggestion() + "”"));
			}
			if (h.agency() != null && h.agency().known() && h.agency().how() == How.FUZZY) {
				f.add(Finding.of(FindingCode.TYPO, "accountableHead", "Tên cơ quan “" + h.agency().text()
						+ "” có thể viết sai; đã hiểu là “" + h.agency().agencyName() + "”"));
			}
			else if (h.agency() != null && h.agency().suggestion() != null) {
				f.add(Finding.of(FindingCode.TYPO, "accountableHead", "Tên cơ quan “" + h.agency().text()
						+ "” viết sai dấu; đúng là “" + h.agency().suggestion() + "”"));
			}
			if (h.agency() == null || !h.agency().known() || leadIds.isEmpty()) {
				continue;
			}
			long headAgency = h.agency().agencyId();
			boolean fits = leadIds.stream().anyMatch(l -> belongs(headAgency, l, members));
			if (!fits) {
				f.add(Finding.of(FindingCode.HEAD_LEAD_MISMATCH, "accountableHead", "Người đứng đầu “" + h.text()
						+ "” thuộc " + h.agency().agencyName() + ", nhưng cơ quan chủ trì là "
						+ String.join("; ", w.leads.stream().filter(Match::known).map(Match::agencyName).toList())));
			}
		}
	}

	/** The head's agency is the lead, one of the lead collective's members, or a group inside it. */
	private boolean belongs(long head, long lead, Map<Long, Set<Long>> members) {
		if (head == lead) {
			return true;
		}
		Set<Long> leadMembers = membersOf(lead, members);
		if (leadMembers.contains(head)) {
			return true;
		}
		Set<Long> headMembers = membersOf(head, members);
		return headMembers.size() > 1 && leadMembers.containsAll(headMembers) || headMembers.contains(lead);
	}

	private Set<Long> membersOf(long id, Map<Long, Set<Long>> cache) {
		return cache.computeIfAbsent(id, x -> new HashSet<>(agencies.fanOut(List.of(x)).keySet()));
	}

	private void textFindings(List<Finding> f, DraftRow d) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("stt", d.stt());
		fields.put("title", d.title());
		fields.put("accountableHead", d.accountableHead());
		fields.put("leads", d.leads());
		fields.put("coordinators", d.coordinators());
		fields.put("expectedOutput", d.expectedOutput());
		fields.put("deadline", d.deadline());
		Map<String, Integer> limits = Map.of("stt", MAX_STT, "title", MAX_TITLE, "accountableHead", MAX_HEAD,
				"coordinators", MAX_COORDINATORS_NOTE, "expectedOutput", MAX_OUTPUT, "deadline", MAX_DEADLINE, "leads",
				MAX_COORDINATORS_NOTE);
		Set<String> places = new LinkedHashSet<>();
		Set<String> slips = new HashSet<>();
		for (Map.Entry<String, String> e : fields.entrySet()) {
			String v = e.getValue();
			if (v == null) {
				continue;
			}
			if (!TextRules.isSafe(v)) {
				f.add(Finding.of(FindingCode.UNSAFE_TEXT, e.getKey(), TextRules.firstUnsafe(v)));
			}
			if (v.length() > limits.get(e.getKey())) {
				f.add(Finding.of(FindingCode.TOO_LONG, e.getKey(), "Nội dung dài " + new VnFormat().num(v.length())
						+ " ký tự, quá giới hạn " + new VnFormat().num(limits.get(e.getKey())) + " ký tự"));
			}
			for (Provinces.Mention m : provinces.foreignIn(v)) {
				if (places.add(m.province().name())) {
					Provinces.Province p = m.province();
					String merged = p.mergedInto() == null ? "" : " (từ năm 2025 thuộc " + mergedLabel(p.mergedInto()) + ")";
					f.add(Finding.of(FindingCode.FOREIGN_PLACE, e.getKey(), "Nhắc đến “" + m.written() + "” – " + p.label()
							+ merged + ", không phải tỉnh " + provinces.home()
							+ ": có thể chép từ kế hoạch của địa phương khác"));
				}
			}
			if (!e.getKey().equals("deadline") && !e.getKey().equals("stt")) {
				for (Spelling.Slip s : Spelling.check(v)) {
					if (slips.add(s.written().toLowerCase(java.util.Locale.ROOT))) {
						f.add(Finding.of(FindingCode.TYPO, e.getKey(), s.reason()));
					}
				}
			}
		}
		// a title slip also found by the spelling rule is reported once
		dedupeTypos(f);
	}

	private String mergedLabel(String name) {
		return provinces.all().stream().filter(p -> p.name().equals(name)).findFirst().map(Provinces.Province::label)
			.orElse(name);
	}

	private static void dedupeTypos(List<Finding> f) {
		List<Finding> titles = f.stream().filter(x -> x.code() == FindingCode.TYPO && x.message().startsWith("Chức danh"))
			.toList();
		f.removeIf(x -> x.code() == FindingCode.TYPO && x.message().startsWith("“") && titles.stream()
			.anyMatch(t -> t.message().contains(x.message().substring(1, x.message().indexOf('”')))));
	}

	private List<Finding> groupFindings(DraftRow d) {
		List<Finding> f = new ArrayList<>();
		if (!TextRules.isSafe(d.groupTitle()) || !TextRules.isSafe(d.groupCode())) {
			f.add(Finding.of(FindingCode.UNSAFE_TEXT, "title", TextRules.firstUnsafe(d.groupTitle(), d.groupCode())));
		}
		if (d.groupTitle() != null && d.groupTitle().length() > MAX_GROUP_TITLE || d.groupCode().length() > MAX_STT) {
			f.add(Finding.of(FindingCode.TOO_LONG, "title", "Tên nhóm nhiệm vụ quá dài (tối đa "
					+ new VnFormat().num(MAX_GROUP_TITLE) + " ký tự)"));
		}
		return f;
	}

	// ----- near-duplicates -----

	private void nearDuplicatesWithin(List<RowWork> rows) {
		List<RowWork> titled = rows.stream().filter(r -> r.draft.title() != null).toList();
		List<Set<String>> grams = titled.stream().map(r -> Similarity.pairs(r.draft.title())).toList();
		for (int a = 0; a < titled.size(); a++) {
			for (int b = a + 1; b < titled.size(); b++) {
				double s = Similarity.score(grams.get(a), grams.get(b));
				if (s < Similarity.NEAR_DUPLICATE) {
					continue;
				}
				RowWork x = titled.get(a);
				RowWork y = titled.get(b);
				x.findings.add(withinFinding(x, y, s));
				y.findings.add(withinFinding(y, x, s));
			}
		}
	}

	private static Finding withinFinding(RowWork self, RowWork other, double s) {
		String where = other.draft.groupCode() == null ? "" : other.draft.groupCode() + ".";
		String label = other.draft.stt() == null ? "dòng không STT sau " + where : where + other.draft.stt();
		return new Finding(FindingCode.NEAR_DUPLICATE, Severity.WARNING, "title", (s >= 0.999 ? "Trùng hẳn" : "Có thể trùng")
				+ " với nhiệm vụ " + label + " trong cùng tệp (" + other.draft.source() + "): “"
				+ abbreviate(other.draft.title(), 90) + "” – độ giống " + percent(s), other.number, null);
	}

	private void nearDuplicatesInSystem(List<RowWork> rows, Long targetPlanId) {
		List<RowWork> titled = rows.stream().filter(r -> r.draft.title() != null).toList();
		List<String> titles = titled.stream().map(r -> r.draft.title()).toList();
		Map<Integer, List<NearDuplicates.Match>> found = duplicates.find(titles, targetPlanId);
		found.forEach((i, matches) -> {
			RowWork r = titled.get(i);
			for (NearDuplicates.Match m : matches) {
				String where = m.planTitle() != null ? "kế hoạch “" + abbreviate(m.planTitle(), 60) + "”"
						+ (m.groupCode() == null ? "" : ", nhóm " + m.groupCode())
						+ (m.stt() == null ? "" : ", STT " + m.stt())
						: m.directive() != null ? "văn bản " + m.directive() : "hệ thống";
				r.findings.add(new Finding(FindingCode.NEAR_DUPLICATE, Severity.WARNING, "title",
						"Có thể trùng với nhiệm vụ #" + m.taskId() + " đã có trong hệ thống (" + where + "): “"
								+ abbreviate(m.title(), 90) + "” – độ giống " + percent(m.similarity()),
						null, m.taskId()));
			}
		});
	}

	// ----- a revised plan -----

	private Preview.Diff diff(List<RowWork> rows, long planId) {
		List<ExistingTask> existing = new ArrayList<>(plans.tasksOf(planId));
		Map<RowWork, ExistingTask> matched = new LinkedHashMap<>();
		List<RowWork> open = new ArrayList<>(rows.stream().filter(r -> r.draft.title() != null).toList());
		// 1. the same text
		for (RowWork r : List.copyOf(open)) {
			String k = VnText.key(r.draft.title());
			existing.stream().filter(t -> VnText.key(t.title()).equals(k)).findFirst().ifPresent(t -> {
				matched.put(r, t);
				existing.remove(t);
				open.remove(r);
			});
		}
		// 2. the same place (group and STT) with much the same text
		for (RowWork r : List.copyOf(open)) {
			if (r.draft.stt() == null) {
				continue;
			}
			existing.stream()
				.filter(t -> Objects.equals(t.groupCode(), r.draft.groupCode()) && Objects.equals(t.stt(), r.draft.stt())
						&& Similarity.of(t.title(), r.draft.title()) >= 0.35)
				.findFirst().ifPresent(t -> {
					matched.put(r, t);
					existing.remove(t);
					open.remove(r);
				});
		}
		// 3. moved elsewhere in the plan but still clearly the same task
		for (RowWork r : List.copyOf(open)) {
			ExistingTask best = null;
			double bestScore = 0.6;
			for (ExistingTask t : existing) {
				double s = Similarity.of(t.title(), r.draft.title());
				if (s >= bestScore) {
					best = t;
					bestScore = s;
				}
			}
			if (best != null) {
				matched.put(r, best);
				existing.remove(best);
				open.remove(r);
			}
		}
		int changed = 0;
		int unchanged = 0;
		for (RowWork r : rows) {
			ExistingTask t = matched.get(r);
			if (t == null) {
				r.change = "ADDED";
				continue;
			}
			r.taskId = t.id();
			r.changedFields = changes(r, t);
			r.change = r.changedFields.isEmpty() ? "UNCHANGED" : "CHANGED";
			if (r.changedFields.isEmpty()) {
				unchanged++;
			}
			else {
				changed++;
			}
		}
		int added = (int) rows.stream().filter(r -> "ADDED".equals(r.change)).count();
		String title = plans.planTitle(planId);
		return new Preview.Diff(planId, title, added, changed, unchanged, existing.stream()
			.map(t -> new Preview.RemovedTask(t.id(), t.stt(), t.groupCode(), t.title(), t.hasProgress())).toList());
	}

	private static List<String> changes(RowWork r, ExistingTask t) {
		DraftRow d = r.draft;
		List<String> out = new ArrayList<>();
		if (!Objects.equals(d.groupCode(), t.groupCode())) {
			out.add("nhóm");
		}
		if (!same(d.stt(), t.stt())) {
			out.add("STT");
		}
		if (!same(d.title(), t.title())) {
			out.add("tên nhiệm vụ");
		}
		if (!same(d.accountableHead(), t.head())) {
			out.add("người đứng đầu");
		}
		Set<Long> leads = new HashSet<>();
		r.leads.stream().filter(Match::known).forEach(m -> leads.add(m.agencyId()));
		if (!leads.equals(new HashSet<>(t.leads())) || r.leads.stream().anyMatch(m -> !m.known())) {
			out.add("cơ quan chủ trì");
		}
		Set<Long> coords = new HashSet<>();
		r.coordinators.stream().filter(Match::known).forEach(m -> coords.add(m.agencyId()));
		if (!coords.equals(new HashSet<>(t.coordinators())) || !same(coordinatorsNote(r), t.coordinatorsNote())) {
			out.add("cơ quan phối hợp");
		}
		if (!same(d.expectedOutput(), t.output())) {
			out.add("kết quả");
		}
		if (!same(d.deadline(), t.deadline())) {
			out.add("thời hạn");
		}
		return out;
	}

	/** The coordinating bodies as written, kept when some are not in the registry. */
	static String coordinatorsNote(RowWork r) {
		return r.coordinators.stream().anyMatch(m -> !m.known()) ? r.draft.coordinators() : null;
	}

	private static boolean same(String a, String b) {
		return Objects.equals(VnText.isBlank(a) ? null : VnText.clean(a), VnText.isBlank(b) ? null : VnText.clean(b));
	}

	// ----- summary -----

	private static List<Preview.UnknownName> unknownNames(List<RowWork> rows) {
		Map<String, Object[]> names = new LinkedHashMap<>();
		for (RowWork r : rows) {
			for (boolean lead : new boolean[] { true, false }) {
				for (Match m : lead ? r.leads : r.coordinators) {
					if (m.known()) {
						continue;
					}
					Object[] n = names.computeIfAbsent(VnText.key(m.text()),
							k -> new Object[] { m.text(), new ArrayList<Integer>(), false });
					@SuppressWarnings("unchecked")
					List<Integer> list = (List<Integer>) n[1];
					if (!list.contains(r.number)) {
						list.add(r.number);
					}
					n[2] = (Boolean) n[2] || lead;
				}
			}
		}
		List<Preview.UnknownName> out = new ArrayList<>();
		for (Object[] n : names.values()) {
			@SuppressWarnings("unchecked")
			List<Integer> list = (List<Integer>) n[1];
			out.add(new Preview.UnknownName((String) n[0], List.copyOf(list), (Boolean) n[2]));
		}
		return out;
	}

	private static Preview.Summary summary(List<Row> rows) {
		int tasks = 0;
		int groups = 0;
		int dropped = 0;
		int errors = 0;
		int warnings = 0;
		int infos = 0;
		Map<FindingCode, Integer> byCode = new EnumMap<>(FindingCode.class);
		for (Row r : rows) {
			if (r.draft().group()) {
				groups++;
			}
			else if (r.draft().dropped()) {
				dropped++;
				continue;
			}
			else {
				tasks++;
			}
			for (Finding f : r.findings()) {
				byCode.merge(f.code(), 1, Integer::sum);
				switch (f.severity()) {
					case ERROR -> errors++;
					case WARNING -> warnings++;
					case INFO -> infos++;
				}
			}
		}
		return new Preview.Summary(tasks, groups, dropped, errors, warnings, infos, byCode, errors == 0 && tasks > 0);
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

	private static String percent(double s) {
		return Math.round(s * 100) + "%";
	}

	static String abbreviate(String s, int max) {
		if (s == null) {
			return "";
		}
		String one = s.replace('\n', ' ');
		return one.length() <= max ? one : one.substring(0, max - 1) + "…";
	}

	/** Work on one row while the preview is built. */
	static final class RowWork {
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
	}
}
