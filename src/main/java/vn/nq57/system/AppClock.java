package vn.nq57.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The application's idea of "today". Status depends on the day, so every rule asks this clock, never
 * {@code LocalDate.now()}. {@code nq57.clock.fixed-date} pins it to one day (demos, training, tests).
 */
@Component
public class AppClock {

	public static final String ZONE = "Asia/Ho_Chi_Minh";
	public static final ZoneId ZONE_ID = ZoneId.of(ZONE);

	private volatile Clock clock;

	/** A moment in the past that this thread acts at ({@link #at}); {@code null}: the application's clock. */
	private static final ThreadLocal<Clock> MOMENT = new ThreadLocal<>();

	public AppClock(@Value("${nq57.clock.fixed-date:}") String fixedDate) {
		this.clock = StringUtils.hasText(fixedDate) ? fixedAt(LocalDate.parse(fixedDate.trim())) : Clock.system(ZONE_ID);
	}

	public LocalDate today() {
		return LocalDate.now(current());
	}

	public Instant now() {
		return current().instant();
	}

	public LocalDateTime localNow() {
		return LocalDateTime.now(current());
	}

	private Clock current() {
		Clock moment = MOMENT.get();
		return moment != null ? moment : clock;
	}

	/**
	 * Runs {@code work} on this thread as if it happened at {@code moment}: what it writes (progress dated that day,
	 * audit lines at that minute) reads as that moment's. Only for loading a history that happened before the system
	 * was used (the demo's year, a migration of past records); never by a request, and other threads keep the
	 * application's clock.
	 */
	public <T> T at(LocalDateTime moment, java.util.function.Supplier<T> work) {
		Clock before = MOMENT.get();
		MOMENT.set(Clock.fixed(moment.atZone(ZONE_ID).toInstant(), ZONE_ID));
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				MOMENT.remove();
			}
			else {
				MOMENT.set(before);
			}
		}
	}

	public boolean isFixed() {
		return !(clock.getClass().getName().contains("System"));
	}

	/** Moves a fixed clock to another day; used by tests and training set-ups, never by a request. */
	public void fixAt(LocalDate day) {
		this.clock = fixedAt(day);
	}

	private static Clock fixedAt(LocalDate day) {
		return Clock.fixed(day.atTime(9, 0).atZone(ZONE_ID).toInstant(), ZONE_ID);
	}
}
