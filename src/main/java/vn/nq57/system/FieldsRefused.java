package vn.nq57.system;

/**
 * A refusal of several fields of one form at once: the message sums them up, {@link #fields()} has each on its
 * field, for the page to show beside it ({@code fields :: error(name)}).
 */
public class FieldsRefused extends DomainException {

	private final FieldErrors fields;

	public FieldsRefused(String message, FieldErrors fields) {
		super(message);
		this.fields = fields;
	}

	public FieldErrors fields() {
		return fields;
	}
}
