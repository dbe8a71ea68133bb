package vn.nq57.steering;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The figures one page view (a board, its PDF or Excel, a brief) has already counted, by {@link FigureCache} key: the
 * same figures asked for twice in one view (the board's reports widget and the ranking's report criterion, the
 * indicators widget and the indicator criterion) are counted once, whichever asks first, even with nothing kept between
 * views ({@code nq57.steering.cache-seconds=0}). It lives as long as the view: the next view counts again. The view's
 * thread holds it; {@link SteeringExecutor} hands it to the threads that count for the view.
 */
final class ViewMemo {

	private static final ThreadLocal<ViewMemo> CURRENT = new ThreadLocal<>();

	private final Map<String, CompletableFuture<Object>> values = new ConcurrentHashMap<>();

	private ViewMemo() {
	}

	/** Runs {@code work} as one view (inside another view, as part of that one). */
	static <T> T within(Supplier<T> work) {
		if (CURRENT.get() != null) {
			return work.get();
		}
		CURRENT.set(new ViewMemo());
		try {
			return work.get();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** {@code r} run with the current view's memo, on whichever thread runs it. */
	static Runnable carry(Runnable r) {
		ViewMemo memo = CURRENT.get();
		if (memo == null) {
			return r;
		}
		return () -> {
			ViewMemo before = CURRENT.get();
			CURRENT.set(memo);
			try {
				r.run();
			}
			finally {
				if (before == null) {
					CURRENT.remove();
				}
				else {
					CURRENT.set(before);
				}
			}
		};
	}

	/**
	 * The value under {@code key} counted once in the current view (by the first to ask; the others wait for it), or
	 * {@code null} outside a view (the caller then counts it itself).
	 */
	@SuppressWarnings("unchecked")
	static <T> Supplier<T> once(String key, Supplier<T> compute) {
		ViewMemo memo = CURRENT.get();
		if (memo == null) {
			return null;
		}
		return () -> {
			CompletableFuture<Object> mine = new CompletableFuture<>();
			CompletableFuture<Object> first = memo.values.putIfAbsent(key, mine);
			if (first != null) {
				return (T) StatusFigures.join(first);
			}
			try {
				T value = compute.get();
				mine.complete(value);
				return value;
			}
			catch (RuntimeException | Error e) {
				memo.values.remove(key, mine);
				mine.completeExceptionally(e);
				throw e;
			}
		};
	}
}
