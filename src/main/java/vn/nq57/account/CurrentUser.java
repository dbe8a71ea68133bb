package vn.nq57.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.nq57.system.Actor;

/** The signed-in person, as every request sees them: their role and the agency they act for. */
public record CurrentUser(Long id, String username, String fullName, Role role, Long agencyId, String agencyName,
		String passwordHash, boolean enabled) implements UserDetails, Actor {

	@Override
	public String displayName() {
		return fullName + " (" + agencyName + ")";
	}

	public boolean is(Role r) {
		return role == r;
	}

	public boolean seesEveryAgency() {
		return role.seesEveryAgency();
	}

	public boolean actsFor(Long agency) {
		return agency != null && agency.equals(agencyId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}
}
