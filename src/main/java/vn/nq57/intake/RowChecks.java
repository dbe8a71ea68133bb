package vn.nq57.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.deadline.DeadlineParser;
import vn.nq57.intake.AgencyMatcher.Head;
import vn.nq57.intake.AgencyMatcher.How;
import vn.nq57.intake.AgencyMatcher.Match;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.TextRules;

/**
 * The checks of one row on its own: agencies resolved through the registry (a collective fanned out), the
 * accountable head's title checked against the lead, the deadline read by the deadline component, missing
 * cells, other provinces' names, spelling slips, unsafe or too long text. Writes nothing.
 */
@Component
class RowChecks {

	/** Column sizes of the task table (V4__plan.sql): longer text is refused before the database would. */
	static final int MAX_STT = 20;
	static final int MAX_TITLE = 5000;
	static final int MAX_HEAD = 300;
	static final int MAX_OUTPUT = 1000;
	static final int MAX_COORDINATORS_NOTE = 2000;
	static final int MAX_DEADLINE = 300;
	static final int MAX_GROUP_TITLE = 1000;

	/**
	 * The registry as one analysis sees it: the matcher, and the fan-outs and memberships already looked up
	 * (plans name the same few agencies over and over).
	 */
	static final class Registry {
		final AgencyMatcher matcher;
		final Map<Long, Set<Long>> members = new HashMap<>();
		final Map<Set<Long>, Integer> fanOuts = new HashMap<>();
		/** The word list with the registry's own names, for the spelling check. */
		final Set<String> words;

		Registry(AgencyMatcher matcher) {
			this.matcher = matcher;
			this.words = Spelling.wordsOf(matcher.allNames());
		}
	}

	private final AgencyDirectory agencies;
	private final Provinces provinces;

	RowChecks(AgencyDirectory agencies, @Value("${nq57.intake.home-province:Quảng Ngãi}") String homeProvince) {
		this.agencies = agencies;
		try (InputStream in = new ClassPathResource("intake/provinces.csv").getInputStream()) {
			this.provinces = Provinces.load(in, homeProvince);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A matcher over the registry as it is now (so that a mapping just saved counts at once). */
	AgencyMatcher matcher() {
		return new AgencyMatcher(agencies.activeWithNames().stream()
			.map(a -> new AgencyMatcher.Entry(a.id(), a.name(), a.kind(), a.names())).toList());
	}

	Registry registry() {
		return new Registry(matcher());
	}

	/** What a task row means (agencies, head, deadline, assignments) and what is wrong with it. */
	RowWork task(IntakeKind kind, int index, int number, DraftRow d, String groupTitle, Registry registry) {
		AgencyMatcher matcher = registry.matcher;
		Map<Long, Set<Long>> members = registry.members;
		Map<Set<Long>, Integer> fanOuts = registry.fanOuts;
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
		textFindings(f, d, registry.words);
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
				// a collective ("Các sở, ban, nghành", "UBND các xã, phường và đặc khu") is written loosely as a
				// matter of course: understood, not a typo
				if (!m.collective()) {
					f.add(Finding.of(FindingCode.TYPO, field, "Tên cơ quan “" + m.text() + "” có thể viết sai; đã hiểu là “"
							+ m.agencyName() + "”"));
				}
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
				String written = writtenTitle(h);
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

	/** The words of the head's cell that stand for its title (as many as the title has), as written. */
	private static String writtenTitle(Head h) {
		String[] w = h.text().split(" ");
		int n = Math.min(w.length, h.titleSuggestion().split(" ").length);
		String written = String.join(" ", java.util.Arrays.copyOfRange(w, 0, n));
		// a title run together with its agency is shown whole
		return written.isBlank() ? h.text() : written;
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

	private void textFindings(List<Finding> f, DraftRow d, Set<String> words) {
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
				for (Spelling.Slip s : Spelling.check(v, words)) {
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

	/** What is wrong with a group row. */
	List<Finding> group(DraftRow d) {
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
}
