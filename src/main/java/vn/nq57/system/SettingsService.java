package vn.nq57.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings page's data: every contributed {@link SettingSpec} with its current value; a change is checked
 * as a whole (one wrong field and nothing is saved) and audited (who, when, before → after).
 */
@Service
public class SettingsService {

	public record Current(SettingSpec spec, String value) {
	}

	private final List<SettingSpec.Provider> providers;
	private final Settings settings;
	private final AuditLog audit;

	SettingsService(List<SettingSpec.Provider> providers, Settings settings, AuditLog audit) {
		this.providers = providers;
		this.settings = settings;
		this.audit = audit;
	}

	public List<SettingSpec> specs() {
		List<SettingSpec> all = new ArrayList<>();
		providers.forEach(p -> all.addAll(p.settings()));
		return all;
	}

	public List<Current> current() {
		return specs().stream().map(s -> new Current(s, settings.get(s.key(), s.defaultValue()))).toList();
	}

	/** Saves the typed values of the known keys; unknown keys are ignored. Returns how many changed. */
	@Transactional
	public int save(Map<String, String> typed) {
		Map<String, String> before = new LinkedHashMap<>();
		Map<String, String> after = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		FieldErrors byField = new FieldErrors();
		for (SettingSpec spec : specs()) {
			if (!typed.containsKey(spec.key())) {
				continue;
			}
			String value;
			try {
				TextRules.requireSafe(typed.get(spec.key()));
				value = spec.normalize().apply(typed.get(spec.key()));
			}
			catch (DomainException e) {
				errors.add(e.getMessage());
				byField.reject(spec.key(), e.getMessage()).keep(spec.key(), typed.get(spec.key()));
				continue;
			}
			String old = settings.get(spec.key(), spec.defaultValue());
			if (!old.equals(value)) {
				before.put(spec.key(), old);
				after.put(spec.key(), value);
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldsRefused("Chưa lưu: " + String.join("; ", errors), byField);
		}
		after.forEach(settings::put);
		if (!after.isEmpty()) {
			audit.change("SETTINGS_CHANGED", "SETTING", null, null, "Đổi cài đặt: " + String.join(", ", after.keySet()),
					before, after);
		}
		return after.size();
	}
}
