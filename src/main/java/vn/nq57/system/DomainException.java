package vn.nq57.system;

/**
 * A request the domain refuses, with the message (Vietnamese) the user is shown. Nothing is saved. When the
 * refusal is about one field of a form, {@link #field()} names it, so the page shows the message beside it.
 */
public class DomainException extends RuntimeException {

	private final String field;

	public DomainException(String message) {
		this(null, message);
	}

	public DomainException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field the refusal is about, or {@code null}. */
	public String field() {
		return field;
	}
}
