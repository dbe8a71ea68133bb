package vn.nq57.system;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text files people upload (CSV above all): read as UTF-8 strictly, never with replacement characters. A file
 * saved in another encoding (Windows-1258 or TCVN3 from an old Excel, for instance) is refused with the line where
 * it stops being UTF-8, so that no name is silently corrupted. A UTF-16 file with its byte-order mark is read as
 * such; a UTF-8 byte-order mark is dropped.
 */
public final class TextFiles {

	private TextFiles() {
	}

	public static String decode(byte[] bytes) {
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
			return strict(bytes, 2, StandardCharsets.UTF_16LE.newDecoder());
		}
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
			return strict(bytes, 2, StandardCharsets.UTF_16BE.newDecoder());
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		return strict(bytes, start, StandardCharsets.UTF_8.newDecoder());
	}

	private static String strict(byte[] bytes, int start, CharsetDecoder decoder) {
		decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			CharBuffer out = decoder.decode(in);
			String text = out.toString();
			if (text.indexOf('\u0000') >= 0) {
				throw new DomainException("Tệp có ký tự NUL ở dòng " + line(text, text.indexOf('\u0000'))
						+ ": đây không phải tệp văn bản UTF-8 (có thể là tệp nhị phân hoặc UTF-16); chưa nạp dòng nào");
			}
			if (text.indexOf('\uFFFD') >= 0) {
				throw new DomainException("Tệp có ký tự thay thế (�) ở dòng " + line(text, text.indexOf('\uFFFD'))
						+ ": tệp đã hỏng mã hóa trước khi tải lên; chưa nạp dòng nào");
			}
			return text;
		}
		catch (CharacterCodingException e) {
			int at = firstBad(bytes, start);
			throw new DomainException("Tệp không được lưu theo mã hóa UTF-8 (dòng " + lineOfByte(bytes, start, at)
					+ " có ký tự không đọc được; có thể tệp lưu bằng Windows-1258 hoặc TCVN3). Trong Excel hãy chọn "
					+ "“Lưu thành… CSV UTF-8”; chưa nạp dòng nào");
		}
	}

	private static int firstBad(byte[] bytes, int start) {
		CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		var result = d.decode(in, out, true);
		return result.isError() ? in.position() : bytes.length;
	}

	private static int lineOfByte(byte[] bytes, int start, int at) {
		int line = 1;
		for (int i = start; i < Math.min(at, bytes.length); i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int line(String text, int index) {
		int line = 1;
		for (int i = 0; i < index; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}
}
