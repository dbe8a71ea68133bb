package vn.nq57.notification;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the pending notifications by mail. Each message is claimed with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction, sent, and marked sent or rescheduled in that same transaction together with the attempt record, so
 * that nodes sending at once never take the same row, and a node that dies mid-send leaves the row to the others.
 * A refused address fails at once; a server that cannot be reached is retried with exponential back-off until
 * {@code notify.mail.max-attempts}, then the row is FAILED and shown to ADMIN.
 * <p>
 * The one window no outbox closes: if the SMTP server accepted the message and the commit then failed, the message
 * is sent again. That needs the database to fail in the milliseconds after the server's answer.
 */
@Component
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	record Row(long id, String to, String kind, String title, String body, String link, int attempts,
			String attachmentName, byte[] attachment) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final ObjectProvider<JavaMailSender> mail;
	private final NotificationSettings settings;
	private final TemplateEngine templates;
	private final String from;
	private final String baseUrl;
	private final String node;

	MailOutbox(JdbcTemplate jdbc, PlatformTransactionManager txm, ObjectProvider<JavaMailSender> mail,
			NotificationSettings settings, TemplateEngine templates,
			@Value("${nq57.mail.from:nq57-khcn@quangngai.gov.vn}") String from,
			@Value("${nq57.base-url:http://localhost:8080}") String baseUrl,
			@Value("${nq57.node-name:}") String nodeName) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(txm);
		this.mail = mail;
		this.settings = settings;
		this.templates = templates;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.node = nodeName.isBlank() ? hostName() : nodeName;
	}

	boolean configured() {
		return mail.getIfAvailable() != null;
	}

	/** Sends up to {@code max} messages due at {@code now}; returns how many were sent. */
	int sendDue(Instant now, int max) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int maxAttempts = settings.maxAttempts();
		Duration base = settings.retryBase();
		int sent = 0;
		for (int i = 0; i < max; i++) {
			Boolean outcome = tx.execute(s -> sendOne(sender, now, maxAttempts, base));
			if (outcome == null) {
				break;
			}
			if (outcome) {
				sent++;
			}
		}
		return sent;
	}

	/** null: nothing to send; true: sent; false: failed or rescheduled. */
	private Boolean sendOne(JavaMailSender sender, Instant now, int maxAttempts, Duration base) {
		Row row = jdbc.query("""
				SELECT id, mail_to, kind, title, body, link, attempts, attachment_name, attachment
				FROM notification
				WHERE mail_state = 'PENDING' AND next_attempt_at <= ?
				ORDER BY next_attempt_at, id
				LIMIT 1
				FOR UPDATE SKIP LOCKED""", rs -> rs.next() ? new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getBytes(9))
				: null, Timestamp.from(now));
		if (row == null) {
			return null;
		}
		int attempt = row.attempts() + 1;
		String error;
		boolean permanent;
		try {
			InternetAddress to = new InternetAddress(row.to(), true);
			MimeMessage message = sender.createMimeMessage();
			boolean multipart = row.attachment() != null;
			MimeMessageHelper h = new MimeMessageHelper(message, true, "UTF-8");
			h.setFrom(from, "Hệ thống theo dõi NQ57 – Sở KH&CN Quảng Ngãi");
			h.setTo(to);
			h.setSubject("[NQ57] " + row.title());
			h.setText(plainText(row), html(row));
			if (multipart) {
				h.addAttachment(row.attachmentName(), new ByteArrayResource(row.attachment()),
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
			}
			message.setHeader("X-NQ57-Notification", String.valueOf(row.id()));
			sender.send(message);
			jdbc.update("UPDATE notification SET mail_state = 'SENT', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?",
					attempt, Timestamp.from(now), row.id());
			attempt(row.id(), now, "SENT", null);
			return true;
		}
		catch (AddressException e) {
			error = "Địa chỉ thư không hợp lệ: " + row.to();
			permanent = true;
		}
		catch (MailSendException e) {
			error = describe(e);
			// the server answered and refused the recipients (5xx): another try will not change that
			permanent = e.getFailedMessages().values().stream().anyMatch(MailOutbox::isRefusedAddress);
		}
		catch (MailException | jakarta.mail.MessagingException | java.io.UnsupportedEncodingException e) {
			error = describe(e);
			permanent = false;
		}
		boolean giveUp = permanent || attempt >= maxAttempts;
		if (giveUp) {
			jdbc.update("UPDATE notification SET mail_state = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
					attempt, cut(error), row.id());
			log.warn("Mail of notification {} to {} failed for good after {} attempt(s): {}", row.id(), row.to(),
					attempt, error);
		}
		else {
			Duration wait = base.multipliedBy(1L << Math.min(attempt - 1, 16));
			jdbc.update("UPDATE notification SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
					attempt, cut(error), Timestamp.from(now.plus(wait)), row.id());
		}
		attempt(row.id(), now, giveUp ? "FAILED" : "RETRY", error);
		return false;
	}

	private static boolean isRefusedAddress(Exception e) {
		Throwable t = e;
		while (t != null) {
			if (t instanceof jakarta.mail.SendFailedException sfe && sfe.getInvalidAddresses() != null
					&& sfe.getInvalidAddresses().length > 0) {
				return true;
			}
			// SMTPAddressFailedException (Angus Mail, runtime only): the server refused the recipient with 5xx
			if (t.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
				return true;
			}
			t = t.getCause() == t ? null : t.getCause();
		}
		return false;
	}

	private void attempt(long id, Instant at, String outcome, String error) {
		jdbc.update("INSERT INTO notification_attempt(notification_id, attempted_at, node, outcome, error) VALUES (?, ?, ?, ?, ?)",
				id, Timestamp.from(at), node, outcome, cut(error));
	}

	private String plainText(Row row) {
		StringBuilder b = new StringBuilder(row.body());
		if (row.link() != null) {
			b.append("\n\nXem chi tiết: ").append(baseUrl).append(row.link());
		}
		b.append("\n\n--\nThư gửi tự động từ Hệ thống theo dõi, đôn đốc thực hiện Nghị quyết số 57-NQ/TW, "
				+ "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi. Chọn loại thông báo nhận qua thư tại mục \"Thông báo\".");
		return b.toString();
	}

	private String html(Row row) {
		Context ctx = new Context(java.util.Locale.forLanguageTag("vi"));
		ctx.setVariables(Map.of("title", row.title(), "lines", row.body().split("\n"),
				"link", row.link() == null ? "" : baseUrl + row.link(), "kind", NotificationKind.valueOf(row.kind()).label()));
		return templates.process("notification/mail", ctx);
	}

	private static String describe(Exception e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String m = e.getMessage() + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
		return m;
	}

	private static String cut(String s) {
		return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
		}
		catch (Exception e) {
			return "node-" + ProcessHandle.current().pid();
		}
	}
}
