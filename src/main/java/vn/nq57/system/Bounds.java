package vn.nq57.system;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Limits every list and range a request may ask for, so that no request can make the server read or send without
 * bound. Controllers of every module use these; {@code web.RequestBoundsFilter} also refuses, before any handler,
 * a {@code page} or {@code size} parameter outside these limits.
 */
public final class Bounds {

	/** The highest page number any list accepts (0-based). */
	public static final int MAX_PAGE = 100_000;

	/** The largest page size any list accepts. */
	public static final int MAX_SIZE = 5_000;

	private Bounds() {
	}

	/** A page number within 0…{@link #MAX_PAGE}. */
	public static int page(int page) {
		if (page < 0 || page > MAX_PAGE) {
			throw new BadRequestException("Số trang “" + page + "” không hợp lệ: từ 0 đến " + MAX_PAGE);
		}
		return page;
	}

	/** A page size within 1…max (at most {@link #MAX_SIZE}). */
	public static int size(int size, int max) {
		int m = Math.min(max, MAX_SIZE);
		if (size < 1 || size > m) {
			throw new BadRequestException("Số dòng mỗi trang “" + size + "” không hợp lệ: từ 1 đến " + m);
		}
		return size;
	}

	/** A date range in order and no longer than {@code maxDays} days. */
	public static void range(LocalDate from, LocalDate to, int maxDays) {
		if (from == null || to == null) {
			throw new BadRequestException("Thiếu ngày bắt đầu hoặc ngày kết thúc");
		}
		if (to.isBefore(from)) {
			throw new BadRequestException("Ngày kết thúc trước ngày bắt đầu");
		}
		if (ChronoUnit.DAYS.between(from, to) > maxDays) {
			throw new BadRequestException("Khoảng thời gian dài quá " + maxDays + " ngày; hãy chọn khoảng ngắn hơn");
		}
	}
}
