package vn.nq57.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
public class AppUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "full_name")
	private String fullName;

	private String email;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "agency_id")
	private Long agencyId;

	private boolean enabled = true;

	@Column(name = "api_token_hash")
	private String apiTokenHash;

	@Column(name = "api_token_created_at")
	private Instant apiTokenCreatedAt;

	@Column(name = "api_token_expires_at")
	private Instant apiTokenExpiresAt;

	@Column(name = "api_token_scopes")
	private String apiTokenScopes;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	@Version
	private long version;

	protected AppUser() {
	}

	AppUser(String username, String passwordHash, String fullName, String email, Role role, Long agencyId) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.agencyId = agencyId;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public String getFullName() {
		return fullName;
	}

	public String getEmail() {
		return email;
	}

	public Role getRole() {
		return role;
	}

	public Long getAgencyId() {
		return agencyId;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public Instant getApiTokenCreatedAt() {
		return apiTokenCreatedAt;
	}

	public Instant getApiTokenExpiresAt() {
		return apiTokenExpiresAt;
	}

	public String getApiTokenScopes() {
		return apiTokenScopes;
	}

	void setPassword(String hash, Instant at) {
		this.passwordHash = hash;
		this.passwordChangedAt = at;
	}

	void setApiToken(String hash, Instant at, Instant expires, String scopes) {
		this.apiTokenHash = hash;
		this.apiTokenCreatedAt = at;
		this.apiTokenExpiresAt = expires;
		this.apiTokenScopes = scopes;
	}

	void update(String fullName, String email, Role role, Long agencyId, boolean enabled) {
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.agencyId = agencyId;
		this.enabled = enabled;
	}
}
