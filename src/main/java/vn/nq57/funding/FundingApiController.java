package vn.nq57.funding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.PeriodKind;

/**
 * Money as JSON, with the same rights as the pages: an agency's staff their own proposals and allocations, DoST the
 * calls and the review, Sở Tài chính the reviewed proposals, the decision, reallocations and budget totals, leaders the
 * dashboard. Amounts are whole đồng: a JSON number, or a string as people write it ("1.250.000.000", "1,25 tỷ",
 * "850 triệu", "2 tỷ 300 triệu"). A change on a stale version answers 409 with the current version.
 */
@RestController
@RequestMapping("/api/v1/funding")
@Tag(name = "Kinh phí", description = "Đợt đề xuất, đề xuất phân khai kinh phí theo nhiệm vụ, xem xét của Sở KH&CN, phân bổ, điều chuyển, giải ngân, tỷ lệ chi 3% và 15%")
class FundingApiController {

	public record CallJson(long id, String title, int yearFrom, int yearTo, LocalDate closesOn, LocalDate reviewDue,
			@Schema(description = "OPEN, SENT, DECIDED") String state, String letterNumber, LocalDate sentOn,
			String decisionNumber, LocalDate decisionDate, String decisionSigner, boolean decisionDemo, long version) {

		static CallJson of(FundingCall c) {
			return new CallJson(c.id(), c.title(), c.yearFrom(), c.yearTo(), c.closesOn(), c.reviewDue(), c.state(),
					c.letterNumber(), c.sentOn(), c.decisionNumber(), c.decisionDate(), c.decisionSigner(), c.decisionDemo(),
					c.version());
		}
	}

	public record CallInput(@Schema(example = "Đề xuất kinh phí năm 2027") String title, @Schema(example = "2027") int yearFrom,
			Integer yearTo, @Schema(example = "2026-12-10") LocalDate closesOn, @Schema(example = "2026-12-20") LocalDate reviewDue) {
	}

	public record StepJson(String from, String to, Long amountBefore, Long amountAfter, String reason, String actor,
			java.time.Instant at) {
	}

	public record ProposalJson(long id, long callId, long taskId, long agencyId, String source, String category, long amount,
			Long approvedAmount, @Schema(description = "năm → số tiền (đồng)") Map<Integer, Long> years, String justification,
			String expectedOutput, @Schema(description = "DRAFT, SUBMITTED, ACCEPTED, ADJUSTED, RETURNED, REFUSED, ALLOCATED") String state,
			String reviewReason, Long duplicateOf, String duplicateNote, Long estimateFileId, long version, List<StepJson> history) {
	}

	public record RowJson(long id, long callId, long taskId, String task, String taskGroup, long agencyId, String agency,
			String source, String category, long amount, Long approvedAmount, String state, String reviewReason,
			Long duplicateOf, @Schema(description = "Số ngày còn lại đến hạn xem xét (âm: quá hạn)") int daysLeft, long version) {
	}

	public record PageJson(long total, int page, int size, List<RowJson> rows) {
	}

	@Schema(description = "Đề xuất: số tiền từng năm (số hoặc chuỗi như \"1,25 tỷ\")")
	public record ProposalInput(Long callId, long taskId, @Schema(description = "Cơ quan đề xuất; bỏ trống: cơ quan của người dùng") Long agencyId,
			@Schema(example = "STATE_BUDGET") String source, @Schema(example = "SCIENCE_RESEARCH") String category,
			@Schema(example = "{\"2027\": \"1,25 tỷ\"}") Map<Integer, String> years, String justification, String expectedOutput,
			@Schema(description = "Phiên bản đang sửa (chống ghi đè); bỏ trống khi tạo mới") Long version) {
	}

	public record VersionInput(long version) {
	}

	public record ReviewInput(@Schema(description = "ACCEPT, ADJUST, RETURN, REFUSE") String action,
			@Schema(description = "Số tiền điều chỉnh (ADJUST)") String amount, String reason, long version) {
	}

	public record SendInput(String letterNumber, long version) {
	}

	public record DecisionInput(String number, LocalDate date, String signer,
			@Schema(description = "Mã đề xuất → số tiền phân bổ; bỏ trống: bằng số Sở KH&CN thống nhất; \"0\": không phân bổ") Map<Long, String> amounts,
			long version) {
	}

	public record ReallocationInput(long fromAllocation, long toAllocation, String amount, String decisionNumber,
			LocalDate decisionDate, String reason) {
	}

	public record DisbursementInput(@Schema(description = "MONTH hoặc QUARTER") String periodKind, int year,
			@Schema(description = "Tháng 1–12 hoặc quý 1–4") int index, String amount, String lagReason,
			@Schema(description = "Phiên bản khi sửa báo cáo đã có") Long version) {
	}

	public record PaceJson(java.math.BigDecimal rate, java.math.BigDecimal expected, boolean lags) {
	}

	public record BudgetInput(String localSpending, String scienceBudget, String note, Long version) {
	}

	public record SharesJson(int year, long stiAllocated, Long localSpending, java.math.BigDecimal budgetShare,
			long researchAllocated, Long scienceBudget, java.math.BigDecimal researchShare) {
	}

	public record LineJson(String key, String label, long count, long allocated, long disbursed, java.math.BigDecimal rate) {
	}

	public record DashboardJson(int year, long allocations, long original, long current, long disbursed,
			List<LineJson> byAgency, List<LineJson> bySource, List<LineJson> byTaskGroup, SharesJson shares) {
	}

	private final FundingStore store;
	private final FundingProposals proposals;
	private final FundingCalls calls;
	private final FundingMoney money;
	private final FundingQueries queries;
	private final FundingAccess access;
	private final FundingShares shares;

	FundingApiController(FundingStore store, FundingProposals proposals, FundingCalls calls, FundingMoney money,
			FundingQueries queries, FundingAccess access, FundingShares shares) {
		this.store = store;
		this.proposals = proposals;
		this.calls = calls;
		this.money = money;
		this.queries = queries;
		this.access = access;
		this.shares = shares;
	}

	@GetMapping("/calls")
	@Operation(summary = "Các đợt đề xuất kinh phí")
	List<CallJson> calls() {
		AccessPolicy.current();
		return store.calls().stream().map(CallJson::of).toList();
	}

	@PostMapping("/calls")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Mở đợt đề xuất (Sở KH&CN)")
	@ApiResponse(responseCode = "422", description = "Năm, hạn không hợp lệ")
	CallJson openCall(@RequestBody CallInput in) {
		long id = calls.open(in.title(), in.yearFrom(), in.yearTo() == null ? in.yearFrom() : in.yearTo(), in.closesOn(),
				in.reviewDue());
		return CallJson.of(store.call(id));
	}

	@PostMapping("/calls/{id}/send")
	@Operation(summary = "Gửi danh sách đã xem xét sang Sở Tài chính (Sở KH&CN)", description = "Mọi đề xuất đã gửi phải được xem xét trước.")
	CallJson send(@PathVariable long id, @RequestBody SendInput in) {
		return CallJson.of(calls.send(id, in.letterNumber(), in.version()));
	}

	@PostMapping("/calls/{id}/decision")
	@Operation(summary = "Ghi quyết định phân bổ của UBND tỉnh (Sở Tài chính)")
	CallJson decide(@PathVariable long id, @RequestBody DecisionInput in) {
		Map<Long, Long> amounts = new LinkedHashMap<>();
		if (in.amounts() != null) {
			in.amounts().forEach((k, v) -> amounts.put(k, "0".equals(v == null ? "" : v.strip()) ? 0L
					: FundingController.amount(v, "Số tiền phân bổ cho đề xuất số " + k)));
		}
		return CallJson.of(calls.decide(id, in.number(), in.date(), in.signer(), false, amounts, in.version()));
	}

	@GetMapping("/proposals")
	@Operation(summary = "Đề xuất kinh phí (hàng đợi xem xét của Sở KH&CN) với bộ lọc",
			description = "Mỗi người chỉ thấy những gì được phép: cơ quan thấy đề xuất của mình; Sở Tài chính chỉ thấy đề xuất đã xem xét của đợt đã gửi; lãnh đạo không thấy dự thảo.")
	PageJson list(@RequestParam(required = false) Long call, @RequestParam(required = false) Long agency,
			@Parameter(description = "STATE_BUDGET, ENTERPRISE, INTERNATIONAL, OTHER") @RequestParam(required = false) String source,
			@RequestParam(required = false) String state, @Parameter(description = "Mã nhóm nhiệm vụ (I…VII)") @RequestParam(required = false) String group,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		CurrentUser me = AccessPolicy.current();
		Page<FundingQueries.Row> p = queries.queue(me, new FundingQueries.Filter(call, agency, Source.find(source),
				FundingController.state(state), group, q), Math.max(0, page), Math.min(Math.max(size, 1), 500));
		return new PageJson(p.total(), p.page(), p.size(), p.rows().stream()
			.map(r -> new RowJson(r.id(), r.callId(), r.taskId(), r.taskTitle(), r.groupCode(), r.agencyId(), r.agencyName(),
					r.source().name(), r.category().name(), r.amount(), r.approvedAmount(), r.state().name(), r.reviewReason(),
					r.duplicateOf(), r.daysLeft(), r.version()))
			.toList());
	}

	@GetMapping("/proposals/{id}")
	@Operation(summary = "Một đề xuất với quá trình xử lý")
	@ApiResponse(responseCode = "403", description = "Đề xuất của cơ quan khác")
	ProposalJson proposal(@PathVariable long id) {
		Proposal p = store.proposal(id);
		access.require(access.canRead(AccessPolicy.current(), p, store.call(p.callId()).state()), "FUNDING_PROPOSAL", id,
				"xem đề xuất kinh phí của cơ quan khác");
		return json(p);
	}

	@PostMapping("/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Lập dự thảo đề xuất (cán bộ, thủ trưởng cơ quan; Sở KH&CN thay mặt cơ quan)")
	@ApiResponse(responseCode = "422", description = "Số tiền không đọc được, âm hoặc bằng 0; năm ngoài đợt; đợt đã đóng; nhiệm vụ của cơ quan khác")
	ProposalJson create(@RequestBody ProposalInput in) {
		CurrentUser me = AccessPolicy.current();
		long agency = in.agencyId() == null ? me.agencyId() : in.agencyId();
		if (in.callId() == null) {
			throw new vn.nq57.system.DomainException("Hãy chọn đợt đề xuất (callId)");
		}
		long id = proposals.create(input(in, in.callId(), agency));
		return json(store.proposal(id));
	}

	@PutMapping("/proposals/{id}")
	@Operation(summary = "Sửa dự thảo hoặc đề xuất bị trả lại")
	@ApiResponse(responseCode = "409", description = "Đề xuất đã thay đổi; trả về phiên bản hiện tại")
	ProposalJson update(@PathVariable long id, @RequestBody ProposalInput in) {
		Proposal p = store.proposal(id);
		if (in.version() == null) {
			throw new vn.nq57.system.DomainException("Thiếu phiên bản đề xuất đang sửa (version)");
		}
		return json(proposals.update(id, input(in, p.callId(), p.agencyId()), in.version()));
	}

	@PostMapping("/proposals/{id}/submit")
	@Operation(summary = "Thủ trưởng cơ quan gửi đề xuất đến Sở KH&CN")
	ProposalJson submit(@PathVariable long id, @RequestBody VersionInput in) {
		return json(proposals.submit(id, in.version()));
	}

	@PostMapping("/proposals/{id}/review")
	@Operation(summary = "Sở KH&CN xem xét: chấp nhận, điều chỉnh số tiền (kèm lý do), trả lại, không chấp nhận (kèm lý do)")
	ProposalJson review(@PathVariable long id, @RequestBody ReviewInput in) {
		FundingProposals.Review r = FundingController.review(in.action());
		Long amount = r == FundingProposals.Review.ADJUST ? FundingController.amount(in.amount(), "Số tiền điều chỉnh") : null;
		return json(proposals.review(id, r, amount, in.reason(), in.version()));
	}

	@PostMapping("/reallocations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Điều chuyển kinh phí giữa hai phân bổ (Sở Tài chính)", description = "Không vượt số còn lại (hiện có − đã giải ngân) của phân bổ nguồn.")
	Map<String, Object> reallocate(@RequestBody ReallocationInput in) {
		long id = money.reallocate(in.fromAllocation(), in.toAllocation(), FundingController.amount(in.amount(), "Số tiền điều chuyển"),
				in.decisionNumber(), in.decisionDate(), in.reason());
		return Map.of("id", id, "from", money.allocation(in.fromAllocation()).current(), "to",
				money.allocation(in.toAllocation()).current());
	}

	@PostMapping("/allocations/{id}/disbursements")
	@Operation(summary = "Báo cáo giải ngân tháng hoặc quý (cơ quan được phân bổ)",
			description = "Tổng giải ngân không vượt phân bổ hiện có; khi tỷ lệ thấp hơn mức cần đạt của kỳ phải ghi lý do.")
	PaceJson disburse(@PathVariable long id, @RequestBody DisbursementInput in) {
		PeriodKind kind = "QUARTER".equalsIgnoreCase(in.periodKind()) ? PeriodKind.QUARTER
				: "MONTH".equalsIgnoreCase(in.periodKind()) ? PeriodKind.MONTH : null;
		if (kind == null) {
			throw new vn.nq57.system.DomainException("Kỳ báo cáo giải ngân là MONTH (tháng) hoặc QUARTER (quý)");
		}
		FundingMoney.Pace p = money.disburse(id, kind, in.year(), in.index(),
				FundingController.amount(in.amount(), "Số tiền giải ngân", true), in.lagReason(), in.version());
		return new PaceJson(p.rate(), p.expected(), p.lags());
	}

	@PutMapping("/budgets/{year}")
	@Operation(summary = "Số liệu ngân sách của năm (Sở Tài chính): tổng chi ngân sách địa phương, chi cho khoa học")
	SharesJson budget(@PathVariable int year, @RequestBody BudgetInput in) {
		money.saveBudget(year, FundingController.amount(in.localSpending(), "Tổng chi ngân sách địa phương"),
				FundingController.amount(in.scienceBudget(), "Chi ngân sách cho khoa học"), in.note(), in.version());
		return shares(year);
	}

	@GetMapping("/shares")
	@Operation(summary = "Tỷ lệ chi 3% (KHCN, ĐMST, CĐS / tổng chi ngân sách) và 15% (nghiên cứu, ứng dụng / chi khoa học) của năm")
	SharesJson shares(@RequestParam int year) {
		access.requireProvinceView("xem tỷ lệ chi toàn tỉnh");
		FundingShares.Shares s = shares.of(year);
		return new SharesJson(year, s.stiAllocated(), s.localSpending(), s.budgetShare(), s.researchAllocated(),
				s.scienceBudget(), s.researchShare());
	}

	@GetMapping("/dashboard")
	@Operation(summary = "Phân bổ và giải ngân của năm theo cơ quan, nguồn và nhóm nhiệm vụ (lãnh đạo, Sở KH&CN, Sở Tài chính)")
	DashboardJson dashboard(@RequestParam int year) {
		access.requireProvinceView("xem bảng kinh phí toàn tỉnh");
		FundingQueries.Totals t = queries.totals(year);
		return new DashboardJson(year, t.allocations(), t.original(), t.current(), t.disbursed(),
				lines(queries.dashboard(year, "agency", 100)), lines(queries.dashboard(year, "source", 10)),
				lines(queries.dashboard(year, "group", 50)), shares(year));
	}

	@ExceptionHandler(FundingProposals.StaleProposal.class)
	ResponseEntity<Map<String, Object>> stale(FundingProposals.StaleProposal e) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("status", 409, "message", e.getMessage(), "id", e.id, "currentVersion", e.currentVersion));
	}

	private static List<LineJson> lines(List<FundingQueries.Line> l) {
		return l.stream().map(x -> new LineJson(x.key(), x.label(), x.count(), x.allocated(), x.disbursed(), x.rate())).toList();
	}

	private FundingProposals.Input input(ProposalInput in, long callId, long agencyId) {
		Map<Integer, Long> years = new TreeMap<>();
		if (in.years() != null) {
			in.years().forEach((y, v) -> years.put(y, FundingController.amount(v, "Số tiền năm " + y, true)));
		}
		return new FundingProposals.Input(callId, in.taskId(), agencyId, Source.find(in.source()), Category.find(in.category()),
				years, in.justification(), in.expectedOutput(), null);
	}

	private ProposalJson json(Proposal p) {
		return new ProposalJson(p.id(), p.callId(), p.taskId(), p.agencyId(), p.source().name(), p.category().name(), p.amount(),
				p.approvedAmount(), p.years(), p.justification(), p.expectedOutput(), p.state().name(), p.reviewReason(),
				p.duplicateOf(), p.duplicateNote(), p.estimateFileId(), p.version(),
				proposals.history(p.id()).stream().map(s -> new StepJson(s.from() == null ? null : s.from().name(), s.to().name(),
						s.amountBefore(), s.amountAfter(), s.reason(), s.actor(), s.at())).toList());
	}
}
