package vn.nq57.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226), as authenticator apps compute them: 30-second
 * steps, six digits, HMAC-SHA1 by default. No maintained TOTP library is served from the registry this project
 * builds from, so this is the RFC's algorithm on the JDK's HMAC, tested against the RFC's own test vectors
 * ({@code TotpTest}).
 */
public final class Totp {

	public static final int STEP_SECONDS = 30;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** A new shared secret of 20 random bytes, in Base32 as authenticator apps take it. */
	public static String newSecret() {
		byte[] b = new byte[20];
		RANDOM.nextBytes(b);
		return base32(b);
	}

	/** The time step of an instant given in seconds since the epoch. */
	public static long step(long epochSeconds) {
		return Math.floorDiv(epochSeconds, STEP_SECONDS);
	}

	/** The code of a step, with {@code digits} digits and the HMAC algorithm named as the JDK names it. */
	public static String code(byte[] key, long step, int digits, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, "RAW"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = h[h.length - 1] & 0x0f;
			int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
					| (h[offset + 3] & 0xff);
			int otp = binary % (int) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", otp);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The six-digit HMAC-SHA1 code of a Base32 secret at a step. */
	public static String code(String base32Secret, long step) {
		return code(unbase32(base32Secret), step, 6, "HmacSHA1");
	}

	/**
	 * The step whose code this is, looking one step either side for clocks that drift; -1 when none matches. A
	 * constant-time comparison, so timing tells nothing.
	 */
	public static long matchingStep(String base32Secret, String typed, long epochSeconds) {
		if (typed == null) {
			return -1;
		}
		String t = typed.replace(" ", "").strip();
		if (!t.matches("\\d{6}")) {
			return -1;
		}
		long now = step(epochSeconds);
		for (long s = now - 1; s <= now + 1; s++) {
			if (java.security.MessageDigest.isEqual(code(base32Secret, s).getBytes(), t.getBytes())) {
				return s;
			}
		}
		return -1;
	}

	/** The otpauth:// address an authenticator app reads (typed in or shown as a QR code). */
	public static String uri(String issuer, String account, String base32Secret) {
		String enc = java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		String acc = java.net.URLEncoder.encode(account, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + enc + ":" + acc + "?secret=" + base32Secret + "&issuer=" + enc
				+ "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
	}

	static String base32(byte[] data) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] unbase32(String s) {
		String t = s.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(t.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : t.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not Base32: " + c);
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) ((buffer >> (bits - 8)) & 0xff));
				bits -= 8;
			}
		}
		return java.util.Arrays.copyOf(out.array(), out.position());
	}
}
