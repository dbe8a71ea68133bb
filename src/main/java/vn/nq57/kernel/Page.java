package vn.nq57.kernel;

import java.util.List;

/**
 * One page of a long list: the rows shown, the page number (0-based), the page size and how many rows there are
 * in all. An empty list still has one page, so "Trang 1/1" reads right.
 */
public record Page<T>(List<T> rows, int page, int size, long total) {

	public Page {
		if (page < 0 || size < 1 || total < 0) {
			throw new IllegalArgumentException("page " + page + " of size " + size + " with " + total + " rows");
		}
		rows = List.copyOf(rows);
	}

	public static <T> Page<T> empty(int page, int size) {
		return new Page<>(List.of(), page, size, 0);
	}

	/** The first row's offset, for SQL's OFFSET. */
	public static long offset(int page, int size) {
		return (long) page * size;
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < pages();
	}

	/** The running number of the first row on this page (1 on the first page). */
	public long firstNumber() {
		return offset(page, size) + 1;
	}
}
