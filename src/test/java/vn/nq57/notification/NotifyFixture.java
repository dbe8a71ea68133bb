package vn.nq57.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.base.GreenMailOperations;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Test data of the notification tests: an agency of their own, with users whose addresses they choose. */
final class NotifyFixture {

	private NotifyFixture() {
	}

	/** A new agency (kind ENTERPRISE, so no collective fans out to it) and returns its code. */
	static String agency(JdbcTemplate jdbc, String name) {
		String code = "NT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.update("INSERT INTO agency(code, name, short_name, kind, active) VALUES (?, ?, ?, 'ENTERPRISE', true)", code,
				name, name);
		return code;
	}

	static long user(JdbcTemplate jdbc, String agencyCode, String role, String email) {
		String username = "nt." + UUID.randomUUID().toString().substring(0, 8);
		return jdbc.queryForObject("""
				INSERT INTO app_user(username, password_hash, full_name, email, role, agency_id)
				SELECT ?, 'x', ?, ?, ?, id FROM agency WHERE code = ? RETURNING id""", Long.class, username,
				"Người dùng " + username, email, role, agencyCode);
	}

	static String mailbox(String local) {
		return local + "-" + UUID.randomUUID().toString().substring(0, 6) + "@donvi.quangngai.gov.vn";
	}

	/** Points the application's mail sender at the given port (GreenMail's, or a closed one to play "server down"). */
	static void smtpPort(JavaMailSender sender, int port) {
		((JavaMailSenderImpl) sender).setHost("127.0.0.1");
		((JavaMailSenderImpl) sender).setPort(port);
	}

	static List<MimeMessage> receivedBy(GreenMailOperations mail, String address) throws Exception {
		return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return java.util.Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static Map<String, Object> row(JdbcTemplate jdbc, long userId, String kind) {
		return jdbc.queryForMap("SELECT * FROM notification WHERE user_id = ? AND kind = ?", userId, kind);
	}

	static int count(JdbcTemplate jdbc, long userId, String kind) {
		return jdbc.queryForObject("SELECT count(*) FROM notification WHERE user_id = ? AND kind = ?", Integer.class,
				userId, kind);
	}
}
