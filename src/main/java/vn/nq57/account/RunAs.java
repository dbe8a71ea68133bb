package vn.nq57.account;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs work as a named user, with exactly that user's rights: demo data, scale data and scheduled jobs go
 * through the same services (and the same checks and audit trail) as a person would.
 */
@Component
public class RunAs {

	private final UserService users;

	RunAs(UserService users) {
		this.users = users;
	}

	public <T> T user(String username, Supplier<T> work) {
		CurrentUser user = users.loadUserByUsername(username);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext ctx = SecurityContextHolder.createEmptyContext();
		ctx.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(ctx);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public void user(String username, Runnable work) {
		user(username, () -> {
			work.run();
			return null;
		});
	}
}
