package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.officialdoc.Decree30Check;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The whole money cycle through the services, as the users would do it (the day is 22/11/2026): DoST opens a call, an
 * agency's officer drafts, its head submits, DoST accepts / adjusts / returns / refuses and flags a duplicate, sends the
 * list; Sở Tài chính decides, reallocates, enters the budget totals; the agency reports disbursement. Each bad input is
 * refused with a Vietnamese message and leaves nothing changed.
 */
@IntegrationTest
class FundingCycleTest {

	@Autowired
	World world;

	@Autowired
	RunAs runAs;

	@Autowired
	FundingProposals proposals;

	@Autowired
	FundingCalls calls;

	@Autowired
	FundingMoney money;

	@Autowired
	FundingStore store;

	@Autowired
	FundingQueries queries;

	@Autowired
	FundingShares shares;

	@Autowired
	FundingDocuments documents;

	@Autowired
	FundingFiles files;

	@Autowired
	JdbcTemplate jdbc;

	Task snvTask;
	Task bqlTask;

	void tasks() {
		Plan plan = world.plan("Kế hoạch kinh phí kiểm thử " + World.seq()).groups("I", "II").create();
		snvTask = world.task("Nghiên cứu ứng dụng AI trong cải cách hành chính " + World.seq()).in(plan, "I").lead("SNV")
			.due("31/12/2026").create();
		bqlTask = world.task("Xây dựng hạ tầng số khu kinh tế " + World.seq()).in(plan, "II").lead("BQLKKT").due("31/12/2026")
			.create();
	}

	long openCall(int year, LocalDate closes, LocalDate reviewDue) {
		return runAs.user("sokhcn", () -> calls.open("Đợt kiểm thử " + World.seq(), year, year, closes, reviewDue));
	}

	long draft(String officer, long callId, Task task, String agencyCode, long amount, int year) {
		Map<Integer, Long> years = new TreeMap<>(Map.of(year, amount));
		return runAs.user(officer, () -> proposals.create(new FundingProposals.Input(callId, task.getId(),
				world.agency(agencyCode), Source.STATE_BUDGET, Category.SCIENCE_RESEARCH, years, "Cần thiết để triển khai",
				"Báo cáo kết quả", null)));
	}

	Proposal submit(long id) {
		Proposal p = store.proposal(id);
		String head = p.agencyId() == world.agency("SNV") ? "gd.snv" : "gd.bql";
		return runAs.user(head, () -> proposals.submit(id, p.version()));
	}

	@Test
	void theWholeCycleFromDraftToDisbursement() {
		tasks();
		long callId = openCall(2026, LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 15));
		long a = draft("cb.snv", callId, snvTask, "SNV", 1_250_000_000L, 2026);
		long b = draft("cb.bql", callId, bqlTask, "BQLKKT", 800_000_000L, 2026);
		long c = draft("cb.snv", callId, snvTask, "SNV", 300_000_000L, 2026);
		long d = draft("cb.bql", callId, bqlTask, "BQLKKT", 200_000_000L, 2026);
		assertThat(store.proposal(a).state()).isEqualTo(ProposalState.DRAFT);

		// the officer drafts, only the head submits; another agency never reads the draft
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> proposals.submit(a, 0))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("gd.bql", () -> proposals.submit(a, 0))).isInstanceOf(AccessDeniedException.class);
		List<FundingQueries.Row> bqlSees = runAs.user("cb.bql", () -> queries
			.queue(vn.nq57.account.AccessPolicy.current(), new FundingQueries.Filter(callId, null, null, null, null, null), 0, 50).rows());
		assertThat(bqlSees).extracting(FundingQueries.Row::id).containsExactlyInAnyOrder(b, d);
		for (long id : List.of(a, b, c, d)) {
			submit(id);
		}

		// DoST: accept, adjust with a reason, return, refuse; a stale decision is refused with the current version
		Proposal pa = store.proposal(a);
		runAs.user("sokhcn", () -> proposals.review(a, FundingProposals.Review.ADJUST, 1_000_000_000L,
				"Giảm chi phí thuê chuyên gia", pa.version()));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> proposals.review(a, FundingProposals.Review.ACCEPT, null, null,
				pa.version()))).isInstanceOf(ConcurrentEditException.class)
			.satisfies(e -> assertThat(((FundingProposals.StaleProposal) e).currentVersion).isEqualTo(pa.version() + 1));
		runAs.user("sokhcn", () -> proposals.review(b, FundingProposals.Review.ACCEPT, null, null, store.proposal(b).version()));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> proposals.review(c, FundingProposals.Review.RETURN, null, " ",
				store.proposal(c).version()))).isInstanceOf(DomainException.class).hasMessageContaining("lý do");
		runAs.user("sokhcn", () -> proposals.flagDuplicate(d, b, null, store.proposal(d).version()));
		runAs.user("sokhcn", () -> proposals.reviewAll(List.of(new FundingProposals.Picked(c, store.proposal(c).version())),
				FundingProposals.Review.RETURN, "Bổ sung dự toán chi tiết"));
		runAs.user("sokhcn", () -> proposals.review(d, FundingProposals.Review.REFUSE, null, "Trùng nội dung với đề xuất số " + b,
				store.proposal(d).version()));
		assertThat(store.proposal(a).approvedAmount()).isEqualTo(1_000_000_000L);
		assertThat(store.proposal(c).state()).isEqualTo(ProposalState.RETURNED);
		assertThat(store.proposal(d).duplicateOf()).isEqualTo(b);
		assertThat(proposals.history(a)).extracting(FundingProposals.Step::to)
			.containsExactly(ProposalState.DRAFT, ProposalState.SUBMITTED, ProposalState.ADJUSTED);
		assertThat(proposals.history(a).get(2).reason()).isEqualTo("Giảm chi phí thuê chuyên gia");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'FUNDING_PROPOSAL' AND entity_id = ? AND action <> 'ACCESS_DENIED'",
				Integer.class, a)).isEqualTo(3);

		// the returned one may be fixed and sent again before the review due date, then accepted
		Proposal pc = store.proposal(c);
		runAs.user("cb.snv", () -> proposals.update(c, new FundingProposals.Input(callId, snvTask.getId(), pc.agencyId(),
				Source.STATE_BUDGET, Category.DIGITAL, Map.of(2026, 350_000_000L), "Đã bổ sung dự toán", null, null), pc.version()));
		submit(c);
		runAs.user("sokhcn", () -> proposals.review(c, FundingProposals.Review.ACCEPT, null, null, store.proposal(c).version()));

		// Sở Tài chính sees nothing before the list is sent, then only the reviewed proposals
		var finance = new FundingQueries.Filter(callId, null, null, null, null, null);
		assertThat(runAs.user("cb.stc", () -> queries.queue(vn.nq57.account.AccessPolicy.current(), finance, 0, 50).rows())).isEmpty();
		FundingCall call = runAs.user("sokhcn", () -> calls.send(callId, "125/SKHCN-KHTC", store.call(callId).version()));
		assertThat(runAs.user("cb.stc", () -> queries.queue(vn.nq57.account.AccessPolicy.current(), finance, 0, 50).rows()))
			.extracting(FundingQueries.Row::id).containsExactlyInAnyOrder(a, b, c);

		// documents: the letter in the Decree 30 layout with the list as an appendix, and the two workbooks
		byte[] letter = documents.letter(callId);
		try (XWPFDocument doc = Decree30Check.assertOfficialLayout(letter, "Sở Khoa học và Công nghệ", null)) {
			String text = Decree30Check.text(doc);
			assertThat(text).contains("Kính gửi", "Sở Tài chính", "125/SKHCN-KHTC", "PHỤ LỤC", "1.000.000.000");
			assertThat(doc.getTables()).isNotEmpty();
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(documents.reviewedList(callId)))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3 + 3);
			double sum = 0;
			for (int r = 3; r < 6; r++) {
				sum += sheet.getRow(r).getCell(8).getNumericCellValue();
			}
			assertThat((long) sum).isEqualTo(1_000_000_000L + 800_000_000L + 350_000_000L);
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(documents.consolidated(callId)))) {
			assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isNotBlank();
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}

		// the decision allocates; a DoST user may not record it
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> calls.decide(callId, "1/QĐ-UBND", LocalDate.of(2026, 11, 20), null,
				false, Map.of(), call.version()))).isInstanceOf(AccessDeniedException.class);
		runAs.user("gd.stc", () -> calls.decide(callId, "1234/QĐ-UBND", LocalDate.of(2026, 11, 20), "Chủ tịch UBND tỉnh", false,
				Map.of(), call.version()));
		assertThat(store.proposal(a).state()).isEqualTo(ProposalState.ALLOCATED);
		assertThat(store.proposal(a).reviewReason()).as("the adjustment's reason stays").isEqualTo("Giảm chi phí thuê chuyên gia");
		long allocA = jdbc.queryForObject("SELECT id FROM funding_allocation WHERE proposal_id = ?", Long.class, a);
		long allocB = jdbc.queryForObject("SELECT id FROM funding_allocation WHERE proposal_id = ?", Long.class, b);
		assertThat(money.allocation(allocA).current()).isEqualTo(1_000_000_000L);

		// reallocation: never more than what is left; the original stays, the current figure is derived
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> money.reallocate(allocB, allocA, 900_000_000L, "9/QĐ-UBND",
				LocalDate.of(2026, 11, 21), "Điều chuyển"))).isInstanceOf(DomainException.class)
			.hasMessageContaining("lớn hơn số còn lại");
		runAs.user("cb.stc", () -> money.reallocate(allocB, allocA, 100_000_000L, "9/QĐ-UBND", LocalDate.of(2026, 11, 21),
				"Nhiệm vụ của Sở Nội vụ cần thêm kinh phí"));
		assertThat(money.allocation(allocA).original()).isEqualTo(1_000_000_000L);
		assertThat(money.allocation(allocA).current()).isEqualTo(1_100_000_000L);
		assertThat(money.allocation(allocB).current()).isEqualTo(700_000_000L);

		// disbursement: never above the allocation; a lag needs a reason; another agency may not report
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 3, 1_200_000_000L,
				null, null))).isInstanceOf(DomainException.class).hasMessageContaining("vượt số được phân bổ");
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 3, 100_000_000L,
				null, null))).isInstanceOf(DomainException.class).hasMessageContaining("lý do");
		assertThatThrownBy(() -> runAs.user("cb.bql", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 3, 100_000_000L,
				"x", null))).isInstanceOf(AccessDeniedException.class);
		FundingMoney.Pace pace = runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 3, 100_000_000L,
				"Chờ phê duyệt dự toán chi tiết", null));
		assertThat(pace.lags()).isTrue();
		runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 2, 500_000_000L, null, null));
		assertThat(money.allocation(allocA).disbursed()).isEqualTo(600_000_000L);
		// a correction on a stale version is refused
		assertThatThrownBy(() -> runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 2, 400_000_000L,
				null, 99L))).isInstanceOf(ConcurrentEditException.class);
		// the reallocation cannot take what has been disbursed
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> money.reallocate(allocA, allocB, 600_000_000L, "10/QĐ-UBND",
				LocalDate.of(2026, 11, 21), "x"))).isInstanceOf(DomainException.class);

		// budget totals and shares, numerator over denominator
		Long budgetVersion = money.budget(2026).map(FundingMoney.Budget::version).orElse(null);
		runAs.user("gd.stc", () -> money.saveBudget(2026, 20_000_000_000_000L, 200_000_000_000L, "Dự toán 2026", budgetVersion));
		FundingShares.Shares s = shares.of(2026);
		assertThat(s.localSpending()).isEqualTo(20_000_000_000_000L);
		assertThat(s.stiAllocated()).isGreaterThanOrEqualTo(1_100_000_000L + 700_000_000L + 350_000_000L);
		assertThat(s.budgetShare()).isNotNull();
		assertThatThrownBy(() -> runAs.user("gd.stc", () -> money.saveBudget(2026, 1L, 2L, null, budgetVersion)))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		tasks();
		long callId = openCall(2027, LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 15));
		int before = jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id = ?", Integer.class, callId);
		// zero and negative amounts
		assertThatThrownBy(() -> draft("cb.snv", callId, snvTask, "SNV", 0, 2027)).isInstanceOf(DomainException.class)
			.hasMessageContaining("phải lớn hơn 0");
		assertThatThrownBy(() -> draft("cb.snv", callId, snvTask, "SNV", -5, 2027)).isInstanceOf(DomainException.class);
		// a year outside the call
		assertThatThrownBy(() -> draft("cb.snv", callId, snvTask, "SNV", 1_000_000, 2029)).isInstanceOf(DomainException.class)
			.hasMessageContaining("nằm ngoài đợt");
		// a task of another agency
		assertThatThrownBy(() -> draft("cb.snv", callId, bqlTask, "SNV", 1_000_000, 2027)).isInstanceOf(DomainException.class)
			.hasMessageContaining("không giao cho");
		// an officer drafting for another agency
		assertThatThrownBy(() -> draft("cb.snv", callId, bqlTask, "BQLKKT", 1_000_000, 2027))
			.isInstanceOf(AccessDeniedException.class);
		// a proposal after the call closed
		long closed = openCall(2027, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
		assertThatThrownBy(() -> draft("cb.snv", closed, snvTask, "SNV", 1_000_000, 2027)).isInstanceOf(DomainException.class)
			.hasMessageContaining("đã hết hạn nhận đề xuất");
		// an amount with letters (what the form reads)
		assertThatThrownBy(() -> FundingController.amount("12abc", "Số tiền năm 2027")).isInstanceOf(DomainException.class)
			.hasMessageContaining("Số tiền năm 2027");
		assertThatThrownBy(() -> FundingController.amount("-5 triệu", "Số tiền")).isInstanceOf(DomainException.class)
			.hasMessageContaining("lớn hơn 0");
		assertThat(FundingController.amount("2 tỷ 300 triệu", "x")).isEqualTo(2_300_000_000L);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id IN (?, ?)", Integer.class, callId, closed))
			.isEqualTo(before);

		// an estimate that is not what its extension says, and an oversized upload
		MockMultipartFile fake = new MockMultipartFile("estimate", "du-toan.xlsx", "application/octet-stream",
				"%PDF-1.4 not a workbook".getBytes());
		assertThatThrownBy(() -> files.estimate(fake)).isInstanceOf(DomainException.class)
			.hasMessageContaining("không khớp với phần mở rộng");
		MockMultipartFile big = new MockMultipartFile("estimate", "du-toan.pdf", "application/pdf",
				new byte[(int) (files.maxMegabytes() * 1024 * 1024 + 1)]);
		assertThatThrownBy(() -> files.estimate(big)).isInstanceOf(DomainException.class)
			.hasMessageContaining("tối đa là " + files.maxMegabytes() + " MB");
		MockMultipartFile pdf = new MockMultipartFile("estimate", "du-toan.pdf", "application/pdf",
				"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF".getBytes());
		assertThat(files.estimate(pdf).contentType()).isEqualTo("application/pdf");
	}

	@Test
	void anotherCapabilityDraftsAProposalForATask() {
		tasks();
		long callId = openCall(2040, LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 15));
		long id = runAs.user("sokhcn", () -> proposals.draftFor(snvTask.getId(), world.agency("SNV"), 2040, 5_000_000_000L,
				"Ngân sách nhà nước", "Đặt hàng bài toán lớn"));
		Proposal p = store.proposal(id);
		assertThat(p.callId()).isEqualTo(callId);
		assertThat(p.state()).isEqualTo(ProposalState.DRAFT);
		assertThat(p.source()).isEqualTo(Source.STATE_BUDGET);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> proposals.draftFor(snvTask.getId(), world.agency("SNV"), 2035, 1L,
				"STATE_BUDGET", null))).isInstanceOf(DomainException.class).hasMessageContaining("2035");
	}
}
