package vn.nq57.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.AppClock;

/**
 * The money of the demo, loaded through the services as the users would: a 2026 call already decided by a fictitious
 * allocation decision (clearly marked "Số liệu minh họa") with an adjusted, a returned and a refused proposal, a
 * reallocation and two quarters of disbursement; and a 2027 call still open with proposals in draft, submitted,
 * accepted and adjusted. Figures are invented. Never in production ({@code nq57.demo.enabled=false}).
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class FundingDemoData implements ApplicationRunner {

	static final String ILLUSTRATIVE = "Số liệu minh họa";

	private static final Logger log = LoggerFactory.getLogger(FundingDemoData.class);

	private final RunAs runAs;
	private final FundingCalls calls;
	private final FundingProposals proposals;
	private final FundingMoney money;
	private final FundingStore store;
	private final JdbcTemplate jdbc;
	private final AppClock clock;

	FundingDemoData(RunAs runAs, FundingCalls calls, FundingProposals proposals, FundingMoney money, FundingStore store,
			JdbcTemplate jdbc, AppClock clock) {
		this.runAs = runAs;
		this.calls = calls;
		this.proposals = proposals;
		this.money = money;
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.queryForObject("SELECT count(*) FROM funding_call", Integer.class) > 0) {
			return;
		}
		Long snv = task("SNV", 0);
		Long bql = task("BQLKKT", 0);
		Long skhcn = task("SKHCN", 0);
		Long stc = task("STC", 0);
		Long snv2 = task("SNV", 1);
		Long bql2 = task("BQLKKT", 1);
		if (snv == null || bql == null || skhcn == null || stc == null) {
			log.warn("Funding demo skipped: the demo agencies have no tasks");
			return;
		}
		LocalDate today = clock.today();
		// 2026: decided
		long call26 = runAs.user("sokhcn", () -> calls.open("Đề xuất phân khai kinh phí năm 2026 (" + ILLUSTRATIVE + ")", 2026,
				2026, today.plusDays(10), today.plusDays(20)));
		long a = draft("cb.snv", call26, snv, "SNV", Source.STATE_BUDGET, Category.SCIENCE_RESEARCH, 2026, 1_250_000_000L,
				"Nghiên cứu ứng dụng trí tuệ nhân tạo hỗ trợ giải quyết thủ tục hành chính");
		long b = draft("cb.bql", call26, bql, "BQLKKT", Source.STATE_BUDGET, Category.DIGITAL, 2026, 2_300_000_000L,
				"Hạ tầng số và giám sát môi trường tự động tại Khu kinh tế Dung Quất");
		long c = draft("cb.skhcn", call26, skhcn, "SKHCN", Source.STATE_BUDGET, Category.SCIENCE_RESEARCH, 2026, 850_000_000L,
				"Chuyển giao công nghệ bảo quản nông sản sau thu hoạch");
		long d = draft("cb.stc", call26, stc, "STC", Source.STATE_BUDGET, Category.SCIENCE_OTHER, 2026, 600_000_000L,
				"Số hóa hồ sơ quyết toán ngân sách");
		long e = draft("cb.bql", call26, bql, "BQLKKT", Source.ENTERPRISE, Category.INVESTMENT, 2026, 1_500_000_000L,
				"Trạm sạc và hạ tầng 5G khu công nghiệp (vốn doanh nghiệp đối ứng)");
		for (long id : List.of(a, b, c, d, e)) {
			submit(id);
		}
		review(a, FundingProposals.Review.ADJUST, 1_000_000_000L, "Giảm chi thuê chuyên gia theo định mức");
		review(b, FundingProposals.Review.ACCEPT, null, null);
		review(c, FundingProposals.Review.RETURN, null, "Bổ sung dự toán chi tiết theo Thông tư 02/2023/TT-BKHCN");
		runAs.user("sokhcn", () -> proposals.flagDuplicate(d, null, "Trùng nội dung Chương trình chuyển đổi số quốc gia",
				store.proposal(d).version()));
		review(d, FundingProposals.Review.REFUSE, null, "Trùng nội dung với chương trình của Trung ương");
		review(e, FundingProposals.Review.ACCEPT, null, null);
		runAs.user("sokhcn", () -> calls.send(call26, "125/SKHCN-KHTC", store.call(call26).version()));
		runAs.user("gd.stc", () -> calls.decide(call26, "9999/QĐ-UBND (" + ILLUSTRATIVE + ")", today, "Chủ tịch UBND tỉnh",
				true, Map.of(), store.call(call26).version()));
		long allocA = allocation(a);
		long allocB = allocation(b);
		runAs.user("cb.stc", () -> money.reallocate(allocB, allocA, 200_000_000L, "9998/QĐ-UBND (" + ILLUSTRATIVE + ")", today,
				"Nhiệm vụ của Sở Nội vụ mở rộng phạm vi thí điểm"));
		runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 1, 200_000_000L, null, null));
		runAs.user("cb.snv", () -> money.disburse(allocA, PeriodKind.QUARTER, 2026, 2, 350_000_000L, null, null));
		runAs.user("cb.bql", () -> money.disburse(allocB, PeriodKind.QUARTER, 2026, 1, 100_000_000L,
				"Chờ phê duyệt thiết kế kỹ thuật", null));
		runAs.user("cb.bql", () -> money.disburse(allocB, PeriodKind.QUARTER, 2026, 2, 150_000_000L,
				"Nhà thầu chậm bàn giao thiết bị", null));
		runAs.user("gd.stc", () -> money.saveBudget(2026, 21_500_000_000_000L, 180_000_000_000L,
				ILLUSTRATIVE + "; theo dự toán ngân sách năm 2026", null));

		// 2027: open, every state before the decision
		long call27 = runAs.user("sokhcn", () -> calls.open("Đề xuất phân khai kinh phí năm 2027 (" + ILLUSTRATIVE + ")", 2027,
				2027, today.plusDays(14), today.plusDays(30)));
		draft("cb.snv", call27, snv2 == null ? snv : snv2, "SNV", Source.STATE_BUDGET, Category.DIGITAL, 2027, 700_000_000L,
				"Nền tảng số hóa hồ sơ cán bộ, công chức");
		long s = draft("cb.bql", call27, bql2 == null ? bql : bql2, "BQLKKT", Source.INTERNATIONAL, Category.SCIENCE_RESEARCH,
				2027, 3_000_000_000L, "Hợp tác quốc tế về công nghệ xử lý nước thải công nghiệp");
		long acc = draft("cb.skhcn", call27, skhcn, "SKHCN", Source.STATE_BUDGET, Category.SCIENCE_RESEARCH, 2027,
				1_800_000_000L, "Đặt hàng nghiên cứu giống cây trồng thích ứng biến đổi khí hậu");
		long adj = draft("cb.snv", call27, snv, "SNV", Source.STATE_BUDGET, Category.SCIENCE_OTHER, 2027, 900_000_000L,
				"Khảo sát mức độ hài lòng về dịch vụ công trực tuyến");
		for (long id : List.of(s, acc, adj)) {
			submit(id);
		}
		review(acc, FundingProposals.Review.ACCEPT, null, null);
		review(adj, FundingProposals.Review.ADJUST, 750_000_000L, "Thu hẹp phạm vi khảo sát còn 40 xã, phường");
		log.info("Funding demo loaded: calls {} and {}", call26, call27);
	}

	private Long task(String agencyCode, int nth) {
		List<Long> ids = jdbc.queryForList("""
				SELECT x.task_id FROM (SELECT task_id, agency_id FROM task_lead_view
				                       UNION SELECT task_id, agency_id FROM assignment_view) x
				JOIN agency_view a ON a.id = x.agency_id
				WHERE a.code = ? ORDER BY x.task_id""", Long.class, agencyCode);
		List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
		return distinct.size() > nth ? distinct.get(nth) : null;
	}

	private long agency(String code) {
		return jdbc.queryForObject("SELECT id FROM agency_view WHERE code = ?", Long.class, code);
	}

	private long draft(String officer, long call, long task, String agency, Source source, Category category, int year,
			long amount, String justification) {
		return runAs.user(officer, () -> proposals.create(new FundingProposals.Input(call, task, agency(agency), source, category,
				Map.of(year, amount), justification + " (" + ILLUSTRATIVE + ")", "Báo cáo kết quả, sản phẩm bàn giao", null)));
	}

	private void submit(long id) {
		Proposal p = store.proposal(id);
		String head = switch (jdbc.queryForObject("SELECT code FROM agency_view WHERE id = ?", String.class, p.agencyId())) {
			case "SNV" -> "gd.snv";
			case "BQLKKT" -> "gd.bql";
			case "STC" -> "gd.stc";
			default -> "gd.skhcn";
		};
		runAs.user(head, () -> proposals.submit(id, p.version()));
	}

	private void review(long id, FundingProposals.Review action, Long amount, String reason) {
		runAs.user("sokhcn", () -> proposals.review(id, action, amount, reason, store.proposal(id).version()));
	}

	private long allocation(long proposalId) {
		return jdbc.queryForObject("SELECT id FROM funding_allocation WHERE proposal_id = ?", Long.class, proposalId);
	}
}
