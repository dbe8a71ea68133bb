package vn.nq57.steering;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures a board, a brief or the ranking count over every assignment (a full pass at national scale, about a
 * second), kept for {@code nq57.steering.cache-seconds} (60 unless set; 0 keeps nothing) per query and parameters, so a
 * board opened again, shared with a room, or refreshed by its filters answers from memory. The page says when its
 * figures were counted. Each node keeps its own; nothing here is a record: a restart loses nothing.
 */
@Component
class FigureCache {

	private record Entry(Object value, Instant counted, Instant expires) {
	}

	/** A value and when it was counted. */
	record Counted<T>(T value, Instant counted) {
	}

	private static final int MAX_ENTRIES = 500;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();
	private final Map<String, java.util.concurrent.CompletableFuture<Object>> inflight = new ConcurrentHashMap<>();
	private final Duration ttl;

	FigureCache(@Value("${nq57.steering.cache-seconds:60}") int seconds) {
		this.ttl = Duration.ofSeconds(Math.max(0, seconds));
	}

	<T> Counted<T> counted(String key, Supplier<T> compute) {
		// within a page view, the same figures are counted once for the whole view (kept or not)
		Supplier<Counted<T>> once = ViewMemo.once(key, () -> kept(key, compute));
		return once != null ? once.get() : kept(key, compute);
	}

	@SuppressWarnings("unchecked")
	private <T> Counted<T> kept(String key, Supplier<T> compute) {
		Instant now = Instant.now();
		if (!ttl.isZero()) {
			Entry e = entries.get(key);
			if (e != null && e.expires().isAfter(now)) {
				return new Counted<>((T) e.value(), e.counted());
			}
		}
		if (ttl.isZero()) {
			// nothing kept, but the same figures asked for twice at once (a board's indicator widget and the ranking's
			// indicator criterion, side by side) are counted once
			java.util.concurrent.CompletableFuture<Object> mine = new java.util.concurrent.CompletableFuture<>();
			java.util.concurrent.CompletableFuture<Object> running = inflight.putIfAbsent(key, mine);
			if (running != null) {
				return new Counted<>((T) StatusFigures.join(running), now);
			}
			try {
				T value = compute.get();
				mine.complete(value);
				return new Counted<>(value, now);
			}
			catch (RuntimeException | Error e) {
				mine.completeExceptionally(e);
				throw e;
			}
			finally {
				inflight.remove(key, mine);
			}
		}
		T value = compute.get();
		if (!ttl.isZero()) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.entrySet().removeIf(x -> !x.getValue().expires().isAfter(now));
				if (entries.size() >= MAX_ENTRIES) {
					entries.clear();
				}
			}
			entries.put(key, new Entry(value, now, now.plus(ttl)));
		}
		return new Counted<>(value, now);
	}

	<T> T get(String key, Supplier<T> compute) {
		return counted(key, compute).value();
	}

	/** Forgets everything (after a change a user expects to see at once, such as a notice issued). */
	void clear() {
		entries.clear();
	}

	boolean enabled() {
		return !ttl.isZero();
	}
}
