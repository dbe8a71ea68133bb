package vn.nq57.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.nq57.IntegrationTest;
import vn.nq57.account.AppUser;
import vn.nq57.account.Role;

/**
 * Signing in and changing one's password. Tests that change a password use an account of their own, so
 * the test accounts ({@code vn.nq57.testdata.TestAccounts}) keep "Demo@2026" for every other test.
 */
@IntegrationTest
@AutoConfigureMockMvc
class LoginAndPasswordTest {

	static final String NEW_PASSWORD = "QuangNgai2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	PasswordEncoder encoder;

	Fixtures fx;

	String username;

	@BeforeEach
	void ownAccount() {
		fx = new Fixtures(ctx);
		username = "cb.kiemthu." + Fixtures.tag().toLowerCase();
		fx.users.create(username, Fixtures.PASSWORD, "Cán bộ kiểm thử Sở Tài chính", null, Role.AGENCY_OFFICER,
				fx.agencyId("STC"));
	}

	private String hash() {
		return fx.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
	}

	/** The refusal's message beside that field of the form (FieldErrors in the flash), no password kept in it. */
	private static org.springframework.test.web.servlet.ResultMatcher beside(String field, String message) {
		return r -> {
			vn.nq57.system.FieldErrors f = (vn.nq57.system.FieldErrors) r.getFlashMap().get(vn.nq57.system.FieldErrors.ATTRIBUTE);
			assertThat(f).as("the problems beside the fields").isNotNull();
			assertThat(f.messages(field)).contains(message);
			assertThat(f.value("current")).isNull();
			assertThat(f.value("next")).isNull();
			assertThat((String) r.getFlashMap().get("error")).startsWith("Chưa lưu");
		};
	}

	private ResultActions change(String current, String next, String confirm) throws Exception {
		return mvc.perform(post("/account/password").with(user(fx.user(username))).with(csrf())
			.param("current", current).param("next", next).param("confirm", confirm))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account"));
	}

	@Test
	@DisplayName("a wrong password stays on /login?error with “Tên đăng nhập hoặc mật khẩu không đúng.”")
	void wrongPasswordStaysOnLogin() throws Exception {
		mvc.perform(formLogin("/login").user("sokhcn").password("demo@2026"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user("khong.co.ai").password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());

		mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
	}

	@Test
	@DisplayName("the right password signs Sở KH&CN in and goes to the home page")
	void rightPasswordSignsIn() throws Exception {
		mvc.perform(formLogin("/login").user("sokhcn").password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername("sokhcn").withRoles("SECRETARIAT"));
	}

	@Test
	@DisplayName("a login form posted without the CSRF token is refused")
	void loginWithoutCsrfIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "sokhcn").param("password", Fixtures.PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	@DisplayName("a disabled account cannot sign in, nor use its API token")
	void disabledAccountIsRefused() throws Exception {
		AppUser u = fx.users.findByUsername(username).orElseThrow();
		String token = fx.users.issueApiToken(u.getId());
		fx.users.update(u.getId(), u.getFullName(), null, u.getRole(), u.getAgencyId(), false);

		mvc.perform(formLogin("/login").user(username).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("changing the password needs the current one: a wrong current password is refused and nothing changes")
	void wrongCurrentPasswordIsRefused() throws Exception {
		String before = hash();

		change("MatKhauSai1", NEW_PASSWORD, NEW_PASSWORD)
			.andExpect(beside("current", "Mật khẩu hiện tại không đúng"));

		assertThat(hash()).isEqualTo(before);
		mvc.perform(formLogin("/login").user(username).password(NEW_PASSWORD)).andExpect(unauthenticated());
	}

	@ParameterizedTest(name = "“{0}” is refused: {1}")
	@CsvSource(delimiter = '|', value = {
			"Ab1xyz|Mật khẩu phải có ít nhất 8 ký tự",
			"matkhaumoi|Mật khẩu phải có cả chữ và số",
			"12345678|Mật khẩu phải có cả chữ và số",
			"SoTaiChinh|Mật khẩu phải có cả chữ và số" })
	@DisplayName("a new password must have 8+ characters with letters and digits; otherwise it is refused and nothing changes")
	void weakPasswordsAreRefused(String weak, String message) throws Exception {
		String before = hash();

		change(Fixtures.PASSWORD, weak, weak).andExpect(beside("next", message));

		assertThat(hash()).isEqualTo(before);
		assertThat(encoder.matches(Fixtures.PASSWORD, hash())).isTrue();
	}

	@Test
	@DisplayName("the user name itself is not accepted as a password")
	void usernameAsPasswordIsRefused() throws Exception {
		String before = hash();
		String candidate = username.toUpperCase();

		change(Fixtures.PASSWORD, candidate, candidate)
			.andExpect(beside("next", "Mật khẩu không được trùng tên đăng nhập"));

		assertThat(hash()).isEqualTo(before);
	}

	@Test
	@DisplayName("a new password typed differently the second time is refused")
	void confirmationMustMatch() throws Exception {
		String before = hash();

		change(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
			.andExpect(beside("confirm", "Mật khẩu mới và mật khẩu nhập lại không khớp"));

		assertThat(hash()).isEqualTo(before);
	}

	@Test
	@DisplayName("a good new password is stored hashed; the new one signs in and the old one no longer does")
	void goodPasswordIsChanged() throws Exception {
		change(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD).andExpect(flash().attribute("flash", "Đã đổi mật khẩu"));

		String stored = hash();
		assertThat(stored).startsWith("{bcrypt}").doesNotContain(NEW_PASSWORD);
		assertThat(encoder.matches(NEW_PASSWORD, stored)).isTrue();
		mvc.perform(formLogin("/login").user(username).password(NEW_PASSWORD))
			.andExpect(authenticated().withUsername(username));
		mvc.perform(formLogin("/login").user(username).password(Fixtures.PASSWORD))
			.andExpect(unauthenticated());
		assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED' AND entity_id = ?",
				fx.user(username).id())).isEqualTo(1);
		assertThat(fx.jdbc.queryForObject("SELECT after_state::text FROM audit_event WHERE action = 'PASSWORD_CHANGED' "
				+ "AND entity_id = ?", String.class, fx.user(username).id())).isNull();
	}

	@Test
	@DisplayName("every test account's password is stored as a salted bcrypt hash, never as “Demo@2026”")
	void passwordsAreStoredHashed() {
		List<Map<String, Object>> rows = fx.jdbc.queryForList("""
				SELECT username, password_hash FROM app_user
				WHERE username IN ('sokhcn', 'lanhdao', 'gd.stc', 'cb.stc', 'gd.bql', 'cb.bql', 'cb.snv', 'cb.lyson', 'admin')""");

		assertThat(rows).hasSize(9);
		for (Map<String, Object> row : rows) {
			String stored = (String) row.get("password_hash");
			assertThat(stored).as(row.get("username").toString()).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
			assertThat(encoder.matches(Fixtures.PASSWORD, stored)).isTrue();
		}
		assertThat(rows.stream().map(r -> r.get("password_hash")).distinct()).hasSize(9);
	}
}
