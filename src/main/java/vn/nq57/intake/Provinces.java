package vn.nq57.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official list of provinces and centrally-run cities, before and after the 2025 merger
 * ({@code intake/provinces.csv}), and the check that a plan names none but its own: text copied from
 * another province's plan is a common defect.
 */
final class Provinces {

	record Province(String name, String type, boolean before2025, boolean after2025, String mergedInto,
			List<String> spellings, boolean ambiguous) {

		/** "tỉnh Thanh Hóa", "thành phố Đà Nẵng". */
		String label() {
			return type + " " + name.replaceFirst("^Thành phố ", "");
		}
	}

	/** A province named in the text, and how it was written. */
	record Mention(Province province, String written) {
	}

	private static final String PREFIX = "(?:tỉnh|thành phố|tp\\.?)\\s+";

	private final List<Province> all;

	private final String home;

	/** Every foreign spelling (folded, and accent-free) and the province it names. */
	private final Map<String, Province> byFolded = new java.util.HashMap<>();

	private final Map<String, Province> byKey = new java.util.HashMap<>();

	/** One pattern per way of writing, each an alternation of every spelling, longest first. */
	private final Pattern prefixed;

	private final Pattern bare;

	private final Pattern plain;

	Provinces(List<Province> all, String home) {
		this.all = List.copyOf(all);
		this.home = home;
		List<String> every = new ArrayList<>();
		List<String> unambiguous = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (Province p : all) {
			if (isHome(p)) {
				continue;
			}
			List<String> spellings = new ArrayList<>();
			spellings.add(p.name().replaceFirst("^Thành phố ", ""));
			spellings.addAll(p.spellings());
			for (String s : spellings) {
				String f = fold(s);
				byFolded.putIfAbsent(f, p);
				byKey.putIfAbsent(VnText.key(s), p);
				every.add(f);
				keys.add(VnText.key(s));
				// an ambiguous name ("Hòa Bình", "Hồ Chí Minh") only counts with "tỉnh" or "thành phố" before it
				if (!(p.ambiguous() && s.equals(spellings.get(0)))) {
					unambiguous.add(f);
				}
			}
		}
		this.prefixed = Pattern.compile("(?<![\\p{L}])" + PREFIX + alternation(every) + "(?![\\p{L}\\p{N}])");
		this.bare = Pattern.compile("(?<![\\p{L}\\p{N}])" + alternation(unambiguous) + "(?![\\p{L}\\p{N}])");
		this.plain = Pattern.compile("(?<![\\p{L}])(?:tinh|thanh pho|tp)\\s+" + alternation(keys) + "(?![\\p{L}\\p{N}])");
	}

	/** "(a|b|…)", longest first so that "thừa thiên huế" wins over the "huế" inside it. */
	private static String alternation(List<String> names) {
		List<String> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(names));
		sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
		return "(" + String.join("|", sorted.stream().map(Pattern::quote).toList()) + ")";
	}

	static Provinces load(InputStream in, String home) {
		List<Province> list = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\\|", -1);
				List<String> spellings = f[5].isBlank() ? List.of() : List.of(f[5].split(";"));
				list.add(new Province(f[0].strip(), f[1].strip(), "yes".equals(f[2].strip()), "yes".equals(f[3].strip()),
						f[4].isBlank() ? null : f[4].strip(), spellings, "yes".equals(f[6].strip())));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Provinces(list, home);
	}

	List<Province> all() {
		return all;
	}

	long countBefore2025() {
		return all.stream().filter(Province::before2025).count();
	}

	long countAfter2025() {
		return all.stream().filter(Province::after2025).count();
	}

	/** The home province and the provinces merged into it (Kon Tum into Quảng Ngãi) are not foreign. */
	boolean isHome(Province p) {
		return VnText.key(p.name()).equals(VnText.key(home)) || p.mergedInto() != null
				&& VnText.key(p.mergedInto()).equals(VnText.key(home));
	}

	String home() {
		return home;
	}

	/** Other provinces named in the text, each once. */
	List<Mention> foreignIn(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String nfc = VnText.clean(text);
		String folded = fold(nfc);
		Map<String, Mention> found = new LinkedHashMap<>();
		List<int[]> taken = new ArrayList<>();
		Matcher m = prefixed.matcher(folded);
		while (m.find()) {
			Province p = byFolded.get(m.group(1));
			taken.add(new int[] { m.start(), m.end() });
			found.putIfAbsent(p.name(), new Mention(p, nfc.substring(m.start(), m.end())));
		}
		// a bare name only counts when written with capitals, as a place name is
		m = bare.matcher(folded);
		while (m.find()) {
			if (Character.isUpperCase(nfc.charAt(m.start())) && free(taken, m.start(), m.end())) {
				Province p = byFolded.get(m.group(1));
				found.putIfAbsent(p.name(), new Mention(p, nfc.substring(m.start(), m.end())));
			}
		}
		if (!VnText.hasDiacritics(nfc)) {
			m = plain.matcher(VnText.key(nfc));
			while (m.find()) {
				Province p = byKey.get(m.group(1));
				found.putIfAbsent(p.name(), new Mention(p, m.group()));
			}
		}
		return new ArrayList<>(found.values());
	}

	private static boolean free(List<int[]> taken, int start, int end) {
		return taken.stream().noneMatch(t -> start < t[1] && t[0] < end);
	}

	/** Lower case and unified tone placement, keeping every character's position. */
	private static String fold(String s) {
		String t = s.toLowerCase(Locale.ROOT);
		StringBuilder sb = new StringBuilder(t);
		Matcher m = Pattern.compile("oá|oà|oả|oã|oạ|uý|uỳ|uỷ|uỹ|uỵ").matcher(t);
		while (m.find()) {
			String r = VnText.fold(m.group());
			sb.replace(m.start(), m.end(), r);
		}
		return sb.toString();
	}
}
