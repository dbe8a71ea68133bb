package vn.nq57.system;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One setting an administrator or DoST may change on the settings page: where it is shown, what it means, its
 * default, and the rule that turns what was typed into the stored value (or refuses it with a Vietnamese
 * message, as a {@link DomainException}).
 */
public record SettingSpec(String key, String section, String label, String help, String defaultValue,
		UnaryOperator<String> normalize, java.util.Map<String, String> choices) {

	/** A setting typed as text (a number, a list of days). */
	public SettingSpec(String key, String section, String label, String help, String defaultValue,
			UnaryOperator<String> normalize) {
		this(key, section, label, help, defaultValue, normalize, java.util.Map.of());
	}

	/**
	 * A setting chosen from a list: {@code choices} maps each stored value to the message key of its words, shown
	 * in a drop-down and in the default column (a person never reads the stored code).
	 */
	public SettingSpec {
		choices = choices == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
	}

	public boolean chosen() {
		return !choices.isEmpty();
	}

	/** The settings a module contributes to the settings page (a Spring bean per module). */
	public interface Provider {
		List<SettingSpec> settings();
	}

	/** A whole number of days (or times) between {@code min} and {@code max}. */
	public static UnaryOperator<String> wholeNumber(String what, int min, int max) {
		return typed -> {
			String v = typed == null ? "" : typed.strip();
			try {
				int n = Integer.parseInt(v);
				if (n >= min && n <= max) {
					return String.valueOf(n);
				}
			}
			catch (NumberFormatException e) {
				// refused below
			}
			throw new DomainException(what + ": “" + v + "” không hợp lệ; hãy nhập số nguyên từ " + min + " đến " + max);
		};
	}
}
