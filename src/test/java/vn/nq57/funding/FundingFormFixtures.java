package vn.nq57.funding;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/** A submitted proposal and two allocations of the test's own, for the form tests outside funding's package. */
@Component
public class FundingFormFixtures {

	private final World world;
	private final RunAs runAs;
	private final FundingCalls calls;
	private final FundingProposals proposals;
	private final FundingStore store;
	private final JdbcTemplate jdbc;

	FundingFormFixtures(World world, RunAs runAs, FundingCalls calls, FundingProposals proposals, FundingStore store,
			JdbcTemplate jdbc) {
		this.world = world;
		this.runAs = runAs;
		this.calls = calls;
		this.proposals = proposals;
		this.store = store;
		this.jdbc = jdbc;
	}

	private long call(int year) {
		return runAs.user("sokhcn", () -> calls.open("Đợt thử biểu mẫu " + World.seq(), year, year, LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 15)));
	}

	private long submitted(long callId, Task task, long amount, int year) {
		long id = runAs.user("cb.snv", () -> proposals.create(new FundingProposals.Input(callId, task.getId(),
				world.agency("SNV"), Source.STATE_BUDGET, Category.SCIENCE_RESEARCH, new TreeMap<>(Map.of(year, amount)),
				"Cần thiết để triển khai", "Báo cáo kết quả", null)));
		runAs.user("gd.snv", () -> proposals.submit(id, store.proposal(id).version()));
		return id;
	}

	private Task task() {
		return world.task("Nhiệm vụ thử biểu mẫu kinh phí " + World.seq()).lead("SNV").due("31/12/2027").create();
	}

	/** A proposal of Sở Nội vụ sent to DoST (2027, 500 triệu), waiting for its review; its id. */
	public long submittedProposal() {
		return submitted(call(2027), task(), 500_000_000L, 2027);
	}

	/** Two allocations of Sở Nội vụ for 2026 (600 and 400 triệu), decided by Sở Tài chính; their ids. */
	public long[] allocations() {
		long callId = call(2026);
		Task task = task();
		long a = submitted(callId, task, 600_000_000L, 2026);
		long b = submitted(callId, task, 400_000_000L, 2026);
		for (long id : new long[] { a, b }) {
			runAs.user("sokhcn", () -> proposals.review(id, FundingProposals.Review.ACCEPT, null, null, store.proposal(id).version()));
		}
		FundingCall sent = runAs.user("sokhcn", () -> calls.send(callId, "1/SKHCN-THU", store.call(callId).version()));
		runAs.user("gd.stc", () -> calls.decide(callId, "1/QĐ-THU", LocalDate.of(2026, 11, 20), "Chủ tịch UBND tỉnh", false,
				Map.of(), sent.version()));
		return new long[] { jdbc.queryForObject("SELECT id FROM funding_allocation WHERE proposal_id = ?", Long.class, a),
				jdbc.queryForObject("SELECT id FROM funding_allocation WHERE proposal_id = ?", Long.class, b) };
	}
}
