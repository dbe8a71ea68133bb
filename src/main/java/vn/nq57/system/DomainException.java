package vn.nq57.system;

/** A request the domain refuses, with the message (Vietnamese) the user is shown. Nothing is saved. */
public class DomainException extends RuntimeException {

	public DomainException(String message) {
		super(message);
	}
}
