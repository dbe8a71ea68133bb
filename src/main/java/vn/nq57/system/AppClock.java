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

	public AppClock(@Value("${nq57.clock.fixed-date:}") String fixedDate) {
		this.clock = StringUtils.hasText(fixedDate) ? fixedAt(LocalDate.parse(fixedDate.trim())) : Clock.system(ZONE_ID);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDateTime localNow() {
		return LocalDateTime.now(clock);
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
