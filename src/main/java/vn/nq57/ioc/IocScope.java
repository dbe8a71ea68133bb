package vn.nq57.ioc;

import java.util.EnumSet;
import java.util.Set;

/** What a machine client may read. */
public enum IocScope {
	/** The indicator set's approved province figures, targets and status. */
	INDICATORS("indicators:read", "indicator."),
	/** The task summary: counts by status and the rates. */
	TASKS("tasks:read", "tasks.");

	private final String code;
	private final String keyPrefix;

	IocScope(String code, String keyPrefix) {
		this.code = code;
		this.keyPrefix = keyPrefix;
	}

	public String code() {
		return code;
	}

	/** Whether a figure key belongs to this scope. */
	public boolean covers(String key) {
		return key.startsWith(keyPrefix);
	}

	public static IocScope of(String code) {
		for (IocScope s : values()) {
			if (s.code.equals(code.strip())) {
				return s;
			}
		}
		return null;
	}

	static Set<IocScope> parse(String stored) {
		Set<IocScope> out = EnumSet.noneOf(IocScope.class);
		for (String p : stored.split("[,\\s]+")) {
			IocScope s = p.isBlank() ? null : of(p);
			if (s != null) {
				out.add(s);
			}
		}
		return out;
	}

	static boolean allows(Set<IocScope> scopes, String key) {
		return scopes.stream().anyMatch(s -> s.covers(key));
	}
}
