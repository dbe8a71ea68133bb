package vn.nq57.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.nq57.agency.AgencyKind;

/**
 * Resolves the agency names a document writes to the registry: by name or alias first (case, accents and
 * spacing ignored), then with the usual abbreviations written out and "tỉnh Quảng Ngãi" dropped, then
 * allowing a small typo. Also splits cells that join several agencies with ";", "," or "và" (while keeping
 * "Sở Văn hóa, Thể thao và Du lịch" whole), reads the accountable head's title, and finds agencies named in
 * the prose of a notice. Built from a snapshot of the registry for one analysis; plain Java.
 */
final class AgencyMatcher {

	/** How a name was understood. */
	enum How {
		/** A name or alias of the registry, as written (case, accents, spacing aside). */
		EXACT,
		/** The same name once abbreviations are written out or the province's name dropped. */
		NORMALISED,
		/** Close to a registry name but not equal: a typo, reported as such. */
		FUZZY,
		/** Not in the registry. */
		UNKNOWN
	}

	/** One agency of the registry with every name it is known by. */
	record Entry(long id, String name, AgencyKind kind, List<String> names) {
	}

	/**
	 * A name as written and what it was understood as.
	 * @param suggestion for a misspelt name, how the registry spells it; otherwise {@code null}
	 */
	record Match(String text, Long agencyId, String agencyName, How how, String suggestion, boolean collective) {

		boolean known() {
			return agencyId != null;
		}
	}

	/** An accountable head: the title as written, its dictionary spelling, and the agency it names. */
	record Head(String text, String title, String titleSuggestion, Match agency) {
	}

	/** An agency named inside prose, at token positions [start, end). */
	record Mention(long agencyId, String agencyName, int start, int end, String text) {
	}

	/** Titles of accountable heads, as the documents spell them. */
	static final List<String> TITLES = List.of("Người đứng đầu", "Thủ trưởng", "Phó Chủ tịch", "Chủ tịch",
			"Phó Giám đốc", "Tổng Giám đốc", "Giám đốc", "Phó Trưởng ban", "Trưởng ban", "Phó Trưởng", "Trưởng",
			"Chánh Văn phòng", "Chánh", "Hiệu trưởng", "Phó Hiệu trưởng", "Bí thư", "Tổng Biên tập",
			"Chỉ huy trưởng", "Viện trưởng", "Chủ nhiệm", "Lãnh đạo");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[;\\n]+\\s*");

	private static final Pattern SOFT_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+và\\s+|\\s+&\\s+");

	private static final Pattern EDGE = Pattern.compile("^[\\s\\-–+•*.,;:()]+|[\\s\\-–+•*.,;:()]+$");

	private static final List<String> PLACE_SUFFIXES = List.of(" tinh quang ngai", " quang ngai", " tinh");

	// words an agency's name starts with: only such names are looked for inside prose
	private static final Set<String> AGENCY_WORDS = Set.of("so", "ban", "uy", "cong", "bo", "van", "truong", "dai",
			"bao", "lien", "buu", "vnpt", "viettel", "mobifone", "dac", "xa", "phuong", "cac", "nganh", "hoi", "trung");

	private final Map<Long, Entry> byId = new HashMap<>();

	private final Map<String, Long> byKey = new HashMap<>();

	private final Map<String, String> spellingByKey = new HashMap<>();

	private final Map<String, Long> byCanonical = new HashMap<>();

	private final Set<String> ambiguousCanonical = new HashSet<>();

	private final Map<String, List<Object[]>> prose = new HashMap<>();

	private final Map<String, Match> cache = new HashMap<>();

	AgencyMatcher(List<Entry> entries) {
		for (Entry e : entries) {
			byId.put(e.id(), e);
			for (String n : e.names()) {
				String k = VnText.key(n);
				if (k.isEmpty()) {
					continue;
				}
				byKey.putIfAbsent(k, e.id());
				spellingByKey.putIfAbsent(k, VnText.oneLine(n));
				String c = VnText.canonical(n);
				Long other = byCanonical.putIfAbsent(c, e.id());
				if (other != null && other != e.id()) {
					ambiguousCanonical.add(c);
				}
				indexForProse(e, n);
			}
		}
	}

	private void indexForProse(Entry e, String name) {
		List<String> tokens = VnText.canonicalTokens(name);
		if (tokens.size() < 2 || !AGENCY_WORDS.contains(tokens.get(0))) {
			return;
		}
		prose.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Object[] { tokens, e.id() });
		// "ngành Khoa học và Công nghệ" names the department of that sector
		if (e.kind() == AgencyKind.DEPARTMENT && tokens.get(0).equals("so") && tokens.size() > 2) {
			List<String> sector = new ArrayList<>(tokens);
			sector.set(0, "nganh");
			prose.computeIfAbsent("nganh", k -> new ArrayList<>()).add(new Object[] { sector, e.id() });
		}
	}

	Entry entry(long id) {
		return byId.get(id);
	}

	/**
	 * The registry entries nearest an unknown name, best first, at most {@code limit}: how many of the name's words
	 * (abbreviations written out, accents aside) an entry's name or alias shares, counted both ways (Dice), with
	 * a little credit for words a letter or two apart ("Sở Du lịch" is near "Sở Văn hóa, Thể thao và Du lịch"). A
	 * collective is proposed for a collective wording ("Các …") and only then. Entries sharing nothing are left out.
	 */
	List<Preview.Suggestion> suggestions(String written, int limit) {
		List<String> w = VnText.canonicalTokens(written);
		if (w.isEmpty()) {
			return List.of();
		}
		boolean collectiveWording = w.get(0).equals("cac") || w.contains("cac");
		Map<Long, Double> best = new HashMap<>();
		for (Entry e : byId.values()) {
			if ((e.kind() == AgencyKind.COLLECTIVE) != collectiveWording) {
				continue;
			}
			for (String n : e.names()) {
				List<String> t = VnText.canonicalTokens(n);
				if (t.isEmpty()) {
					continue;
				}
				double common = 0;
				List<String> rest = new ArrayList<>(t);
				for (String x : w) {
					if (rest.remove(x)) {
						common += 1;
					}
					else if (x.length() >= 4) {
						for (String y : rest) {
							if (y.length() >= 4 && distance(x, y, 1) <= 1) {
								rest.remove(y);
								common += 0.5;
								break;
							}
						}
					}
				}
				double score = 2 * common / (w.size() + t.size());
				best.merge(e.id(), score, Math::max);
			}
		}
		return best.entrySet().stream().filter(x -> x.getValue() > 0.2)
			.sorted(Map.Entry.<Long, Double>comparingByValue().reversed()
				.thenComparing(x -> byId.get(x.getKey()).name()))
			.limit(limit)
			.map(x -> new Preview.Suggestion(x.getKey(), byId.get(x.getKey()).name(), (int) Math.round(x.getValue() * 100)))
			.toList();
	}

	/** Every name and alias in the registry. */
	List<String> allNames() {
		return byId.values().stream().flatMap(e -> e.names().stream()).toList();
	}

	/** One agency name. */
	Match resolve(String written) {
		String text = EDGE.matcher(VnText.oneLine(written == null ? "" : written)).replaceAll("");
		return cache.computeIfAbsent(text, this::resolveUncached);
	}

	private Match resolveUncached(String text) {
		if (text.isEmpty()) {
			return new Match(text, null, null, How.UNKNOWN, null, false);
		}
		String k = VnText.key(text);
		Long id = byKey.get(k);
		if (id != null) {
			String spelt = spellingByKey.get(k);
			// a wrong accent: the same letters with other marks; a name written with other words ("phường và đặc
			// khu" for "phường, đặc khu") is not misspelt
			boolean misspelt = VnText.hasDiacritics(text) && !letters(VnText.fold(text)).equals(letters(VnText.fold(spelt)))
					&& letters(VnText.foldAccents(text)).equals(letters(VnText.foldAccents(spelt)));
			return match(text, id, How.EXACT, misspelt ? spelt : null);
		}
		String c = VnText.canonical(text);
		Long normalised = canonical(c);
		if (normalised == null) {
			for (String suffix : PLACE_SUFFIXES) {
				if (c.endsWith(suffix)) {
					normalised = canonical(c.substring(0, c.length() - suffix.length()));
					if (normalised != null) {
						break;
					}
				}
			}
		}
		if (normalised != null) {
			return match(text, normalised, How.NORMALISED, null);
		}
		Long fuzzy = fuzzy(c);
		if (fuzzy != null) {
			return match(text, fuzzy, How.FUZZY, byId.get(fuzzy).name());
		}
		return new Match(text, null, null, How.UNKNOWN, null, false);
	}

	private static String letters(String s) {
		return s.replaceAll("[^\\p{L}\\p{N}& ]", "").replaceAll(" +", " ").strip();
	}

	private Long canonical(String c) {
		return ambiguousCanonical.contains(c) ? null : byCanonical.get(c);
	}

	private Match match(String text, long id, How how, String suggestion) {
		Entry e = byId.get(id);
		return new Match(text, id, e.name(), how, suggestion, e.kind() == AgencyKind.COLLECTIVE);
	}

	/** The one registry name within a typo or two of {@code c}; none when two agencies are equally close. */
	private Long fuzzy(String c) {
		if (c.length() < 8) {
			return null;
		}
		int limit = c.length() >= 30 ? 3 : c.length() >= 16 ? 2 : 1;
		int best = Integer.MAX_VALUE;
		Long bestId = null;
		boolean tie = false;
		for (Map.Entry<String, Long> e : byCanonical.entrySet()) {
			String candidate = e.getKey();
			if (Math.abs(candidate.length() - c.length()) > limit || candidate.length() < 8) {
				continue;
			}
			int d = distance(c, candidate, limit);
			if (d < best) {
				best = d;
				bestId = e.getValue();
				tie = false;
			}
			else if (d == best && !e.getValue().equals(bestId)) {
				tie = true;
			}
		}
		return best <= limit && !tie ? bestId : null;
	}

	/** Optimal-string-alignment distance (a swap of two letters counts once), giving up beyond {@code limit}. */
	static int distance(String a, String b, int limit) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > limit) {
			return limit + 1;
		}
		int[] prev2 = new int[m + 1];
		int[] prev = new int[m + 1];
		int[] cur = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			cur[0] = i;
			int rowMin = cur[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					v = Math.min(v, prev2[j - 2] + 1);
				}
				cur[j] = v;
				rowMin = Math.min(rowMin, v);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
		return prev[m];
	}

	/**
	 * A cell naming one or more agencies: split on ";" and line breaks, then on "," and "và" only where the
	 * pieces are themselves agencies ("Sở Văn hóa, Thể thao và Du lịch" and "Các sở, ban, ngành, địa phương"
	 * stay whole).
	 */
	List<Match> resolveList(String cell) {
		List<Match> out = new ArrayList<>();
		if (cell == null || cell.isBlank()) {
			return out;
		}
		for (String part : LIST_SEPARATOR.split(VnText.clean(cell))) {
			String p = EDGE.matcher(part).replaceAll("");
			if (p.isEmpty()) {
				continue;
			}
			Match whole = resolve(p);
			if (whole.known()) {
				out.add(whole);
				continue;
			}
			List<Match> pieces = split(p);
			out.addAll(pieces.stream().anyMatch(Match::known) ? pieces : List.of(whole));
		}
		// the same agency named twice in one cell counts once
		Map<String, Match> unique = new LinkedHashMap<>();
		for (Match m : out) {
			unique.putIfAbsent(m.known() ? "#" + m.agencyId() : VnText.key(m.text()), m);
		}
		return new ArrayList<>(unique.values());
	}

	/** The split into the fewest unknown and then the fewest pieces. */
	private List<Match> split(String part) {
		List<String> tokens = new ArrayList<>();
		List<String> seps = new ArrayList<>();
		Matcher m = SOFT_SEPARATOR.matcher(part);
		int last = 0;
		while (m.find()) {
			tokens.add(part.substring(last, m.start()));
			seps.add(m.group());
			last = m.end();
		}
		tokens.add(part.substring(last));
		int n = tokens.size();
		if (n > 24) {
			return List.of(resolve(part));
		}
		int[] cost = new int[n + 1];
		int[] from = new int[n + 1];
		Match[] piece = new Match[n + 1];
		java.util.Arrays.fill(cost, Integer.MAX_VALUE);
		cost[0] = 0;
		for (int j = 1; j <= n; j++) {
			for (int i = 0; i < j; i++) {
				if (cost[i] == Integer.MAX_VALUE) {
					continue;
				}
				StringBuilder sb = new StringBuilder(tokens.get(i));
				for (int t = i + 1; t < j; t++) {
					sb.append(seps.get(t - 1)).append(tokens.get(t));
				}
				Match candidate = resolve(sb.toString());
				int c = cost[i] + (candidate.known() ? 1 : 100);
				if (c < cost[j]) {
					cost[j] = c;
					from[j] = i;
					piece[j] = candidate;
				}
			}
		}
		List<Match> out = new ArrayList<>();
		for (int j = n; j > 0; j = from[j]) {
			out.add(0, piece[j]);
		}
		return out;
	}

	/** The accountable head(s): "Giám đốc Sở X", "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã". */
	List<Head> heads(String cell) {
		List<Head> out = new ArrayList<>();
		if (cell == null || cell.isBlank()) {
			return out;
		}
		for (String part : LIST_SEPARATOR.split(VnText.clean(cell))) {
			String p = EDGE.matcher(part).replaceAll("");
			if (!p.isEmpty()) {
				out.add(head(p));
			}
		}
		return out;
	}

	private Head head(String text) {
		String[] words = text.split(" ");
		String k = VnText.key(text);
		Head unresolved = null;
		Head fuzzy = null;
		List<String> byLength = new ArrayList<>(TITLES);
		byLength.sort(Comparator.comparingInt(String::length));
		for (String title : byLength) {
			String tk = VnText.key(title);
			if (!(k.equals(tk) || k.startsWith(tk + " "))) {
				continue;
			}
			int n = tk.split(" ").length;
			String written = String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(n, words.length)));
			String rest = String.join(" ", java.util.Arrays.copyOfRange(words, Math.min(n, words.length), words.length));
			String suggestion = VnText.hasDiacritics(written) && !VnText.fold(written).equals(VnText.fold(title)) ? title
					: null;
			Match agency = rest.isBlank() ? null : resolve(rest);
			if (agency != null && agency.known() && agency.how() != How.FUZZY) {
				return new Head(text, title, suggestion, agency);
			}
			if (agency != null && agency.known() && fuzzy == null) {
				// "Trưởng ba Ban Quản lý …": a title and a loosely matched name may be a slip in a longer title
				fuzzy = new Head(text, title, suggestion, agency);
				continue;
			}
			if (unresolved == null || title.length() > unresolved.title().length()) {
				unresolved = new Head(text, title, suggestion, agency);
			}
		}
		Head loose = looseTitle(text, words);
		if (loose != null && (fuzzy == null || loose.agency().how() != How.FUZZY)) {
			return loose;
		}
		if (fuzzy != null) {
			return fuzzy;
		}
		if (unresolved != null) {
			return unresolved;
		}
		Match whole = resolve(text);
		return new Head(text, null, null, whole.known() ? whole : null);
	}

	/**
	 * A title typed with a slip ("Gám đốc", "Giám đốt", "Chủ tịc", "Trưởng ba") before a name the registry knows:
	 * matched within a letter or two (on the accent-free form) to the titles that agency's head has, and proposed
	 * as the correction. Only the agency's own titles are tried, so "Giám đố Sở Y tế" is "Giám đốc" and never
	 * "Chánh" or "Trưởng ban".
	 */
	private Head looseTitle(String text, String[] words) {
		Head best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (int n = 1; n <= Math.min(3, words.length - 1); n++) {
			String written = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
			String wk = VnText.key(written);
			if (wk.length() < 3) {
				continue;
			}
			Match agency = resolve(String.join(" ", java.util.Arrays.copyOfRange(words, n, words.length)));
			if (!agency.known()) {
				continue;
			}
			for (String title : titlesOf(byId.get(agency.agencyId()))) {
				String tk = VnText.key(title);
				int limit = tk.length() >= 8 ? 2 : 1;
				int d = distance(wk, tk, limit);
				if (d > 0 && d <= limit && d < bestDistance) {
					bestDistance = d;
					best = new Head(text, title, title, agency);
				}
			}
		}
		return best;
	}

	/** The titles the head of an agency has: a department's Giám đốc, a board's Trưởng ban, a commune's Chủ tịch. */
	static List<String> titlesOf(Entry e) {
		String k = VnText.key(e.name());
		if (e.kind() == AgencyKind.COLLECTIVE) {
			return List.of("Thủ trưởng", "Người đứng đầu", "Chủ tịch", "Lãnh đạo");
		}
		if (e.kind() == AgencyKind.COMMUNE || k.startsWith("uy ban")) {
			return List.of("Chủ tịch", "Phó Chủ tịch");
		}
		if (k.startsWith("so ") || k.startsWith("cong an") || k.startsWith("buu dien")) {
			return List.of("Giám đốc", "Phó Giám đốc");
		}
		if (k.startsWith("ban ")) {
			return List.of("Trưởng ban", "Phó Trưởng ban", "Trưởng");
		}
		if (k.startsWith("van phong")) {
			return List.of("Chánh Văn phòng", "Chánh");
		}
		if (k.startsWith("truong ")) {
			return List.of("Hiệu trưởng", "Phó Hiệu trưởng");
		}
		if (k.startsWith("bo chi huy")) {
			return List.of("Chỉ huy trưởng");
		}
		if (k.startsWith("bao ") || k.startsWith("dai ")) {
			return List.of("Tổng Biên tập", "Giám đốc");
		}
		return TITLES;
	}

	/**
	 * Agencies named in prose, longest names first and without overlaps. {@code local} adds the short names a
	 * document defines for itself ("Ban Quản lý Khu Kinh tế … (Ban Quản lý)").
	 */
	List<Mention> mentions(String text, Map<String, Long> local) {
		List<String> tokens = VnText.canonicalTokens(text);
		Map<String, List<Object[]>> index = new HashMap<>(prose);
		if (local != null) {
			for (Map.Entry<String, Long> e : local.entrySet()) {
				List<String> t = VnText.canonicalTokens(e.getKey());
				if (!t.isEmpty()) {
					index.computeIfAbsent(t.get(0), x -> new ArrayList<>()).add(new Object[] { t, e.getValue() });
				}
			}
		}
		List<Mention> out = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			List<Object[]> candidates = index.get(tokens.get(i));
			Object[] best = null;
			if (candidates != null) {
				for (Object[] c : candidates) {
					@SuppressWarnings("unchecked")
					List<String> name = (List<String>) c[0];
					if (i + name.size() <= tokens.size() && tokens.subList(i, i + name.size()).equals(name)
							&& (best == null || name.size() > ((List<?>) best[0]).size())) {
						best = c;
					}
				}
			}
			if (best == null) {
				i++;
				continue;
			}
			int len = ((List<?>) best[0]).size();
			long id = (Long) best[1];
			out.add(new Mention(id, byId.get(id).name(), i, i + len, String.join(" ", tokens.subList(i, i + len))));
			i += len;
		}
		return out;
	}
}
