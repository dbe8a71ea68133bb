package vn.nq57.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * However many anonymous requests arrive at once, an aggregate is computed once; once its time is up, requests still
 * get the kept value at once while a single background refresh replaces it.
 */
class PublicCacheTest {

	@Test
	void fiveHundredConcurrentRequestsComputeOnce() throws Exception {
		PublicCache cache = new PublicCache(60);
		AtomicInteger computed = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(64);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return cache.get("progress", () -> {
					computed.incrementAndGet();
					sleep(200);
					return 42;
				});
			}));
		}
		start.countDown();
		for (Future<Integer> f : answers) {
			assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(42);
		}
		pool.shutdown();
		assertThat(computed).hasValue(1);
	}

	@Test
	void aStaleValueIsServedWhileOneRefreshRuns() throws Exception {
		PublicCache cache = new PublicCache(0);
		AtomicInteger computed = new AtomicInteger();
		assertThat(cache.get("k", () -> computed.incrementAndGet())).isEqualTo(1);
		Thread.sleep(5);
		// stale: the kept value comes back at once, a refresh is started in the background
		assertThat(cache.get("k", () -> {
			sleep(300);
			return computed.incrementAndGet();
		})).isEqualTo(1);
		assertThat(cache.get("k", () -> computed.incrementAndGet() + 1000)).isEqualTo(1);
		Thread.sleep(600);
		assertThat(computed).hasValue(2);
		assertThat(cache.<Integer>get("k", () -> 99)).isIn(2, 99);
		cache.clear();
		assertThat(cache.get("k", () -> 7)).isEqualTo(7);
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
