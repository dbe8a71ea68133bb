package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.catalogue.BigProblemOrdered;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/** A big problem ordered by DoST gets one draft funding proposal per task it created, its cost shared among them. */
@IntegrationTest
class BigProblemFundingTest {

	@Autowired World world;
	@Autowired RunAs runAs;
	@Autowired FundingCalls calls;
	@Autowired ApplicationEventPublisher events;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("ordered with a cost of 1,25 tỷ and an open call: two drafts for the lead agency, 625.000.001 + 624.999.999 đồng… shared to the đồng")
	void orderedProblemGetsItsProposals() {
		Plan plan = world.plan("Kế hoạch đặt hàng bài toán lớn " + World.seq()).groups("I").create();
		Task a = world.task("Xây dựng thuyết minh bài toán lớn " + World.seq()).in(plan, "I").lead("SKHCN").due("31/12/2027").create();
		Task b = world.task("Triển khai bài toán lớn " + World.seq()).in(plan, "I").lead("SKHCN").due("31/12/2027").create();
		runAs.user("sokhcn", () -> calls.open("Đợt đặt hàng " + World.seq(), 2027, 2027, LocalDate.of(2026, 12, 31),
				LocalDate.of(2027, 1, 15)));
		long cost = 1_250_000_001L;
		runAs.user("sokhcn", () -> {
			events.publishEvent(new BigProblemOrdered(1L, "Bài toán kiểm thử", plan.getId(), List.of(a.getId(), b.getId()),
					world.agency("SKHCN"), cost));
			return null;
		});
		List<Long> amounts = jdbc.queryForList("""
				SELECT amount FROM funding_proposal WHERE task_id IN (?, ?) AND state = 'DRAFT' ORDER BY task_id""",
				Long.class, a.getId(), b.getId());
		assertThat(amounts).hasSize(2);
		assertThat(amounts.stream().mapToLong(Long::longValue).sum()).isEqualTo(cost);
		assertThat(jdbc.queryForObject("SELECT DISTINCT agency_id FROM funding_proposal WHERE task_id IN (?, ?)", Long.class,
				a.getId(), b.getId())).isEqualTo(world.agency("SKHCN"));
		assertThat(jdbc.queryForObject("SELECT justification FROM funding_proposal WHERE task_id = ?", String.class, a.getId()))
			.contains("Bài toán kiểm thử");
	}

	@Test
	@DisplayName("ordered without a cost estimate: the tasks stand, no proposal is drafted")
	void noCostNoProposal() {
		Plan plan = world.plan("Kế hoạch đặt hàng không kinh phí " + World.seq()).groups("I").create();
		Task a = world.task("Nhiệm vụ không kinh phí " + World.seq()).in(plan, "I").lead("SKHCN").due("31/12/2027").create();
		runAs.user("sokhcn", () -> {
			events.publishEvent(new BigProblemOrdered(2L, "Không kinh phí", plan.getId(), List.of(a.getId()), world.agency("SKHCN"), null));
			return null;
		});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE task_id = ?", Integer.class, a.getId())).isZero();
	}
}
