package vn.nq57.funding;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.catalogue.BigProblemOrdered;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * A big problem ordered by DoST gets its funding proposals: one draft per task it created, in the open funding call
 * that closes first among those covering this year or a later one, for the lead agency, the problem's cost estimate
 * shared among the tasks (whole đồng, the remainder on the first); the agency's head submits them as usual. Without
 * a cost estimate or an open call the tasks are created all the same and nothing is drafted (logged): the agency
 * proposes when the call opens.
 */
@Component
class BigProblemFunding {

	private static final Logger log = LoggerFactory.getLogger(BigProblemFunding.class);

	private final FundingProposals proposals;
	private final JdbcTemplate jdbc;
	private final AppClock clock;

	BigProblemFunding(FundingProposals proposals, JdbcTemplate jdbc, AppClock clock) {
		this.proposals = proposals;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void ordered(BigProblemOrdered e) {
		if (e.costEstimate() == null || e.costEstimate() <= 0 || e.leadAgencyId() == null || e.taskIds().isEmpty()) {
			log.info("Big problem {} ordered without a cost estimate or lead agency: no funding proposal drafted", e.problemId());
			return;
		}
		LocalDate today = clock.today();
		List<Integer> years = jdbc.queryForList("""
				SELECT greatest(year_from, ?) FROM funding_call
				WHERE state = 'OPEN' AND closes_on >= ? AND year_to >= ?
				ORDER BY closes_on LIMIT 1""", Integer.class, today.getYear(), today, today.getYear());
		if (years.isEmpty()) {
			log.info("Big problem {} ordered while no funding call is open: no funding proposal drafted", e.problemId());
			return;
		}
		long n = e.taskIds().size();
		long share = e.costEstimate() / n;
		long first = e.costEstimate() - share * (n - 1);
		for (int i = 0; i < e.taskIds().size(); i++) {
			long amount = i == 0 ? first : share;
			try {
				proposals.draftFor(e.taskIds().get(i), e.leadAgencyId(), years.get(0), amount, Source.STATE_BUDGET.name(),
						"Đặt hàng thực hiện bài toán lớn “" + e.title() + "”");
			}
			catch (DomainException refused) {
				log.info("Big problem {}: no funding proposal drafted for task {}: {}", e.problemId(), e.taskIds().get(i),
						refused.getMessage());
			}
		}
	}
}
