package vn.nq57.intake;

import vn.nq57.system.DomainException;

/** A file or text that cannot be taken in at all, with the Vietnamese message the user is shown. Nothing is written. */
public class IntakeException extends DomainException {

	public IntakeException(String message) {
		super(message);
	}
}
