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
}
