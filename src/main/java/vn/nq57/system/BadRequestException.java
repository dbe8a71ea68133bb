package vn.nq57.system;

/** A request outside what the system accepts (a page past the end, a date range too long): 400 with the message. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}
}
