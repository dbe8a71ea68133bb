package vn.nq57.account;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

import vn.nq57.system.Settings;

/**
 * The Content-Security-Policy, built from the configuration: no inline script and no inline style anywhere (bars
 * are classes, {@code kernel.VnFormat#w}); images from this site, {@code data:} and — when the map has a base
 * layer — its tile server (the map's setting {@code map.tile-url}, read at most every {@code nq57.csp.refresh-seconds} (30) and kept when the
 * database is away) plus any origin in {@code nq57.csp.img-src}. No page may be framed ({@code frame-ancestors 'none'})
 * except the public pages ({@code /public/**}), which the province's portal embeds: those may be framed by this site
 * and the origins of {@code nq57.public.frame-ancestors} (default {@code https://*.gov.vn}, the government portals).
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	/** The map module's setting of its base layer (vn.nq57.map.MapSettings#TILE_URL). */
	static final String TILE_URL = "map.tile-url";

	private final long refreshNanos;

	private final Settings settings;

	private final String extraImages;

	private final String publicAncestors;

	private volatile String policy;

	private volatile long readAt;

	ContentSecurityPolicy(Settings settings, String extraImages, int refreshSeconds, String publicFrameAncestors) {
		this.settings = settings;
		this.publicAncestors = ancestors(publicFrameAncestors);
		this.refreshNanos = refreshSeconds * 1_000_000_000L;
		this.extraImages = extraImages == null ? "" : extraImages.strip();
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, current() + "; frame-ancestors "
					+ (isPublic(request) ? publicAncestors : "'none'"));
		}
	}

	String current() {
		long now = System.nanoTime();
		String p = policy;
		if (p == null || now - readAt >= refreshNanos) {
			String tiles = null;
			try {
				tiles = settings.get(TILE_URL, "");
			}
			catch (RuntimeException e) {
				// the database is away: keep what was read last
				if (p != null) {
					return p;
				}
			}
			p = build(tiles, extraImages);
			policy = p;
			readAt = now;
		}
		return p;
	}

	/** The pages the portal may embed: {@code /public} and below. */
	static boolean isPublic(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/public") || path.startsWith("/public/");
	}

	/** {@code 'self'} and each http(s) origin of the setting (anything else dropped). */
	static String ancestors(String origins) {
		Set<String> all = new LinkedHashSet<>();
		all.add("'self'");
		addOrigins(all, origins);
		return String.join(" ", all);
	}

	/** Each http(s) origin of a list separated by spaces or commas; anything a CSP source cannot name is dropped. */
	private static void addOrigins(Set<String> sources, String list) {
		if (list != null) {
			for (String o : list.split("[\\s,]+")) {
				String origin = origin(o);
				if (origin != null) {
					sources.add(origin);
				}
			}
		}
	}

	static String build(String tileUrl, String extraImages) {
		Set<String> images = new LinkedHashSet<>();
		images.add("'self'");
		images.add("data:");
		String tiles = origin(tileUrl);
		if (tiles != null) {
			images.add(tiles);
		}
		addOrigins(images, extraImages);
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + String.join(" ", images)
				+ "; object-src 'none'; base-uri 'self'; form-action 'self'";
	}

	/**
	 * {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} → {@code https://*.tile.example.org}; null for anything
	 * that is not an http(s) address a CSP source can name.
	 */
	static String origin(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String u = url.strip();
		String host = u.replaceFirst("^https?://", "");
		if (host.equals(u)) {
			return null;
		}
		String scheme = u.substring(0, u.length() - host.length() - 3);
		int end = host.indexOf('/');
		host = end < 0 ? host : host.substring(0, end);
		host = host.replaceFirst("^\\{[a-z]+}\\.", "*.");
		if (!host.matches("(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
			return null;
		}
		try {
			URI.create(scheme + "://" + host.replace("*.", "x."));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		return scheme + "://" + host;
	}
}
