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
 * database is away) plus any origin in {@code nq57.csp.img-src}.
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	/** The map module's setting of its base layer (vn.nq57.map.MapSettings#TILE_URL). */
	static final String TILE_URL = "map.tile-url";

	private final long refreshNanos;

	private final Settings settings;

	private final String extraImages;

	private volatile String policy;

	private volatile long readAt;

	ContentSecurityPolicy(Settings settings, String extraImages, int refreshSeconds) {
		this.settings = settings;
		this.refreshNanos = refreshSeconds * 1_000_000_000L;
		this.extraImages = extraImages == null ? "" : extraImages.strip();
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, current());
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

	static String build(String tileUrl, String extraImages) {
		Set<String> images = new LinkedHashSet<>();
		images.add("'self'");
		images.add("data:");
		String tiles = origin(tileUrl);
		if (tiles != null) {
			images.add(tiles);
		}
		if (extraImages != null) {
			for (String o : extraImages.split("[\\s,]+")) {
				String origin = origin(o);
				if (origin != null) {
					images.add(origin);
				}
			}
		}
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + String.join(" ", images)
				+ "; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
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
