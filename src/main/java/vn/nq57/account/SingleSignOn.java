package vn.nq57.account;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import vn.nq57.system.AuditLog;

/**
 * Single sign-on through the province's identity provider (OpenID Connect; configured with Spring Boot's
 * {@code spring.security.oauth2.client.registration.sso.*} and {@code …provider.sso.issuer-uri}). The person is
 * matched by a configured claim ({@code nq57.sso.user-claim}, the user name by default; {@code email} matches the
 * account's e-mail) to an existing, enabled account: roles and agency stay ours, and an unknown person gets a
 * clear page, never an account.
 */
@Component
class SingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();
	private final UserService users;
	private final AuditLog audit;
	private final String claim;

	SingleSignOn(UserService users, AuditLog audit, @Value("${nq57.sso.user-claim:preferred_username}") String claim) {
		this.users = users;
		this.audit = audit;
		this.claim = claim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser person = delegate.loadUser(request);
		if (match(person).isEmpty()) {
			String who = String.valueOf(person.getClaims().get(claim));
			audit.event("SSO_UNKNOWN_USER", "LOGIN", null, "Đăng nhập một lần: không có tài khoản nào ứng với "
					+ claim + " = “" + (who.length() > 100 ? who.substring(0, 100) : who) + "”");
			throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
					"Không có tài khoản nào trong hệ thống ứng với người dùng này", null));
		}
		return person;
	}

	private Optional<CurrentUser> match(OidcUser person) {
		Object value = person.getClaims().get(claim);
		if (value == null) {
			return Optional.empty();
		}
		String v = value.toString().strip();
		Optional<AppUser> user = "email".equals(claim) ? users.findByEmail(v) : users.findByUsername(v);
		return user.filter(AppUser::isEnabled).map(u -> users.loadUserByUsername(u.getUsername()));
	}

	/** The account an OpenID Connect sign-in stands for (the provider's answer was matched in {@link #loadUser}). */
	CurrentUser currentUser(Authentication auth) {
		return match((OidcUser) auth.getPrincipal()).orElseThrow();
	}
}
