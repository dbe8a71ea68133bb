package vn.nq57.ioc;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;

/**
 * The demo's machine client, so that {@code /admin/ioc} and the feed can be tried at once: "Trung tâm IOC tỉnh (minh
 * họa)" with both scopes, 120 calls a minute, id {@value #CLIENT_ID} and the secret {@value #SECRET} (README, demo
 * accounts); created by ADMIN through {@link IocClients} like any other (hashed, audited), and the figures detected
 * once so the change feed and today's snapshot are not empty. Never in production.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class IocDemoData implements ApplicationRunner {

	static final String CLIENT_ID = "ioc-demo";
	static final String SECRET = "Demo@2026-IOC";

	private static final Logger log = LoggerFactory.getLogger(IocDemoData.class);

	private final IocClients clients;
	private final IocFeed feed;
	private final RunAs runAs;
	private final JdbcTemplate jdbc;

	IocDemoData(IocClients clients, IocFeed feed, RunAs runAs, JdbcTemplate jdbc) {
		this.clients = clients;
		this.feed = feed;
		this.runAs = runAs;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM ioc_client WHERE client_id = ?", Integer.class, CLIENT_ID);
		Integer admin = jdbc.queryForObject("SELECT count(*) FROM app_user_view WHERE username = 'admin'", Integer.class);
		if (existing == null || existing > 0 || admin == null || admin == 0) {
			return;
		}
		runAs.user("admin", () -> clients.createKnown("Trung tâm IOC tỉnh (minh họa)", EnumSet.allOf(IocScope.class), 120,
				CLIENT_ID, SECRET));
		feed.detect();
		log.info("IOC demo client {} created", CLIENT_ID);
	}
}
