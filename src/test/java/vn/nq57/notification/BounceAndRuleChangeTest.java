package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.notification.NotifyFixture.count;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

/**
 * What the issue says the urging must withstand, beyond ReminderMailTest: a mailbox the server refuses (bounce at
 * RCPT TO, 550), and a reminder rule changed between two runs of the same day and before the next stage.
 */
@IntegrationTest
class BounceAndRuleChangeTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired JdbcTemplate jdbc;
	@Autowired TestTasks tasks;
	@Autowired ReminderEngine engine;
	@Autowired MailOutbox outbox;
	@Autowired JavaMailSender sender;
	@Autowired AppClock clock;
	@Autowired Settings settings;

	@AfterEach
	void reset() {
		clock.fixAt(TODAY);
		settings.put(NotificationSettings.ASSIGNMENT_DAYS, "7,3,1,0");
	}

	@Test
	@DisplayName("a mailbox the SMTP server refuses (550) is FAILED after one attempt, never retried, shown to ADMIN; the others are delivered once")
	void bouncingAddress() throws Exception {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm thư bị trả về");
		String goodMail = NotifyFixture.mailbox("canbo");
		String bouncing = NotifyFixture.mailbox("khongtontai");
		long good = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", goodMail);
		long bounced = NotifyFixture.user(jdbc, code, "AGENCY_HEAD", bouncing);
		tasks.create("Nhiệm vụ thử thư bị trả về", "23/11/2026", code);
		engine.compute(TODAY);

		try (RefusingSmtp smtp = new RefusingSmtp(bouncing)) {
			NotifyFixture.smtpPort(sender, smtp.port());
			Instant now = Instant.now();
			outbox.sendDue(now, 100);
			outbox.sendDue(now.plusSeconds(3600), 100);
			outbox.sendDue(now.plusSeconds(86_400), 100);

			assertThat(smtp.delivered).as("recipients of the messages the server took")
				.filteredOn(a -> a.equals(goodMail) || a.equals(bouncing)).containsExactly(goodMail);
			assertThat(smtp.refused).as("the refused mailbox is tried once, not again").containsExactly(bouncing);
		}
		var row = NotifyFixture.row(jdbc, bounced, "ASSIGNMENT_DUE");
		assertThat(row.get("mail_state")).isEqualTo("FAILED");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).contains("550");
		assertThat(jdbc.queryForList("SELECT outcome FROM notification_attempt WHERE notification_id = ?", String.class,
				row.get("id"))).containsExactly("FAILED");
		assertThat(NotifyFixture.row(jdbc, good, "ASSIGNMENT_DUE").get("mail_state")).isEqualTo("SENT");
		// the reminder itself is not lost: it is in the head's notification centre, unread
		assertThat(row.get("read_at")).isNull();
		// and ADMIN sees it among the mails not delivered
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM notification WHERE id = ? AND mail_state IN ('FAILED', 'NO_ADDRESS')""", Long.class,
				row.get("id"))).isEqualTo(1);
	}

	@Test
	@DisplayName("a reminder rule changed between runs: nothing is sent twice, the new stages are sent once, passed ones are not sent late")
	void ruleChangedWhileRunning() {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm đổi quy tắc nhắc");
		long officer = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", NotifyFixture.mailbox("canbo"));
		tasks.create("Nhiệm vụ thử đổi quy tắc nhắc", "02/12/2026", code); // 10 days away

		settings.put(NotificationSettings.ASSIGNMENT_DAYS, "10,4");
		engine.compute(TODAY);
		assertThat(dueMoments(officer)).containsExactly("2026-11-22");
		// DoST changes the rule on the same day, and the job runs again (the 12:30 run, or another node)
		settings.put(NotificationSettings.ASSIGNMENT_DAYS, "7,3,1,0");
		engine.compute(TODAY);
		engine.compute(TODAY.plusDays(1));
		assertThat(dueMoments(officer)).as("10 days away, 9 days away: no stage of 7,3,1,0 reached").containsExactly("2026-11-22");
		engine.compute(LocalDate.of(2026, 11, 25)); // 7 days before
		engine.compute(LocalDate.of(2026, 11, 25));
		assertThat(dueMoments(officer)).containsExactly("2026-11-22", "2026-11-25");
		// changed again, to "4,2": on 29/11 (3 days before) the latest stage reached is "4 days" (28/11), sent once
		// then, not a backlog; on 30/11 the "2 days" stage
		settings.put(NotificationSettings.ASSIGNMENT_DAYS, "4,2");
		engine.compute(LocalDate.of(2026, 11, 29));
		engine.compute(LocalDate.of(2026, 11, 29));
		engine.compute(LocalDate.of(2026, 11, 30)); // 2 days before
		engine.compute(LocalDate.of(2026, 11, 30));
		assertThat(dueMoments(officer)).containsExactly("2026-11-22", "2026-11-25", "2026-11-28", "2026-11-30");
		assertThat(count(jdbc, officer, "ASSIGNMENT_DUE")).isEqualTo(4);
	}

	List<String> dueMoments(long user) {
		return jdbc.queryForList("SELECT due_moment::text FROM notification WHERE user_id = ? AND kind = 'ASSIGNMENT_DUE' ORDER BY due_moment",
				String.class, user);
	}

	/** A minimal SMTP server that takes every message but refuses one mailbox at RCPT TO with 550 (a bounce). */
	static final class RefusingSmtp implements AutoCloseable {

		final List<String> delivered = new CopyOnWriteArrayList<>();
		final List<String> refused = new CopyOnWriteArrayList<>();
		private final ServerSocket server;
		private final String refuse;
		private final Thread thread;

		RefusingSmtp(String refuse) throws Exception {
			this.refuse = refuse.toLowerCase(Locale.ROOT);
			this.server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
			this.thread = new Thread(this::serve, "refusing-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return server.getLocalPort();
		}

		private void serve() {
			while (!server.isClosed()) {
				try (Socket s = server.accept()) {
					session(s);
				}
				catch (Exception e) {
					// closed, or the client went away: next connection
				}
			}
		}

		private void session(Socket s) throws Exception {
			BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
			PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true);
			out.print("220 refusing-smtp ESMTP\r\n");
			out.flush();
			List<String> rcpt = new java.util.ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String upper = line.toUpperCase(Locale.ROOT);
				if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
					out.print("250-refusing-smtp\r\n250 8BITMIME\r\n");
				}
				else if (upper.startsWith("MAIL FROM")) {
					rcpt.clear();
					out.print("250 2.1.0 Ok\r\n");
				}
				else if (upper.startsWith("RCPT TO")) {
					String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
					if (address.equals(refuse)) {
						refused.add(address);
						out.print("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown\r\n");
					}
					else {
						rcpt.add(address);
						out.print("250 2.1.5 Ok\r\n");
					}
				}
				else if (upper.equals("DATA")) {
					out.print("354 End data with <CR><LF>.<CR><LF>\r\n");
					out.flush();
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the message itself is not needed
					}
					delivered.addAll(rcpt);
					out.print("250 2.0.0 Ok: queued\r\n");
				}
				else if (upper.startsWith("QUIT")) {
					out.print("221 2.0.0 Bye\r\n");
					out.flush();
					return;
				}
				else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
					rcpt.clear();
					out.print("250 2.0.0 Ok\r\n");
				}
				else {
					out.print("502 5.5.2 Command not recognized\r\n");
				}
				out.flush();
			}
		}

		@Override
		public void close() throws Exception {
			server.close();
			thread.join(2000);
		}
	}
}
