package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.notification.NotifyFixture.receivedBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.nq57.IntegrationTest;
import vn.nq57.Nq57Application;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.officialdoc.Decree30Check;
import vn.nq57.system.AuditLog;

@IntegrationTest
class TwoNodesAndLetterTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	@Autowired JdbcTemplate jdbc;
	@Autowired TestTasks tasks;
	@Autowired NotificationJobs jobs;
	@Autowired ReminderEngine engine;
	@Autowired MailOutbox outbox;
	@Autowired JavaMailSender sender;
	@Autowired UrgingLetters letters;
	@Autowired RunAs runAs;
	@Autowired AuditLog audit;

	@BeforeEach
	void pointAtGreenMail() {
		NotifyFixture.smtpPort(sender, smtp.getSmtp().getPort());
		outbox.sendDue(Instant.now(), 100_000); // whatever other tests left queued
	}

	@Test
	@DisplayName("two application nodes on one PostgreSQL, computing and sending at once, deliver each reminder exactly once")
	void twoNodes() throws Exception {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm hai máy chủ");
		List<String> mails = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String m = NotifyFixture.mailbox("nguoi" + i);
			mails.add(m);
			NotifyFixture.user(jdbc, code, i == 0 ? "AGENCY_HEAD" : "AGENCY_OFFICER", m);
		}
		for (int i = 0; i < 15; i++) {
			tasks.create("Nhiệm vụ hai máy chủ số " + i, (22 + i % 8) + "/11/2026", code); // due today … in 7 days
		}
		// a second node: the same application, its own beans, scheduler and connection pool, the same database
		try (ConfigurableApplicationContext node2 = new SpringApplicationBuilder(Nq57Application.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			.properties("nq57.node-name=node-2", "server.port=0", "nq57.demo.enabled=false", "spring.jmx.enabled=false")
			.run()) {
			NotifyFixture.smtpPort(node2.getBean(JavaMailSender.class), smtp.getSmtp().getPort());
			NotificationJobs jobs2 = node2.getBean(NotificationJobs.class);
			ReminderEngine engine2 = node2.getBean(ReminderEngine.class);
			MailOutbox outbox2 = node2.getBean(MailOutbox.class);

			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				// the scheduled job through ShedLock on both nodes, and the bare computation racing as well
				List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(() -> { jobs.reminders(); return 0; }, () -> { jobs2.reminders(); return 0; },
						() -> engine.computeDay().total(), () -> engine2.computeDay().total()));
				for (Future<Integer> f : runs) {
					f.get();
				}
				Instant now = Instant.now();
				List<Future<Integer>> sends = pool.invokeAll(List.<Callable<Integer>>of(() -> outbox.sendDue(now, 100_000),
						() -> outbox2.sendDue(now, 100_000), () -> outbox.sendDue(now, 100_000),
						() -> outbox2.sendDue(now, 100_000)));
				for (Future<Integer> f : sends) {
					f.get();
				}
			}
			finally {
				pool.shutdown();
			}
			List<String> nodes = jdbc.queryForList("""
					SELECT DISTINCT at.node FROM notification_attempt at JOIN notification n ON n.id = at.notification_id
					JOIN app_user u ON u.id = n.user_id JOIN agency a ON a.id = u.agency_id WHERE a.code = ?""",
					String.class, code);
			assertThat(nodes).as("the nodes shared the sending").isNotEmpty();
		}
		for (String m : mails) {
			List<MimeMessage> got = receivedBy(smtp, m);
			assertThat(got).as("each of the 15 reminders once to " + m).hasSize(15);
			assertThat(got.stream().map(x -> {
				try {
					return x.getHeader("X-NQ57-Notification")[0];
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).distinct()).hasSize(15);
		}
		Integer attempts = jdbc.queryForObject("""
				SELECT count(*) FROM notification_attempt at JOIN notification n ON n.id = at.notification_id
				JOIN app_user u ON u.id = n.user_id JOIN agency a ON a.id = u.agency_id WHERE a.code = ?""", Integer.class,
				code);
		assertThat(attempts).as("one attempt per message: no row was sent by both nodes").isEqualTo(90);
	}

	@Test
	@DisplayName("DoST's urging letter lists the agency's overdue and soon-due tasks, follows Decree 30, goes by mail as .docx and is on each task's timeline")
	void urgingLetter() throws Exception {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm công văn");
		String headMail = NotifyFixture.mailbox("giamdoc");
		NotifyFixture.user(jdbc, code, "AGENCY_HEAD", headMail);
		long overdueTask = tasks.create("Xây dựng nền tảng dữ liệu quá hạn thử nghiệm", "30/9/2026", code).getId();
		long soonTask = tasks.create("Triển khai ứng dụng sắp đến hạn thử nghiệm", "10/12/2026", code).getId();
		long laterTask = tasks.create("Nhiệm vụ còn lâu mới đến hạn", "30/6/2027", code).getId();
		long agencyId = tasks.agency(code);

		runAs.user("cb.stc", () -> {
			try {
				letters.draft(agencyId);
				throw new AssertionError("an agency officer drafted an urging letter");
			}
			catch (AccessDeniedException expected) {
				// only DoST urges
			}
		});

		long id = runAs.user("sokhcn", () -> {
			UrgingLetters.Draft d = letters.draft(agencyId);
			assertThat(d.lines()).extracting(UrgingLetters.Line::taskId).containsExactly(overdueTask, soonTask);
			return letters.send(new UrgingLetters.Draft(d.agencyId(), d.agencyName(), "125/SKHCN-KH&ĐMST", d.intro(),
					d.closing() + "\nHạn báo cáo kết quả trước ngày 15/12/2026.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
					"Nguyễn Văn A", d.lines()));
		});
		byte[] docx = runAs.user("sokhcn", () -> letters.sentDocx(id));
		XWPFDocument doc = Decree30Check.assertOfficialLayout(docx, "Sở Khoa học và Công nghệ", null);
		String text = Decree30Check.text(doc);
		assertThat(text).contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 125/SKHCN-KH&ĐMST", "Quảng Ngãi, ngày 22 tháng 11 năm 2026",
				"V/v", "Đôn đốc thực hiện nhiệm vụ", "Kính gửi", "Công ty thử nghiệm công văn",
				"Xây dựng nền tảng dữ liệu quá hạn thử nghiệm", "30/09/2026", "Triển khai ứng dụng sắp đến hạn thử nghiệm",
				"10/12/2026", "Hạn báo cáo kết quả trước ngày 15/12/2026.", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A", "Lưu: VT");
		assertThat(text).doesNotContain("Nhiệm vụ còn lâu mới đến hạn");

		outbox.sendDue(Instant.now(), 100_000);
		outbox.sendDue(Instant.now().plusSeconds(3600), 100_000);
		List<MimeMessage> got = receivedBy(smtp, headMail);
		assertThat(got).hasSize(1);
		Multipart mp = (Multipart) got.get(0).getContent();
		byte[] attached = null;
		for (int i = 0; i < mp.getCount(); i++) {
			if (mp.getBodyPart(i).getFileName() != null) {
				assertThat(mp.getBodyPart(i).getFileName()).endsWith(".docx");
				attached = mp.getBodyPart(i).getInputStream().readAllBytes();
			}
		}
		assertThat(attached).as("the .docx is attached as sent").isEqualTo(docx);

		assertThat(audit.forTask(overdueTask)).anyMatch(e -> e.action().equals("URGING_LETTER_SENT")
				&& e.summary().contains("125/SKHCN-KH&ĐMST"));
		assertThat(audit.forTask(soonTask)).anyMatch(e -> e.action().equals("URGING_LETTER_SENT"));
		assertThat(audit.forTask(laterTask)).noneMatch(e -> e.action().equals("URGING_LETTER_SENT"));
	}

}
