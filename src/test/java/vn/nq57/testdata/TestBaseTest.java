package vn.nq57.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.nq57.IntegrationTest;
import vn.nq57.account.AppUser;
import vn.nq57.account.UserService;

/**
 * What every test may take for granted, and nothing more: the demo is off, the agency registry is loaded all the
 * same (production behaviour, not demo), and the test accounts exist with their roles and agencies.
 */
@IntegrationTest
class TestBaseTest {

	@Autowired JdbcTemplate jdbc;
	@Autowired UserService users;
	@Autowired PasswordEncoder encoder;
	@Value("${nq57.demo.enabled}") boolean demo;

	@Test
	@DisplayName("the demo is off: none of its accounts, indicators or reports")
	void demoIsOff() {
		assertThat(demo).isFalse();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email LIKE '%@demo.quangngai.gov.vn'", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM indicator WHERE code IN ('HT-5G-DS', 'TL-5G-KCN', 'NL-LD-KHKT')",
				Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM setting WHERE key = 'reporting.demo-loaded'", Integer.class))
			.isZero();
	}

	@Test
	@DisplayName("the province's registry is loaded into the empty database without the demo: every agency of the file")
	void registryLoadedWithoutTheDemo() throws IOException {
		List<String> codes;
		try (InputStream in = getClass().getResourceAsStream("/registry/agencies.csv")) {
			codes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
				.map(l -> l.substring(0, l.indexOf(','))).toList();
		}
		assertThat(codes).hasSizeGreaterThan(30).contains("UBND", "SKHCN", "STC", "SNV", "BQLKKT", "SVHTTDL", "DK-LYSON");
		List<String> loaded = jdbc.queryForList("SELECT code FROM agency", String.class);
		assertThat(loaded).containsAll(codes);
	}

	@Test
	@DisplayName("one test account per role, on its agency, with the test password")
	void accounts() {
		for (TestAccounts.Account a : TestAccounts.ALL) {
			AppUser u = users.findByUsername(a.username()).orElseThrow();
			assertThat(u.getRole()).as(a.username()).isEqualTo(a.role());
			assertThat(jdbc.queryForObject("SELECT code FROM agency WHERE id = ?", String.class, u.getAgencyId()))
				.as(a.username()).isEqualTo(a.agencyCode());
			String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, a.username());
			assertThat(encoder.matches(TestAccounts.PASSWORD, hash)).as(a.username()).isTrue();
		}
		assertThat(TestAccounts.ALL).extracting(TestAccounts.Account::role).containsAll(List.of(vn.nq57.account.Role.values()));
	}
}
