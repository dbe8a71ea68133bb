package vn.nq57.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.TextRules;

@Service
public class UserService implements UserDetailsService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;
	private final PasswordEncoder encoder;
	private final AgencyDirectory agencies;
	private final AuditLog audit;
	private final AppClock clock;

	UserService(UserRepository users, PasswordEncoder encoder, AgencyDirectory agencies, AuditLog audit,
			AppClock clock) {
		this.users = users;
		this.encoder = encoder;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		return users.findByUsername(username.strip()).map(this::principal)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/** The account an API token stands for, with the token's expiry and scopes. */
	public record TokenUser(CurrentUser user, java.time.Instant expiresAt, java.util.Set<String> scopes) {

		public boolean expired() {
			return expiresAt == null || !expiresAt.isAfter(java.time.Instant.now());
		}
	}

	/** The scopes a token may carry: reading the API, writing through it, and scraping the metrics (ADMIN). */
	public static final List<String> SCOPES = List.of("read", "write", "metrics");

	@Transactional(readOnly = true)
	public Optional<TokenUser> byApiToken(String token) {
		return users.findByApiTokenHash(sha256(token)).filter(AppUser::isEnabled)
			.map(u -> new TokenUser(principal(u), u.getApiTokenExpiresAt(),
					u.getApiTokenScopes() == null ? java.util.Set.of()
							: java.util.Set.of(u.getApiTokenScopes().split(","))));
	}

	public Optional<AppUser> findByEmail(String email) {
		return users.findFirstByEmailIgnoreCase(email);
	}

	public List<AppUser> all() {
		return users.findAll(Sort.by("role", "username"));
	}

	/** The account, or a 404 with a Vietnamese message. */
	public AppUser get(long id) {
		return users.findById(id).orElseThrow(() -> new vn.nq57.system.NotFoundException("Không tìm thấy người dùng số " + id));
	}

	public Optional<AppUser> find(long id) {
		return users.findById(id);
	}

	public Optional<AppUser> findByUsername(String username) {
		return users.findByUsername(username);
	}

	@Transactional
	public AppUser create(String username, String rawPassword, String fullName, String email, Role role,
			long agencyId) {
		if (username == null || !username.matches("[A-Za-z0-9._-]{3,50}")) {
			throw new DomainException("username", "Tên đăng nhập gồm 3–50 ký tự chữ không dấu, số, dấu chấm, gạch ngang");
		}
		if (users.findByUsername(username).isPresent()) {
			throw new DomainException("username", "Tên đăng nhập “" + username + "” đã có");
		}
		checkText(fullName, email);
		checkPassword(username, rawPassword);
		agencies.get(agencyId);
		AppUser user = users.save(new AppUser(username, encoder.encode(rawPassword), fullName.strip(),
				blankToNull(email), role, agencyId));
		user.setPassword(user.getPasswordHash(), clock.now());
		audit.change("USER_CREATED", "USER", user.getId(), null, username, null, snapshot(user));
		return user;
	}

	@Transactional
	public void update(long id, String fullName, String email, Role role, long agencyId, boolean enabled) {
		AppUser user = users.findById(id).orElseThrow(() -> new DomainException("Không tìm thấy người dùng"));
		checkText(fullName, email);
		agencies.get(agencyId);
		Map<String, Object> before = snapshot(user);
		user.update(fullName.strip(), blankToNull(email), role, agencyId, enabled);
		audit.change("USER_UPDATED", "USER", id, null, user.getUsername(), before, snapshot(user));
	}

	@Transactional
	public void changePassword(long userId, String current, String next, String confirm) {
		AppUser user = users.findById(userId).orElseThrow();
		// the three fields checked at once, each problem beside its field (FieldsRefused)
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		f.check("current", () -> {
			if (current == null || !encoder.matches(current, user.getPasswordHash())) {
				throw new DomainException("Mật khẩu hiện tại không đúng");
			}
			return null;
		});
		f.check("next", () -> {
			checkPassword(user.getUsername(), next);
			return null;
		});
		f.check("confirm", () -> {
			if (next == null || !next.equals(confirm)) {
				throw new DomainException("Mật khẩu mới và mật khẩu nhập lại không khớp");
			}
			return null;
		});
		f.refuseIfAny();
		user.setPassword(encoder.encode(next), clock.now());
		audit.change("PASSWORD_CHANGED", "USER", userId, null, user.getUsername(), null, null);
	}

	@Transactional
	public void resetPassword(long userId, String next) {
		AppUser user = users.findById(userId).orElseThrow();
		checkPassword(user.getUsername(), next);
		user.setPassword(encoder.encode(next), clock.now());
		audit.change("PASSWORD_RESET", "USER", userId, null, user.getUsername(), null, null);
	}

	/** Issues a new API token that reads (90 days); see {@link #issueApiToken(long, int, java.util.Collection)}. */
	@Transactional
	public String issueApiToken(long userId) {
		return issueApiToken(userId, 90, List.of("read", "write"));
	}

	/**
	 * Issues a new API token (replacing the old one) valid for {@code days} days (1–365) with the given scopes, and
	 * returns it; only its hash is kept.
	 */
	@Transactional
	public String issueApiToken(long userId, int days, java.util.Collection<String> scopes) {
		return issueApiToken(userId, days, scopes, new vn.nq57.system.FieldErrors());
	}

	/**
	 * {@link #issueApiToken(long, int, java.util.Collection)} for the account page's form: the lifetime and the
	 * scopes checked together with the problems found before ({@code days} that is not a number: {@code null}),
	 * each beside its field ({@code days}, {@code scope}).
	 */
	@Transactional
	public String issueApiToken(long userId, Integer days, java.util.Collection<String> scopes, vn.nq57.system.FieldErrors f) {
		AppUser user = users.findById(userId).orElseThrow(() -> new vn.nq57.system.NotFoundException("Không tìm thấy người dùng"));
		if (!f.has("days")) {
			f.check("days", () -> {
				if (days == null || days < 1 || days > 365) {
					throw new DomainException("Thời hạn của mã truy cập API từ 1 đến 365 ngày");
				}
				return days;
			});
		}
		List<String> chosen = SCOPES.stream().filter(scopes::contains).toList();
		f.check("scope", () -> {
			if (chosen.isEmpty() || chosen.size() != new java.util.HashSet<>(scopes).size()) {
				throw new DomainException("Phạm vi của mã truy cập API: chọn trong " + String.join(", ", SCOPES));
			}
			if (chosen.contains("metrics") && user.getRole() != Role.ADMIN) {
				throw new DomainException("Chỉ quản trị hệ thống được cấp mã đọc số liệu vận hành (metrics)");
			}
			return chosen;
		});
		f.refuseIfAny();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "nq57_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		java.time.Instant now = java.time.Instant.now();
		user.setApiToken(sha256(token), now, now.plus(java.time.Duration.ofDays(days)), String.join(",", chosen));
		audit.change("API_TOKEN_ISSUED", "USER", userId, null, user.getUsername() + " · " + String.join(",", chosen)
				+ " · " + days + " ngày", null, null);
		return token;
	}

	@Transactional
	public void revokeApiToken(long userId) {
		AppUser user = users.findById(userId).orElseThrow();
		user.setApiToken(null, null, null, null);
		audit.change("API_TOKEN_REVOKED", "USER", userId, null, user.getUsername(), null, null);
	}

	private CurrentUser principal(AppUser u) {
		String agencyName = agencies.find(u.getAgencyId()).map(a -> a.getDisplayName()).orElse("?");
		return new CurrentUser(u.getId(), u.getUsername(), u.getFullName(), u.getRole(), u.getAgencyId(),
				agencyName, u.getPasswordHash(), u.isEnabled());
	}

	/**
	 * Every problem of an account form at once, each on its field (what {@link #create} and {@link #update} would
	 * refuse one at a time): the user name (new accounts), the password (new, or a reset typed), name and e-mail.
	 */
	public vn.nq57.system.FieldErrors check(boolean creating, String username, String password, String fullName,
			String email, vn.nq57.system.FieldErrors into) {
		if (creating) {
			collect(into, () -> {
				if (username == null || !username.matches("[A-Za-z0-9._-]{3,50}")) {
					throw new DomainException("username", "Tên đăng nhập gồm 3–50 ký tự chữ không dấu, số, dấu chấm, gạch ngang");
				}
				if (users.findByUsername(username).isPresent()) {
					throw new DomainException("username", "Tên đăng nhập “" + username + "” đã có");
				}
			});
		}
		if (creating || (password != null && !password.isBlank())) {
			collect(into, () -> checkPassword(username, password));
		}
		collect(into, () -> checkText(fullName, null));
		collect(into, () -> checkText("-", email));
		return into;
	}

	private static void collect(vn.nq57.system.FieldErrors into, Runnable check) {
		try {
			check.run();
		}
		catch (DomainException e) {
			into.reject(e.field() == null ? "form" : e.field(), e.getMessage());
		}
	}

	static void checkPassword(String username, String password) {
		if (password == null || password.length() < 8) {
			throw new DomainException("password", "Mật khẩu phải có ít nhất 8 ký tự");
		}
		if (password.length() > 128) {
			throw new DomainException("Mật khẩu dài tối đa 128 ký tự");
		}
		if (password.equalsIgnoreCase(username)) {
			throw new DomainException("password", "Mật khẩu không được trùng tên đăng nhập");
		}
		String lower = password.toLowerCase(java.util.Locale.ROOT);
		if (username != null && username.length() >= 4 && lower.contains(username.toLowerCase(java.util.Locale.ROOT))) {
			throw new DomainException("Mật khẩu không được chứa tên đăng nhập");
		}
		if (!password.matches(".*\\d.*") || !password.matches(".*\\p{L}.*")) {
			throw new DomainException("password", "Mật khẩu phải có cả chữ và số");
		}
		if (CommonPasswords.contains(password)) {
			throw new DomainException("Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác");
		}
	}

	private static void checkText(String fullName, String email) {
		if (fullName == null || fullName.isBlank()) {
			throw new DomainException("fullName", "Chưa nhập họ và tên");
		}
		TextRules.requireSafe(fullName, email);
		if (email != null && !email.isBlank() && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new DomainException("email", "Địa chỉ thư điện tử không hợp lệ");
		}
	}

	private static Map<String, Object> snapshot(AppUser u) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", u.getUsername());
		m.put("fullName", u.getFullName());
		m.put("email", u.getEmail());
		m.put("role", u.getRole().name());
		m.put("agencyId", u.getAgencyId());
		m.put("enabled", u.isEnabled());
		return m;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
