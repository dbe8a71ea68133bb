package vn.nq57.publicsite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * Recommendations citizens and firms send through the public form. Until the recommendation module (catalogues
 * issue) exists they are kept in {@code public_recommendation_inbox}, state RECEIVED; that module takes them over
 * ({@link #unrouted()}, {@link #markRouted}) and routes each to an agency. Markup is kept as typed and shown escaped
 * everywhere (a citizen's text is evidence, not ours to alter); the sender's name and contact are never published.
 */
@Service
public class PublicRecommendations {

	public static final int MAX_TOPIC = 300;
	public static final int MAX_CONTENT = 5000;
	public static final Set<String> KINDS = Set.of("CITIZEN", "BUSINESS", "ORGANISATION");

	/** What the form sends. */
	public record Submission(String senderKind, String topic, String content, String senderName, String contact) {
	}

	/** A stored recommendation, for the module that routes them. */
	public record Received(long id, Instant receivedAt, String senderKind, String topic, String content, String senderName,
			String contact) {
	}

	/** Too many from one address: the page answers 429 with the message. */
	public static class Flood extends DomainException {
		public Flood(String message) {
			super(message);
		}
	}

	private final JdbcTemplate jdbc;
	private final AppClock clock;
	private final PublicSettings settings;
	private final String salt;

	PublicRecommendations(JdbcTemplate jdbc, AppClock clock, PublicSettings settings,
			@Value("${nq57.public.address-salt:nq57-public-form}") String salt) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.salt = salt;
	}

	static String clean(String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
	}

	/** Checks, throttles and stores; returns the receipt number. Nothing is stored when it refuses. */
	@Transactional
	public long submit(Submission s, String remoteAddress) {
		String topic = clean(s.topic());
		String content = clean(s.content());
		String kind = clean(s.senderKind());
		if (!KINDS.contains(kind)) {
			throw new DomainException("Vui lòng chọn bạn gửi với tư cách người dân, doanh nghiệp hay tổ chức");
		}
		if (topic.isEmpty()) {
			throw new DomainException("Vui lòng nhập tiêu đề kiến nghị");
		}
		if (content.isEmpty()) {
			throw new DomainException("Nội dung kiến nghị không được để trống");
		}
		if (topic.length() > MAX_TOPIC) {
			throw new DomainException("Tiêu đề dài quá " + MAX_TOPIC + " ký tự; vui lòng rút gọn");
		}
		if (content.length() > MAX_CONTENT) {
			throw new DomainException("Nội dung dài quá 5.000 ký tự; vui lòng rút gọn hoặc gửi thành nhiều kiến nghị");
		}
		String name = clean(s.senderName());
		String contact = clean(s.contact());
		if (name.length() > 200 || contact.length() > 300) {
			throw new DomainException("Họ tên hoặc thông tin liên hệ quá dài");
		}
		String key = addressKey(remoteAddress);
		Instant now = clock.now();
		// one address at a time: two nodes, two requests of a flood, both count each other
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))::text", String.class, "public-rec:" + key);
		Integer recent = jdbc.queryForObject(
				"SELECT count(*) FROM public_recommendation_inbox WHERE ip_key = ? AND received_at > ?", Integer.class,
				key, Timestamp.from(now.minusSeconds(3600)));
		if (recent != null && recent >= settings.recommendationsPerHour()) {
			throw new Flood("Bạn đã gửi quá nhiều kiến nghị trong thời gian ngắn. Vui lòng thử lại sau một giờ; "
					+ "các kiến nghị đã gửi vẫn được tiếp nhận.");
		}
		return jdbc.queryForObject("""
				INSERT INTO public_recommendation_inbox(received_at, sender_kind, topic, content, sender_name, contact, ip_key)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, Timestamp.from(now), kind, topic, content,
				name.isEmpty() ? null : name, contact.isEmpty() ? null : contact, key);
	}

	/** The recommendations not yet taken over by the recommendation module, oldest first. */
	public List<Received> unrouted() {
		return jdbc.query("""
				SELECT id, received_at, sender_kind, topic, content, sender_name, contact
				FROM public_recommendation_inbox WHERE state = 'RECEIVED' ORDER BY received_at, id""",
				(rs, i) -> new Received(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7)));
	}

	/**
	 * The recommendation module has taken it over; false when it was taken already (by another node: the row stays
	 * locked until the caller's transaction ends, so a second taker waits and then sees it taken).
	 */
	public boolean markRouted(long id) {
		return jdbc.update("UPDATE public_recommendation_inbox SET state = 'ROUTED', routed_at = ? WHERE id = ? AND state = 'RECEIVED'",
				Timestamp.from(clock.now()), id) == 1;
	}

	String addressKey(String remote) {
		try {
			byte[] h = MessageDigest.getInstance("SHA-256")
				.digest((salt + "|" + (remote == null ? "" : remote)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(h);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
