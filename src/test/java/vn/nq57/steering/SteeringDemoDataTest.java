package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.DemoIntegrationTest;
import vn.nq57.account.RunAs;

/**
 * The demo of the session cycle: a regular session whose five conclusions were issued as tasks, the next regular
 * session whose brief follows them up, a working session with the Ban Quản lý scoped to it, a leader's board shared
 * with DoST; running it again adds nothing.
 */
@DemoIntegrationTest
class SteeringDemoDataTest {

	@Autowired SessionService sessions;
	@Autowired BriefService briefs;
	@Autowired BoardService boards;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;
	@Autowired SteeringDemoData demo;

	@Test
	void theDemoHoldsACycle() throws Exception {
		List<SessionService.Session> all = sessions.sessions();
		assertThat(all).hasSize(3);
		SessionService.Session issued = all.stream().filter(SessionService.Session::issued).findFirst().orElseThrow();
		assertThat(sessions.items(issued.id())).hasSize(5).allSatisfy(i -> assertThat(i.taskId()).isNotNull());
		SessionService.Session next = all.stream().filter(s -> !s.issued() && s.focusAgencyId() == null).findFirst().orElseThrow();
		BriefService.Brief b = runAs.user("sokhcn", () -> briefs.brief(next.id()));
		assertThat(b.previous().id()).isEqualTo(issued.id());
		Panel follow = b.sections().stream().filter(p -> p.key().equals("followup")).findFirst().orElseThrow();
		assertThat(follow.grid().rows()).hasSize(5);
		SessionService.Session working = all.stream().filter(s -> s.kind() == SessionKind.WORKING).findFirst().orElseThrow();
		BriefService.Brief w = runAs.user("sokhcn", () -> briefs.brief(working.id()));
		Panel proposals = w.sections().stream().filter(p -> p.key().equals("proposals")).findFirst().orElseThrow();
		assertThat(proposals.grid().rows()).allSatisfy(r -> assertThat(r.cells().get(1)).startsWith("Ban Quản lý"));
		assertThat(runAs.user("sokhcn", () -> boards.boards())).hasSize(1);
		demo.run(null);
		assertThat(sessions.sessions()).hasSize(3);
	}
}
