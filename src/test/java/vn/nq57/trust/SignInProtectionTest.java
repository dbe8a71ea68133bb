package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.Role;
import vn.nq57.security.Fixtures;
import vn.nq57.system.DomainException;

/**
 * Brute force: wrong passwords lock the account (state in the database), the right password then still waits, the
 * wait is told in Vietnamese, every attempt is recorded and each lock audited; the password policy refuses common
 * passwords and the user name.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SignInProtectionTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	String username;

	@BeforeEach
	void ownAccount() {
		fx = new Fixtures(ctx);
		username = "cb.khoa." + Fixtures.tag().toLowerCase();
		fx.users.create(username, Fixtures.PASSWORD, "Cán bộ thử khóa đăng nhập", null, Role.AGENCY_OFFICER,
				fx.agencyId("STC"));
	}

	@Test
	@DisplayName("30 wrong passwords in a row lock the account; the right password then waits, with the wait in minutes")
	void bruteForceLocks() throws Exception {
		for (int i = 0; i < 30; i++) {
			mvc.perform(Logins.login(username, "SaiMatKhau" + i, "10.1.1." + (i % 3 + 1)))
				.andExpect(unauthenticated());
		}
		mvc.perform(Logins.login(username, Fixtures.PASSWORD, "10.9.9.9"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		mvc.perform(get("/login").param("locked", "15"))
			.andExpect(content().string(containsString("Vui lòng thử lại sau 15 phút")));

		assertThat(fx.count("SELECT count(*) FROM login_attempt WHERE username = ? AND NOT success", username))
			.isGreaterThanOrEqualTo(31);
		assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_LOCKED' AND summary LIKE ?",
				"%" + username + "%")).isGreaterThanOrEqualTo(1);
		assertThat(fx.count("SELECT count(*) FROM login_throttle WHERE key = ? AND locked_until > now()",
				"user:" + username)).isEqualTo(1);

		// once the lock has passed (moved back in the database, as another node would see it), the password works
		fx.jdbc.update("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = ?",
				"user:" + username);
		mvc.perform(Logins.login(username, Fixtures.PASSWORD, "10.9.9.9"))
			.andExpect(authenticated().withUsername(username));
	}

	@Test
	@DisplayName("one source address trying many accounts is locked too")
	void addressIsLocked() throws Exception {
		String address = "10.77." + (Fixtures.tag().hashCode() & 0xff) + ".7";
		for (int i = 0; i < 30; i++) {
			mvc.perform(Logins.login("khong.co." + i, "x", address));
		}
		mvc.perform(Logins.login(username, Fixtures.PASSWORD, address))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		mvc.perform(Logins.login(username, Fixtures.PASSWORD, "10.78.0.1"))
			.andExpect(authenticated());
	}

	@Test
	@DisplayName("a wrong password is recorded; a few then the right one sign in, and the count starts again")
	void fewFailuresDoNotLock() throws Exception {
		for (int i = 0; i < 3; i++) {
			mvc.perform(Logins.login(username, "sai", "10.2.2.2"))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(Logins.login(username, Fixtures.PASSWORD, "10.2.2.2"))
			.andExpect(authenticated());
		assertThat(fx.count("SELECT count(*) FROM login_throttle WHERE key = ?", "user:" + username)).isZero();
		assertThat(fx.count("SELECT count(*) FROM login_attempt WHERE username = ? AND success", username)).isEqualTo(1);
	}

	@Test
	@DisplayName("the password policy refuses common passwords and passwords containing the user name")
	void policy() {
		long id = fx.users.findByUsername(username).orElseThrow().getId();
		assertThatThrownBy(() -> fx.users.resetPassword(id, "Password123")).isInstanceOf(DomainException.class)
			.hasMessageContaining("phổ biến");
		assertThatThrownBy(() -> fx.users.resetPassword(id, "matkhau@2026")).isInstanceOf(DomainException.class)
			.hasMessageContaining("phổ biến");
		assertThatThrownBy(() -> fx.users.resetPassword(id, "x" + username + "9")).isInstanceOf(DomainException.class)
			.hasMessageContaining("tên đăng nhập");
		fx.users.resetPassword(id, "Sông Trà Khúc 57");
	}
}
