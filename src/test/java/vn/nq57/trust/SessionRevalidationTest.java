package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Consumer;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.nq57.IntegrationTest;
import vn.nq57.account.AppUser;
import vn.nq57.account.Role;
import vn.nq57.account.Totp;
import vn.nq57.account.TwoFactor;
import vn.nq57.security.Fixtures;

/**
 * A session signed in before the account changed does not keep its old rights: disabled, moved to another agency,
 * given another role, or its password changed, the next request of that session is sent to sign in again. The
 * session lives in the database (Spring Session JDBC) and the session id changes at sign-in.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SessionRevalidationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	TwoFactor twoFactor;

	Fixtures fx;

	String username;

	long id;

	@BeforeEach
	void ownAccount() {
		fx = new Fixtures(ctx);
		username = "cb.phien." + Fixtures.tag().toLowerCase();
		id = fx.users.create(username, Fixtures.PASSWORD, "Cán bộ thử phiên", null, Role.AGENCY_OFFICER,
				fx.agencyId("STC")).getId();
	}

	Cookie signIn(String user) throws Exception {
		MvcResult r = mvc.perform(Logins.login(user, Fixtures.PASSWORD, "10.5.5.5"))
			.andReturn();
		Cookie c = r.getResponse().getCookie("SESSION");
		assertThat(c).as("session cookie").isNotNull();
		assertThat(c.isHttpOnly()).isTrue();
		return c;
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "disabled", "agency", "role", "password" })
	@DisplayName("a change of the account ends the sessions signed in before it")
	void changeEndsSession(String change) throws Exception {
		Cookie session = signIn(username);
		mvc.perform(get("/my").cookie(session)).andExpect(status().isOk());
		assertThat(fx.count("SELECT count(*) FROM spring_session WHERE principal_name = ?", username)).isEqualTo(1);

		AppUser u = fx.users.findByUsername(username).orElseThrow();
		Consumer<AppUser> apply = switch (change) {
			case "disabled" -> a -> fx.users.update(a.getId(), a.getFullName(), null, a.getRole(), a.getAgencyId(), false);
			case "agency" -> a -> fx.users.update(a.getId(), a.getFullName(), null, a.getRole(), fx.agencyId("SYT"), true);
			case "role" -> a -> fx.users.update(a.getId(), a.getFullName(), null, Role.AGENCY_HEAD, a.getAgencyId(), true);
			default -> a -> fx.users.resetPassword(a.getId(), "Sông Trà Khúc 57");
		};
		apply.accept(u);

		mvc.perform(get("/my").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/my").cookie(session)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/tasks").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("the session id changes at sign-in (no fixation)")
	void sessionIdRenewed() throws Exception {
		MvcResult before = mvc.perform(get("/login")).andReturn();
		Cookie anonymous = before.getResponse().getCookie("SESSION");
		MvcResult r = mvc.perform(Logins.login(username, Fixtures.PASSWORD, "10.5.5.6")
			.cookie(anonymous == null ? new Cookie("x", "y") : anonymous)).andReturn();
		Cookie after = r.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		if (anonymous != null) {
			assertThat(after.getValue()).isNotEqualTo(anonymous.getValue());
		}
	}

	@Test
	@DisplayName("with two factors on, the password alone opens only the code page; a right code opens the rest, a used one not again")
	void twoFactors() throws Exception {
		String secret = Totp.newSecret();
		twoFactor.enable(id, secret, Totp.code(secret, Totp.step(java.time.Instant.now().getEpochSecond())));
		fx.jdbc.update("UPDATE app_user SET totp_last_step = 0 WHERE id = ?", id);

		Cookie session = signIn(username);
		mvc.perform(get("/my").cookie(session)).andExpect(redirectedUrl("/login/totp"));
		mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(redirectedUrl("/login/totp"));
		mvc.perform(get("/my").cookie(session)).andExpect(redirectedUrl("/login/totp"));
		String code = Totp.code(secret, Totp.step(java.time.Instant.now().getEpochSecond()));
		mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));
		mvc.perform(get("/my").cookie(session)).andExpect(status().isOk());

		// the same code cannot open a second session; a recovery code can, once
		Cookie second = signIn(username);
		mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/login/totp"));
		assertThat(twoFactor.recoveryCodesLeft(id)).isEqualTo(10);
	}

	@Test
	@DisplayName("with the setting on, a DoST account without two factors is sent to set them up and opens nothing else")
	void requiredForDost() throws Exception {
		String dost = "sokhcn.totp." + Fixtures.tag().toLowerCase();
		long dostId = fx.users.create(dost, Fixtures.PASSWORD, "Cán bộ Sở KH&CN thử", null, Role.SECRETARIAT,
				fx.agencyId("SKHCN")).getId();
		ctx.getBean(vn.nq57.system.Settings.class).put("security.totp.required", "true");
		try {
			MvcResult r = mvc.perform(Logins.login(dost, Fixtures.PASSWORD, "10.5.5.9")).andReturn();
			assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/account/totp");
			Cookie session = r.getResponse().getCookie("SESSION");
			mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrl("/account/totp"));
			mvc.perform(get("/account/totp").cookie(session)).andExpect(status().isOk());
			// an officer is not required to
			mvc.perform(get("/my").cookie(signIn(username))).andExpect(status().isOk());
			assertThat(twoFactor.enrolled(dostId)).isFalse();
		}
		finally {
			ctx.getBean(vn.nq57.system.Settings.class).put("security.totp.required", "false");
		}
	}

	@Test
	@DisplayName("security headers: CSP without inline script, frame-ancestors (the public pages for the portal only), nosniff, Referrer-Policy; HSTS over TLS")
	void headers() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("script-src 'self';"),
					org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().doesNotExist("Strict-Transport-Security"))
			.andExpect(header().exists("X-Request-Id"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		// the public pages are the portal's embedded pages: framed by this site and the government portals only
		mvc.perform(get("/public"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("script-src 'self';"),
					org.hamcrest.Matchers.endsWith("frame-ancestors 'self' https://*.gov.vn"))))
			.andExpect(header().doesNotExist("X-Frame-Options"));
		mvc.perform(get("/publicity"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=31536000")));
		MvcResult r = mvc.perform(Logins.login(username, Fixtures.PASSWORD, "10.5.5.8").secure(true)).andReturn();
		assertThat(r.getResponse().getCookie("SESSION").getSecure()).isTrue();
	}
}
