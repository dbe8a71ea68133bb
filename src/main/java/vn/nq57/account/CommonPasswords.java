package vn.nq57.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The common passwords the policy refuses, shipped in {@code security/common-passwords.txt}. */
final class CommonPasswords {

	private static final Set<String> WORDS = load();

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		return WORDS.contains(password.strip().toLowerCase(Locale.ROOT));
	}

	static int size() {
		return WORDS.size();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (var in = CommonPasswords.class.getResourceAsStream("/security/common-passwords.txt");
				var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line; (line = r.readLine()) != null;) {
				String w = line.strip();
				if (!w.isEmpty() && !w.startsWith("#")) {
					words.add(w.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(words);
	}
}
