package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;

/**
 * Two people acting on the same value at the same moment: the row is locked, the second waits, then is told
 * that someone changed it (the version moved) — never a second approval, never an approval of a value the
 * approver did not see, never a lost update.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IndicatorConcurrencyTest {

	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;
	@Autowired TransactionTemplate tx;
	@Autowired AuditLog audit;
	@Autowired MockMvc mvc;

	int history(long valueId, String action) {
		return jdbc.queryForObject("SELECT count(*) FROM indicator_value_history WHERE value_id = ? AND action = ?",
				Integer.class, valueId, action);
	}

	/** Sessions of this test waiting for a row lock. */
	int waitingForLock() {
		// inside a transaction PostgreSQL keeps one snapshot of pg_stat_activity: take a fresh one
		jdbc.execute("SELECT pg_stat_clear_snapshot()");
		return jdbc.queryForObject("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE '%indicator_value%FOR UPDATE%'""", Integer.class);
	}

	/**
	 * Runs both actions in their own threads while this thread holds the value's row lock, releases it once
	 * both are waiting for it, and returns what each of them ended with (null: done; else the exception).
	 */
	List<Throwable> atOnce(long valueId, Supplier<Object> first, Supplier<Object> second) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
			CountDownLatch started = new CountDownLatch(2);
			tx.executeWithoutResult(status -> {
				jdbc.query("SELECT id FROM indicator_value WHERE id = ? FOR UPDATE", rs -> {
				}, valueId);
				for (Supplier<Object> action : List.of(first, second)) {
					outcomes.add(CompletableFuture.supplyAsync(() -> {
						started.countDown();
						try {
							action.get();
							return null;
						}
						catch (Throwable t) {
							return t;
						}
					}, pool));
				}
				try {
					assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
					long deadline = System.currentTimeMillis() + 20_000;
					while (waitingForLock() < 2 && System.currentTimeMillis() < deadline) {
						Thread.sleep(20);
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				assertThat(waitingForLock()).as("both actions wait for the value's row").isEqualTo(2);
			});
			List<Throwable> out = new ArrayList<>();
			for (CompletableFuture<Throwable> f : outcomes) {
				out.add(f.get(30, TimeUnit.SECONDS));
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	@DisplayName("two approvals of the same value at the same moment: one approves, the other is told someone else just did")
	void twoApprovalsAtOnce() throws Exception {
		Indicator ind = fx.save(fx.entered(Fixtures.code("CC"), "TB"));
		long id = fx.enter("cb.skhcn", ind.code(), "2026-Q2", "170").id();
		long version = fx.entry.get(id).version();
		List<Throwable> outcomes = atOnce(id,
				() -> fx.runAs.user("gd.skhcn", () -> { fx.entry.approve(id, version); return null; }),
				() -> fx.runAs.user("gd.skhcn", () -> { fx.entry.approve(id, version); return null; }));
		assertThat(outcomes).filteredOn(t -> t == null).hasSize(1);
		assertThat(outcomes).filteredOn(t -> t != null).singleElement().isInstanceOf(ConcurrentEditException.class);
		assertThat(fx.entry.get(id).state()).isEqualTo(ValueState.APPROVED);
		assertThat(fx.entry.get(id).version()).isEqualTo(version + 1);
		assertThat(history(id, "APPROVED")).isEqualTo(1);
		assertThat(audit.count("INDICATOR_VALUE_APPROVED", "INDICATOR_VALUE", id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT value FROM indicator_rollup WHERE indicator_id = ?", java.math.BigDecimal.class,
				ind.id())).isEqualByComparingTo("170");
	}

	@Test
	@DisplayName("two DoST staff returning the same value at the same moment: one return, one reason, the other is told")
	void twoReturnsAtOnce() throws Exception {
		Indicator ind = fx.save(fx.entered(Fixtures.code("CR"), "TB"));
		long id = fx.enter("gd.skhcn", ind.code(), "2026-Q2", "170").id();
		long version = fx.entry.get(id).version();
		List<Throwable> outcomes = atOnce(id,
				() -> fx.runAs.user("sokhcn", () -> { fx.entry.returnValue(id, "Lý do thứ nhất", version); return null; }),
				() -> fx.runAs.user("sokhcn", () -> { fx.entry.returnValue(id, "Lý do thứ hai", version); return null; }));
		assertThat(outcomes).filteredOn(t -> t == null).hasSize(1);
		assertThat(outcomes).filteredOn(t -> t != null).singleElement().isInstanceOf(ConcurrentEditException.class);
		assertThat(history(id, "RETURNED")).isEqualTo(1);
		assertThat(fx.entry.get(id).returnReason()).isIn("Lý do thứ nhất", "Lý do thứ hai");
		assertThat(audit.count("INDICATOR_VALUE_RETURNED", "INDICATOR_VALUE", id)).isEqualTo(1);
	}

	@Test
	@DisplayName("the head approves while DoST returns the same value: whichever comes second is told, nothing is lost")
	void approveAndReturnAtOnce() throws Exception {
		Indicator ind = fx.save(fx.entered(Fixtures.code("CX"), "TB"));
		long id = fx.enter("gd.skhcn", ind.code(), "2026-Q2", "170").id();
		// the officer corrects: a draft waits for the head while DoST still sees the approved 170
		long seenByDost = fx.entry.get(id).version();
		fx.runAs.user("cb.skhcn", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(null, "2026-Q2",
				new java.math.BigDecimal("175"), null, null, null, seenByDost), null));
		long seenByHead = fx.entry.get(id).version();
		List<Throwable> outcomes = atOnce(id,
				() -> fx.runAs.user("gd.skhcn", () -> { fx.entry.approve(id, seenByHead); return null; }),
				() -> fx.runAs.user("sokhcn", () -> { fx.entry.returnValue(id, "Kiểm tra lại", seenByDost); return null; }));
		assertThat(outcomes.get(0)).isNull();
		assertThat(outcomes.get(1)).isInstanceOf(ConcurrentEditException.class);
		IndicatorEntry.ValueRow v = fx.entry.get(id);
		assertThat(v.state()).isEqualTo(ValueState.APPROVED);
		assertThat(v.approvedValue()).isEqualByComparingTo("175");
		assertThat(history(id, "RETURNED")).isZero();
	}

	@Test
	@DisplayName("a head approving a value the officer changed after the page was opened is refused; the new value waits")
	void staleApproval() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("CS"), "TB"));
		long id = fx.enter("cb.skhcn", ind.code(), "2026-Q2", "170").id();
		long seen = fx.entry.get(id).version();
		fx.runAs.user("cb.skhcn", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(null, "2026-Q2",
				new java.math.BigDecimal("1700"), null, null, null, seen), null));
		assertThatThrownBy(() -> fx.runAs.user("gd.skhcn", () -> fx.entry.approve(id, seen)))
			.isInstanceOf(ConcurrentEditException.class).hasMessageContaining("Người khác vừa cập nhật số liệu này");
		IndicatorEntry.ValueRow v = fx.entry.get(id);
		assertThat(v.state()).isEqualTo(ValueState.DRAFT);
		assertThat(v.approvedValue()).isNull();
		assertThat(history(id, "APPROVED")).isZero();
		// without a version (an old client) the second approval still cannot approve twice, and says who did
		fx.runAs.user("gd.skhcn", () -> fx.entry.approve(id, null));
		assertThatThrownBy(() -> fx.runAs.user("gd.skhcn", () -> fx.entry.approve(id, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không phải chờ duyệt").hasMessageContaining("đã cập nhật lúc");
		assertThat(history(id, "APPROVED")).isEqualTo(1);
	}

	@Test
	@WithUserDetails("gd.skhcn")
	@DisplayName("API: approving with a stale version is a 409 with the message")
	void apiConflict() throws Exception {
		Indicator ind = fx.save(fx.entered(Fixtures.code("CA"), "TB"));
		long id = fx.enter("cb.skhcn", ind.code(), "2026-Q2", "170").id();
		long seen = fx.entry.get(id).version();
		fx.enter("cb.skhcn", ind.code(), "2026-Q2", "171");
		mvc.perform(post("/api/v1/indicator-values/" + id + "/approve").with(csrf()).param("version", String.valueOf(seen)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Người khác vừa cập nhật")));
		assertThat(fx.entry.get(id).state()).isEqualTo(ValueState.DRAFT);
		mvc.perform(post("/api/v1/indicator-values/" + id + "/approve").with(csrf()).param("version", String.valueOf(seen + 1)))
			.andExpect(status().isOk());
		assertThat(fx.entry.get(id).approvedValue()).isEqualByComparingTo("171");
	}
}
