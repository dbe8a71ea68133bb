package vn.nq57.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.Money;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.FieldsRefused;
import vn.nq57.system.Flash;

/**
 * The money pages: calls and proposals for agencies, DoST's review queue with filters and bulk actions, Sở Tài
 * chính's consolidation, decision, reallocations and budget totals, agencies' disbursement reports, and the leaders'
 * dashboard of allocation against disbursement.
 */
@Controller
class FundingController {

	private final FundingStore store;
	private final FundingProposals proposals;
	private final FundingCalls calls;
	private final FundingMoney money;
	private final FundingQueries queries;
	private final FundingAccess access;
	private final FundingFiles files;
	private final FundingShares shares;
	private final FundingSettings settings;
	private final FundingDocuments documents;
	private final AppClock clock;
	private final FundingImport fundingImport;

	FundingController(FundingImport fundingImport, FundingStore store, FundingProposals proposals, FundingCalls calls, FundingMoney money,
			FundingQueries queries, FundingAccess access, FundingFiles files, FundingShares shares, FundingSettings settings,
			FundingDocuments documents, AppClock clock) {
		this.store = store;
		this.proposals = proposals;
		this.calls = calls;
		this.money = money;
		this.queries = queries;
		this.access = access;
		this.files = files;
		this.shares = shares;
		this.settings = settings;
		this.documents = documents;
		this.clock = clock;
		this.fundingImport = fundingImport;
	}

	private void roles(Model model, CurrentUser me) {
		model.addAttribute("isDost", FundingAccess.isDost(me));
		model.addAttribute("isFinance", access.isFinance(me));
		model.addAttribute("isStaff", me.is(Role.AGENCY_HEAD) || me.is(Role.AGENCY_OFFICER));
		model.addAttribute("isHead", me.is(Role.AGENCY_HEAD));
		model.addAttribute("seesDashboard", FundingAccess.readsProvince(me) || access.isFinance(me));
		model.addAttribute("sources", Source.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("states", ProposalState.values());
	}

	@GetMapping("/funding")
	String home(Model model) {
		CurrentUser me = AccessPolicy.current();
		roles(model, me);
		model.addAttribute("calls", store.calls());
		if (me.is(Role.AGENCY_HEAD) || me.is(Role.AGENCY_OFFICER)) {
			model.addAttribute("mine", queries.queue(me, new FundingQueries.Filter(null, me.agencyId(), null, null, null, null), 0, 200));
		}
		return "funding/home";
	}

	@PostMapping("/funding/calls")
	String openCall(@RequestParam String title, @RequestParam int yearFrom, @RequestParam(required = false) Integer yearTo,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate closesOn,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate reviewDue, RedirectAttributes redirect) {
		try {
			long id = calls.open(title, yearFrom, yearTo == null ? yearFrom : yearTo, closesOn, reviewDue);
			Flash.done(redirect, "funding.flash.callOpened");
			return "redirect:/funding/calls/" + id;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/funding";
		}
	}

	@GetMapping("/funding/calls/{id}")
	String call(@PathVariable long id, @RequestParam(required = false) String by, Model model) {
		CurrentUser me = AccessPolicy.current();
		roles(model, me);
		FundingCall call = store.call(id);
		model.addAttribute("call", call);
		model.addAttribute("counts", queries.stateCounts(me, id));
		boolean finance = access.isFinance(me);
		if (finance || FundingAccess.readsProvince(me)) {
			String b = by == null ? "agency" : by;
			model.addAttribute("by", b);
			model.addAttribute("consolidation", queries.consolidation(id, b));
		}
		if (finance && "SENT".equals(call.state())) {
			model.addAttribute("through", queries.queue(me, new FundingQueries.Filter(id, null, null, null, null, null), 0, 500)
				.rows().stream().filter(r -> r.state() == ProposalState.ACCEPTED || r.state() == ProposalState.ADJUSTED).toList());
		}
		if (me.is(Role.AGENCY_HEAD) || me.is(Role.AGENCY_OFFICER)) {
			model.addAttribute("tasks", queries.tasksOf(me.agencyId(), 500));
			model.addAttribute("mine", queries.queue(me, new FundingQueries.Filter(id, me.agencyId(), null, null, null, null), 0, 200));
		}
		model.addAttribute("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(clock.today(), call.reviewDue()));
		model.addAttribute("yearList", years(call));
		return "funding/call";
	}

	@PostMapping("/funding/calls/{id}/send")
	String send(@PathVariable long id, @RequestParam(required = false) String letterNumber, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			calls.send(id, letterNumber, version);
			Flash.done(redirect, "funding.flash.sent");
		}
		catch (DomainException e) {
			if (e instanceof vn.nq57.system.ConcurrentEditException) {
				throw e;
			}
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/funding/calls/" + id;
	}

	@PostMapping("/funding/calls/{id}/decide")
	String decide(@PathVariable long id, @RequestParam String number,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate date, @RequestParam(required = false) String signer,
			@RequestParam long version, @RequestParam MultiValueMap<String, String> all, RedirectAttributes redirect) {
		try {
			Map<Long, Long> amounts = new LinkedHashMap<>();
			for (var e : all.entrySet()) {
				if (e.getKey().startsWith("alloc_") && e.getValue().get(0) != null && !e.getValue().get(0).isBlank()) {
					long pid = Long.parseLong(e.getKey().substring(6));
					String typed = e.getValue().get(0).strip();
					amounts.put(pid, "0".equals(typed) ? 0L : amount(typed, "Số tiền phân bổ cho đề xuất số " + pid));
				}
			}
			calls.decide(id, number, date, signer, false, amounts, version);
			Flash.done(redirect, "funding.flash.decided");
		}
		catch (DomainException e) {
			if (e instanceof vn.nq57.system.ConcurrentEditException) {
				throw e;
			}
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/funding/calls/" + id;
	}

	// --- proposals ---

	@PostMapping("/funding/proposals")
	String create(@RequestParam long callId, @RequestParam long taskId, @RequestParam(required = false) Long agencyId,
			@RequestParam String source, @RequestParam String category, @RequestParam String justification,
			@RequestParam(required = false) String expectedOutput, @RequestParam MultiValueMap<String, String> all,
			@RequestParam(required = false) MultipartFile estimate, FieldErrors problems, RedirectAttributes redirect) {
		CurrentUser me = AccessPolicy.current();
		try {
			long agency = agencyId != null && FundingAccess.isDost(me) ? agencyId : me.agencyId();
			FundingProposals.Input in = new FundingProposals.Input(callId, taskId, agency, Source.find(source),
					Category.find(category), years(all, problems), justification, expectedOutput, null);
			if (!problems.isEmpty()) {
				proposals.problems(in, store.call(callId), problems);
				throw new FieldsRefused(Flash.text("form.notSaved"), problems);
			}
			long id = proposals.create(in, files.estimate(estimate));
			Flash.done(redirect, "funding.flash.drafted");
			return "redirect:/funding/proposals/" + id;
		}
		catch (DomainException e) {
			refused(redirect, e, all);
			return "redirect:/funding/calls/" + callId;
		}
	}

	/**
	 * A refused proposal goes back to its form with the message at the top and, when the rules named fields, each
	 * problem beside its field and everything typed kept.
	 */
	private static void refused(RedirectAttributes redirect, DomainException e, MultiValueMap<String, String> all) {
		if (e instanceof FieldsRefused f) {
			FieldErrors kept = f.fields();
			all.forEach((k, v) -> {
				if (v.size() == 1 && !k.startsWith("_") && v.get(0).length() <= 10_000 && kept.value(k) == null) {
					kept.keep(k, v.get(0));
				}
			});
			redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, kept);
			Flash.error(redirect, Flash.text("form.notSaved"));
		}
		else {
			Flash.error(redirect, e.getMessage());
		}
	}

	@GetMapping("/funding/proposals/{id}")
	String proposal(@PathVariable long id, Model model) {
		CurrentUser me = AccessPolicy.current();
		roles(model, me);
		Proposal p = store.proposal(id);
		FundingCall call = store.call(p.callId());
		access.require(access.canRead(me, p, call.state()), "FUNDING_PROPOSAL", id, "xem đề xuất kinh phí của cơ quan khác");
		model.addAttribute("p", p);
		model.addAttribute("call", call);
		model.addAttribute("taskTitle", store.taskTitle(p.taskId()).orElse("#" + p.taskId()));
		model.addAttribute("agencyName", store.agencyName(p.agencyId()));
		model.addAttribute("history", proposals.history(id));
		boolean staff = FundingAccess.isAgencyStaff(me, p.agencyId());
		model.addAttribute("canEdit", (staff || FundingAccess.isDost(me)) && p.state().editable());
		model.addAttribute("canSubmit", me.is(Role.AGENCY_HEAD) && staff && p.state().editable());
		model.addAttribute("canReview", FundingAccess.isDost(me) && p.state() == ProposalState.SUBMITTED && call.open());
		model.addAttribute("yearList", years(call));
		if (staff) {
			model.addAttribute("tasks", queries.tasksOf(p.agencyId(), 500));
		}
		return "funding/proposal";
	}

	@PostMapping("/funding/proposals/{id}")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam long taskId, @RequestParam String source,
			@RequestParam String category, @RequestParam String justification,
			@RequestParam(required = false) String expectedOutput, @RequestParam MultiValueMap<String, String> all,
			@RequestParam(required = false) MultipartFile estimate, FieldErrors problems, RedirectAttributes redirect) {
		CurrentUser me = AccessPolicy.current();
		Proposal p = store.proposal(id);
		try {
			FundingProposals.Input in = new FundingProposals.Input(p.callId(), taskId, p.agencyId(), Source.find(source),
					Category.find(category), years(all, problems), justification, expectedOutput, null);
			if (!problems.isEmpty()) {
				proposals.problems(in, store.call(p.callId()), problems);
				throw new FieldsRefused(Flash.text("form.notSaved"), problems);
			}
			proposals.update(id, in, files.estimate(estimate), version);
			Flash.done(redirect, "funding.flash.saved");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			refused(redirect, e, all);
		}
		return "redirect:/funding/proposals/" + id;
	}

	@PostMapping("/funding/proposals/{id}/submit")
	String submit(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			proposals.submit(id, version);
			Flash.done(redirect, "funding.flash.submitted");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/funding/proposals/" + id;
	}

	@PostMapping("/funding/proposals/{id}/review")
	String review(@PathVariable long id, @RequestParam long version, @RequestParam String action,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			FundingProposals.Review r = review(action);
			// every field checked at once, each problem beside its field, what was typed kept
			FieldErrors f = new FieldErrors();
			Long a = r == FundingProposals.Review.ADJUST ? f.check("amount", () -> amount(amount, "Số tiền điều chỉnh")) : null;
			proposals.review(id, r, a, reason, version, f);
			Flash.done(redirect, "funding.flash.reviewed");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/funding/proposals/" + id;
	}

	@PostMapping("/funding/proposals/{id}/duplicate")
	String duplicate(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String otherId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field, what was typed kept
		FieldErrors f = new FieldErrors();
		f.keep("proposalForm", "duplicate");
		try {
			Long other = f.check("otherId", () -> {
				if (otherId == null || otherId.isBlank()) {
					return null;
				}
				try {
					return Long.valueOf(otherId.strip().replaceFirst("^#", ""));
				}
				catch (NumberFormatException e) {
					throw new DomainException("Số đề xuất “" + otherId.strip() + "” không hợp lệ; hãy nhập số của đề xuất");
				}
			});
			proposals.flagDuplicate(id, other, note, version, f);
			Flash.done(redirect, "funding.flash.duplicate");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/funding/proposals/" + id;
	}

	@GetMapping("/funding/files/{id}")
	ResponseEntity<byte[]> file(@PathVariable long id) {
		CurrentUser me = AccessPolicy.current();
		FundingFiles.StoredFile f = files.find(id).orElseThrow(() -> new vn.nq57.system.NotFoundException("Không có tệp số " + id));
		// the file is seen by whoever may see its proposal (Sở Tài chính: only once reviewed and sent)
		boolean allowed = FundingAccess.isAgencyStaff(me, f.agencyId()) || FundingAccess.isDost(me) || me.is(Role.ADMIN)
				|| store.proposalsWithFile(id).stream().anyMatch(p -> access.canRead(me, p, store.call(p.callId()).state()));
		access.require(allowed, "FUNDING_FILE", id, "tải tệp dự toán của cơ quan khác");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(f.data());
	}

	// --- DoST's review queue ---

	@GetMapping("/funding/review")
	String queue(@RequestParam(required = false) Long call, @RequestParam(required = false) Long agency,
			@RequestParam(required = false) String source, @RequestParam(required = false) String state,
			@RequestParam(required = false) String group, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = AccessPolicy.current();
		roles(model, me);
		List<FundingCall> all = store.calls();
		Long callId = call != null ? call : all.isEmpty() ? null : all.get(0).id();
		FundingQueries.Filter f = new FundingQueries.Filter(callId, agency, Source.find(source), state(state), group, q);
		model.addAttribute("calls", all);
		model.addAttribute("f", f);
		model.addAttribute("callRef", callId == null ? null : store.call(callId));
		model.addAttribute("rows", callId == null ? Page.empty(0, 50) : queries.queue(me, f, Math.max(0, page), 50));
		model.addAttribute("agencies", callId == null ? List.of() : queries.agenciesOf(callId));
		model.addAttribute("groups", queries.groupCodes());
		model.addAttribute("pagerUrl", "/funding/review?call=" + (callId == null ? "" : callId) + "&agency=" + (agency == null ? "" : agency)
				+ "&source=" + (source == null ? "" : source) + "&state=" + (state == null ? "" : state) + "&group="
				+ (group == null ? "" : group) + "&q=" + (q == null ? "" : java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)) + "&");
		return "funding/review";
	}

	/** Bulk decision: the first post shows what will be done; the confirmation does it (all or nothing). */
	@PostMapping("/funding/review/bulk")
	String bulk(@RequestParam(required = false) List<String> pick, @RequestParam String action,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(required = false) Long call, Model model, RedirectAttributes redirect) {
		CurrentUser me = AccessPolicy.current();
		access.requireDost("xem xét đề xuất kinh phí");
		List<FundingProposals.Picked> picked = new ArrayList<>();
		for (String s : pick == null ? List.<String>of() : pick) {
			String[] parts = s.split(":");
			picked.add(new FundingProposals.Picked(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
		}
		if (!confirmed) {
			if (picked.isEmpty()) {
				Flash.errorKey(redirect, "funding.bulk.none");
				return "redirect:/funding/review" + (call == null ? "" : "?call=" + call);
			}
			roles(model, me);
			model.addAttribute("picked", picked.stream().map(k -> store.proposal(k.id())).toList());
			model.addAttribute("pick", pick);
			model.addAttribute("action", action);
			model.addAttribute("reason", reason);
			model.addAttribute("call", call);
			return "funding/confirm";
		}
		try {
			int n = proposals.reviewAll(picked, review(action), reason);
			Flash.done(redirect, "funding.flash.bulk", n);
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/funding/review" + (call == null ? "" : "?call=" + call);
	}

	// --- allocations, reallocations, disbursement, budget ---

	@GetMapping("/funding/money")
	String money(@RequestParam(required = false) Integer year, Model model) {
		CurrentUser me = AccessPolicy.current();
		roles(model, me);
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		List<FundingQueries.AllocationRow> rows = queries.allocations(me, y, 500);
		model.addAttribute("allocations", rows);
		Map<Long, List<FundingQueries.Disbursement>> d = new TreeMap<>();
		for (FundingQueries.AllocationRow r : rows) {
			d.put(r.id(), queries.disbursements(r.id()));
		}
		model.addAttribute("disbursements", d);
		model.addAttribute("reallocations", queries.reallocations(y));
		model.addAttribute("budget", money.budget(y).orElse(null));
		model.addAttribute("shares", shares.of(y));
		model.addAttribute("quarterNow", (clock.today().getMonthValue() - 1) / 3 + 1);
		return "funding/money";
	}

	@PostMapping("/funding/allocations/{id}/disburse")
	String disburse(@PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String lagReason,
			@RequestParam(required = false) Long version, @RequestParam int year,
			@RequestParam java.util.Map<String, String> form, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field in this allocation's row, what was typed kept
		FieldErrors f = new FieldErrors();
		f.keep(MONEY_FORM, "disburse-" + id);
		if (version == null && period != null && form.get("version" + period) != null) {
			// the page carries the version of each period already reported: choosing one corrects it
			try {
				version = Long.valueOf(form.get("version" + period));
			}
			catch (NumberFormatException e) {
				version = null;
			}
		}
		try {
			PeriodKind kind = period != null && period.startsWith("M") ? PeriodKind.MONTH : PeriodKind.QUARTER;
			Integer index = f.check("period", () -> {
				try {
					return Integer.parseInt(period.substring(1));
				}
				catch (RuntimeException e) {
					throw new DomainException("Kỳ báo cáo không hợp lệ");
				}
			});
			Long a = f.check("amount", () -> amount(amount, "Số tiền giải ngân", true));
			FundingMoney.Pace pace = money.disburse(id, kind, year, index == null ? 0 : index, a == null ? 0 : a, lagReason,
					version, f);
			if (pace.lags()) {
				Flash.warning(redirect, "funding.flash.lags", FundingMoney.pct(pace.rate()), FundingMoney.pct(pace.expected()));
			}
			else {
				Flash.done(redirect, "funding.flash.disbursed");
			}
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/funding/money?year=" + year;
	}

	/** Which form of the money page a refusal belongs to (the page shows its problems beside that form's fields). */
	static final String MONEY_FORM = "moneyForm";

	@PostMapping("/funding/reallocations")
	String reallocate(@RequestParam long from, @RequestParam long to, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String decisionDate,
			@RequestParam(required = false) String reason, @RequestParam int year, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field, what was typed kept
		FieldErrors f = new FieldErrors();
		f.keep(MONEY_FORM, "reallocate");
		try {
			Long a = f.check("amount", () -> amount(amount, "Số tiền điều chuyển"));
			LocalDate day = f.check("decisionDate", () -> day(decisionDate, "Ngày quyết định"));
			money.reallocate(from, to, a == null ? 0 : a, decisionNumber, day, reason, f);
			Flash.done(redirect, "funding.flash.reallocated");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/funding/money?year=" + year;
	}

	/** A day typed as dd/MM/yyyy (or as a date field sends it, yyyy-MM-dd), {@code null} when blank. */
	static LocalDate day(String typed, String what) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		try {
			return vn.nq57.kernel.VnFormat.typedDay(t);
		}
		catch (RuntimeException e) {
			throw new DomainException(what + " “" + t + "” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		}
	}

	@PostMapping("/funding/budget")
	String budget(@RequestParam int year, @RequestParam(required = false) String localSpending,
			@RequestParam(required = false) String scienceBudget, @RequestParam(required = false) String note,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field, what was typed kept
		FieldErrors f = new FieldErrors();
		f.keep(MONEY_FORM, "budget");
		try {
			Long local = f.check("localSpending", () -> amount(localSpending, "Tổng chi ngân sách địa phương"));
			Long science = f.check("scienceBudget", () -> amount(scienceBudget, "Chi ngân sách cho khoa học"));
			money.saveBudget(year, local == null ? 0 : local, science == null ? 0 : science, note, version, f);
			Flash.done(redirect, "funding.flash.budget");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/funding/money?year=" + year;
	}

	@GetMapping("/funding/dashboard")
	String dashboard(@RequestParam(required = false) Integer year, Model model) {
		CurrentUser me = AccessPolicy.current();
		access.requireProvinceView("xem bảng kinh phí toàn tỉnh");
		roles(model, me);
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("totals", queries.totals(y));
		model.addAttribute("byAgency", queries.dashboard(y, "agency", 30));
		model.addAttribute("bySource", queries.dashboard(y, "source", 10));
		model.addAttribute("byCategory", queries.dashboard(y, "category", 10));
		model.addAttribute("byGroup", queries.dashboard(y, "group", 20));
		model.addAttribute("lagging", queries.lagging(y, settings.lagPoints(), 20));
		java.math.BigDecimal expected = queries.expectedShare(y);
		model.addAttribute("expected", expected);
		model.addAttribute("lagLine", expected.subtract(java.math.BigDecimal.valueOf(settings.lagPoints())));
		model.addAttribute("shares", shares.of(y));
		return "funding/dashboard";
	}

	// --- documents ---

	@GetMapping("/funding/calls/{id}/letter.docx")
	ResponseEntity<byte[]> letter(@PathVariable long id) {
		access.requireProvinceView("tải công văn gửi Sở Tài chính");
		return download(documents.letter(id), "cong-van-de-xuat-kinh-phi-" + id + ".docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@GetMapping("/funding/calls/{id}/reviewed.xlsx")
	ResponseEntity<byte[]> reviewed(@PathVariable long id) {
		access.requireProvinceView("tải danh sách đề xuất đã xem xét");
		return download(documents.reviewedList(id), "danh-sach-de-xuat-" + id + ".xlsx", XLSX);
	}

	@GetMapping("/funding/calls/{id}/consolidated.xlsx")
	ResponseEntity<byte[]> consolidated(@PathVariable long id) {
		access.requireProvinceView("tải danh sách tổng hợp");
		return download(documents.consolidated(id), "tong-hop-kinh-phi-" + id + ".xlsx", XLSX);
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static ResponseEntity<byte[]> download(byte[] data, String name, String type) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store").body(data);
	}

	// --- Excel import ---

	@GetMapping("/funding/import")
	String importPage(@RequestParam(required = false) Long call, Model model) {
		CurrentUser me = AccessPolicy.current();
		roles(model, me);
		access.require(FundingAccess.isDost(me) || me.is(Role.AGENCY_HEAD) || me.is(Role.AGENCY_OFFICER), "FUNDING_IMPORT", null,
				"nhập đề xuất kinh phí");
		List<FundingCall> open = store.calls().stream().filter(FundingCall::open).toList();
		model.addAttribute("calls", open);
		model.addAttribute("agencies", FundingAccess.isDost(me) ? agencyList() : List.of());
		return "funding/import";
	}

	private List<FundingQueries.AgencyRef> agencyList() {
		return queries.activeAgencies();
	}

	@GetMapping("/funding/import/template.xlsx")
	ResponseEntity<byte[]> template(@RequestParam long call, @RequestParam(required = false) Long agency) {
		CurrentUser me = AccessPolicy.current();
		long a = agency != null && FundingAccess.isDost(me) ? agency : me.agencyId();
		return download(fundingImport.template(call, a), "mau-de-xuat-kinh-phi.xlsx", XLSX);
	}

	@PostMapping("/funding/import")
	String importPreview(@RequestParam long call, @RequestParam(required = false) Long agency,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		CurrentUser me = AccessPolicy.current();
		long a = agency != null && FundingAccess.isDost(me) ? agency : me.agencyId();
		try {
			model.addAttribute("preview", fundingImport.preview(call, a, files.workbook(file)));
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/funding/import";
		}
		roles(model, me);
		model.addAttribute("calls", List.of());
		model.addAttribute("agencies", List.of());
		return "funding/import";
	}

	@PostMapping("/funding/import/commit")
	String importCommit(@RequestParam String token, @RequestParam long call, RedirectAttributes redirect) {
		try {
			int n = fundingImport.commit(token);
			Flash.done(redirect, "funding.flash.imported", n);
			return "redirect:/funding/calls/" + call;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/funding/import";
		}
	}

	// --- helpers ---

	static List<Integer> years(FundingCall c) {
		List<Integer> l = new ArrayList<>();
		for (int y = c.yearFrom(); y <= c.yearTo(); y++) {
			l.add(y);
		}
		return l;
	}

	/** amount_2026=…, amount_2027=… → year → đồng (blank years left out). */
	static Map<Integer, Long> years(MultiValueMap<String, String> all) {
		Map<Integer, Long> m = new TreeMap<>();
		for (var e : all.entrySet()) {
			if (e.getKey().matches("amount_\\d{4}") && e.getValue().get(0) != null && !e.getValue().get(0).isBlank()) {
				int y = Integer.parseInt(e.getKey().substring(7));
				m.put(y, amount(e.getValue().get(0), "Số tiền năm " + y, true));
			}
		}
		return m;
	}

	/** {@link #years(MultiValueMap)}, an amount that cannot be read noted beside its field instead of refused alone. */
	static Map<Integer, Long> years(MultiValueMap<String, String> all, FieldErrors problems) {
		Map<Integer, Long> m = new TreeMap<>();
		for (var e : all.entrySet()) {
			if (e.getKey().matches("amount_\\d{4}") && e.getValue().get(0) != null && !e.getValue().get(0).isBlank()) {
				int y = Integer.parseInt(e.getKey().substring(7));
				try {
					m.put(y, amount(e.getValue().get(0), "Số tiền năm " + y, true));
				}
				catch (DomainException x) {
					problems.reject(e.getKey(), x.getMessage());
				}
			}
		}
		return m;
	}

	static long amount(String typed, String what) {
		return amount(typed, what, false);
	}

	/** What a person typed, read by {@link Money#parse}; {@code zeroAllowed} lets 0 through for the rules to judge. */
	static long amount(String typed, String what, boolean zeroAllowed) {
		String t = typed == null ? "" : typed.strip();
		if (t.startsWith("-")) {
			throw new DomainException(what + " phải lớn hơn 0 đồng (đã nhập “" + t + "”)");
		}
		try {
			long v = Money.parse(t);
			if (v <= 0 && !zeroAllowed) {
				throw new DomainException(what + " phải lớn hơn 0 đồng");
			}
			return v;
		}
		catch (Money.Unreadable e) {
			throw new DomainException(what + ": " + e.getMessage());
		}
	}

	static FundingProposals.Review review(String action) {
		try {
			return FundingProposals.Review.valueOf(action);
		}
		catch (RuntimeException e) {
			throw new DomainException("Thao tác xem xét không hợp lệ: " + action);
		}
	}

	static ProposalState state(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return ProposalState.valueOf(s);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
