package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.nq57.account.Totp;

/** The TOTP algorithm against the test vectors of RFC 6238, Appendix B (eight digits, three hash functions). */
class TotpTest {

	static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
	static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
	static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "T = {0}: {1} / {2} / {3}")
	@CsvSource({
			"59, 94287082, 46119246, 90693936",
			"1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326",
			"1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901",
			"20000000000, 65353130, 77737706, 47863826" })
	@DisplayName("RFC 6238 Appendix B")
	void rfcVectors(long time, String sha1, String sha256, String sha512) {
		long step = Totp.step(time);
		assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
	}

	@Test
	@DisplayName("a Base32 secret gives the same six digits; a code one step away is still taken, two steps not")
	void sixDigitsAndDrift() {
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // Base32 of the RFC's SHA-1 key
		assertThat(Totp.code(secret, Totp.step(59))).isEqualTo("287082");
		assertThat(Totp.matchingStep(secret, "287082", 59 + 30)).isEqualTo(Totp.step(59));
		assertThat(Totp.matchingStep(secret, "287082", 59 + 60)).isEqualTo(-1);
		assertThat(Totp.matchingStep(secret, "abc", 59)).isEqualTo(-1);
		assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
	}
}
