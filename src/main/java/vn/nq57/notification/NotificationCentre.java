package vn.nq57.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.system.AuditLog;
import vn.nq57.system.NotFoundException;

/** The in-app notification centre, the user's mail choices, and the ADMIN view of the outbox. */
@Service
public class NotificationCentre {

	public record Item(long id, NotificationKind kind, String title, String body, String link, Instant createdAt,
			Instant readAt, String mailState) {
		public boolean unread() {
			return readAt == null;
		}
	}

	public record Delivery(long id, String username, String fullName, NotificationKind kind, String title,
			String mailTo, String mailState, int attempts, String lastError, Instant createdAt) {
	}

	private final JdbcTemplate jdbc;
	private final AccessPolicy access;
	private final AuditLog audit;

	NotificationCentre(JdbcTemplate jdbc, AccessPolicy access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	/** One indexed count (notification_unread_idx): cheap enough for every page. */
	public long unreadCount(long userId) {
		Long n = jdbc.queryForObject("SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NULL",
				Long.class, userId);
		return n == null ? 0 : n;
	}

	public List<Item> latest(long userId, int limit) {
		return jdbc.query("""
				SELECT id, kind, title, body, link, created_at, read_at, mail_state FROM notification
				WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?""", (rs, i) -> new Item(rs.getLong(1),
				NotificationKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
				rs.getString(8)), userId, limit);
	}

	/** Marks the user's own notification read and returns where it links to; another user's is not found. */
	@Transactional
	public String open(CurrentUser user, long id) {
		List<String> link = jdbc.query("SELECT coalesce(link, '/notifications') FROM notification WHERE id = ? AND user_id = ?",
				(rs, i) -> rs.getString(1), id, user.id());
		if (link.isEmpty()) {
			throw new NotFoundException("Không tìm thấy thông báo");
		}
		jdbc.update("UPDATE notification SET read_at = now() WHERE id = ? AND user_id = ? AND read_at IS NULL", id,
				user.id());
		return link.get(0);
	}

	@Transactional
	public int markAllRead(CurrentUser user) {
		return jdbc.update("UPDATE notification SET read_at = now() WHERE user_id = ? AND read_at IS NULL", user.id());
	}

	public Set<NotificationKind> mailedKinds(long userId) {
		Set<NotificationKind> kinds = EnumSet.allOf(NotificationKind.class);
		jdbc.query("SELECT kind FROM notification_mail_optout WHERE user_id = ?",
				rs -> {
					kinds.remove(NotificationKind.valueOf(rs.getString(1)));
				}, userId);
		return kinds;
	}

	/** The user's choice of kinds by mail (a kind that is not optional is always mailed). */
	@Transactional
	public void chooseMailed(CurrentUser user, Set<NotificationKind> mailed) {
		Set<NotificationKind> before = mailedKinds(user.id());
		jdbc.update("DELETE FROM notification_mail_optout WHERE user_id = ?", user.id());
		for (NotificationKind k : NotificationKind.values()) {
			if (k.optional() && !mailed.contains(k)) {
				jdbc.update("INSERT INTO notification_mail_optout(user_id, kind) VALUES (?, ?)", user.id(), k.name());
			}
		}
		audit.change("NOTIFICATION_PREFERENCES", "APP_USER", user.id(), null,
				user.username() + " chọn loại thông báo nhận qua thư", Map.of("mailed", before.toString()),
				Map.of("mailed", mailedKinds(user.id()).toString()));
	}

	// ADMIN: the outbox

	public Map<String, Long> outboxCounts() {
		requireAdmin();
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (String s : List.of("PENDING", "SENT", "FAILED", "NO_ADDRESS", "NOT_WANTED")) {
			counts.put(s, 0L);
		}
		jdbc.query("SELECT mail_state, count(*) FROM notification GROUP BY mail_state",
				rs -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	/** Mail that was not sent: FAILED, NO_ADDRESS, and PENDING rows that have already failed at least once. */
	public List<Delivery> undelivered(int limit) {
		requireAdmin();
		return jdbc.query("""
				SELECT n.id, u.username, u.full_name, n.kind, n.title, n.mail_to, n.mail_state, n.attempts, n.last_error,
				       n.created_at
				FROM notification n JOIN app_user_view u ON u.id = n.user_id
				WHERE n.mail_state IN ('FAILED', 'NO_ADDRESS') OR (n.mail_state = 'PENDING' AND n.attempts > 0)
				ORDER BY n.created_at DESC, n.id DESC LIMIT ?""", (rs, i) -> new Delivery(rs.getLong(1),
				rs.getString(2), rs.getString(3), NotificationKind.valueOf(rs.getString(4)), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant()),
				limit);
	}

	/** Puts a FAILED mail back in the queue (after the address or the server was fixed), to the user's current address. */
	@Transactional
	public void retry(long id) {
		requireAdmin();
		int n = jdbc.update("""
				UPDATE notification n SET mail_state = CASE WHEN nullif(btrim(u.email), '') IS NULL THEN 'NO_ADDRESS' ELSE 'PENDING' END,
				       mail_to = nullif(btrim(u.email), ''), attempts = 0, next_attempt_at = ?
				FROM app_user_view u WHERE u.id = n.user_id AND n.id = ? AND n.mail_state IN ('FAILED', 'NO_ADDRESS')""",
				Timestamp.from(Instant.now()), id);
		if (n == 0) {
			throw new NotFoundException("Không có thư lỗi với mã " + id);
		}
		audit.change("NOTIFICATION_RETRY", "NOTIFICATION", id, null, "Gửi lại thư thông báo #" + id, null, null);
	}

	private void requireAdmin() {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.ADMIN), "NOTIFICATION", null, "xem và gửi lại thư thông báo");
	}

}
