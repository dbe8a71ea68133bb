package vn.nq57.publicsite;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the public pages and downloads are drawn from: each aggregate is computed once and kept in this node's memory
 * for {@code nq57.public.cache-seconds} (default 120). However many anonymous clients ask at once, one computation
 * runs (the others wait for it); once the time is up the next request still gets the kept value at once while one
 * background refresh replaces it. Each node keeps its own copy, so two nodes read the database at most once per
 * aggregate and period each, and a change reaches the public within that period. {@link #clear()} drops everything
 * (the change detector of the operations centre's feed calls it when figures move; the tests too).
 */
@Component
public class PublicCache {

	private record Entry(CompletableFuture<Object> value, Instant computedAt, AtomicBoolean refreshing) {
	}

	/** A value with the moment it was computed (for Last-Modified and the pages' "số liệu tính lúc"). */
	public record Kept<T>(T value, Instant computedAt) {
	}

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
	private final Duration ttl;
	private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "public-cache-refresh");
		t.setDaemon(true);
		return t;
	});

	PublicCache(@Value("${nq57.public.cache-seconds:120}") long seconds) {
		this.ttl = Duration.ofSeconds(Math.max(0, seconds));
	}

	public <T> T get(String key, Supplier<T> compute) {
		return this.<T>kept(key, compute).value();
	}

	@SuppressWarnings("unchecked")
	public <T> Kept<T> kept(String key, Supplier<T> compute) {
		Entry e = entries.get(key);
		if (e == null) {
			Entry fresh = new Entry(new CompletableFuture<>(), Instant.now(), new AtomicBoolean(false));
			e = entries.putIfAbsent(key, fresh);
			if (e == null) {
				e = fresh;
				try {
					fresh.value().complete(compute.get());
				}
				catch (RuntimeException ex) {
					entries.remove(key, fresh);
					fresh.value().completeExceptionally(ex);
					throw ex;
				}
			}
		}
		else if (e.value().isDone() && !e.value().isCompletedExceptionally()
				&& e.computedAt().plus(ttl).isBefore(Instant.now()) && e.refreshing().compareAndSet(false, true)) {
			Entry old = e;
			refresher.submit(() -> {
				try {
					Object v = compute.get();
					entries.replace(key, old, new Entry(CompletableFuture.completedFuture(v), Instant.now(),
							new AtomicBoolean(false)));
				}
				catch (RuntimeException ex) {
					old.refreshing().set(false);
				}
			});
		}
		try {
			return new Kept<>((T) e.value().get(), e.computedAt());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			entries.remove(key, e);
			throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
		}
	}

	public void clear() {
		generation.incrementAndGet();
		entries.clear();
	}

	/** Moves on every {@link #clear()}: what was drawn from an older generation is not served again. */
	long generation() {
		return generation.get();
	}
}
