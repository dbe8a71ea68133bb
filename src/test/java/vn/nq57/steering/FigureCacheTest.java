package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Figures are counted once per minute per query and parameters; with 0 seconds (the tests) every time. */
class FigureCacheTest {

	@Test
	void keepsAFigureForItsSecondsAndCountsAgainAfterAClear() {
		AtomicInteger counted = new AtomicInteger();
		FigureCache cache = new FigureCache(60);
		assertThat(cache.get("a", counted::incrementAndGet)).isEqualTo(1);
		assertThat(cache.get("a", counted::incrementAndGet)).isEqualTo(1);
		assertThat(cache.get("b", counted::incrementAndGet)).isEqualTo(2);
		cache.clear();
		assertThat(cache.get("a", counted::incrementAndGet)).isEqualTo(3);
		FigureCache off = new FigureCache(0);
		assertThat(off.get("a", counted::incrementAndGet)).isEqualTo(4);
		assertThat(off.get("a", counted::incrementAndGet)).isEqualTo(5);
		assertThat(off.enabled()).isFalse();
	}

	@Test
	void withNothingKeptTheSameFiguresAreCountedOncePerViewOnEveryThreadOfTheView() throws Exception {
		AtomicInteger counted = new AtomicInteger();
		FigureCache off = new FigureCache(0);
		SteeringExecutor parallel = new SteeringExecutor(4);
		try {
			int[] inView = ViewMemo.within(() -> {
				int a = off.get("reports", counted::incrementAndGet);
				int b = java.util.concurrent.CompletableFuture.supplyAsync(() -> off.get("reports", counted::incrementAndGet), parallel).join();
				int c = off.get("other", counted::incrementAndGet);
				return new int[] { a, b, c };
			});
			assertThat(inView).containsExactly(1, 1, 2);
			// the next view counts again; outside a view every ask counts
			assertThat(ViewMemo.within(() -> off.get("reports", counted::incrementAndGet))).isEqualTo(3);
			assertThat(off.get("reports", counted::incrementAndGet)).isEqualTo(4);
			assertThat(off.get("reports", counted::incrementAndGet)).isEqualTo(5);
			// a count that failed is not remembered: the next ask in the view counts
			AtomicInteger tries = new AtomicInteger();
			int again = ViewMemo.within(() -> {
				try {
					off.get("failing", () -> {
						tries.incrementAndGet();
						throw new IllegalStateException("database away");
					});
				}
				catch (IllegalStateException expected) {
					// as the widget would see it
				}
				return off.get("failing", tries::incrementAndGet);
			});
			assertThat(again).isEqualTo(2);
		}
		finally {
			parallel.destroy();
		}
	}
}
