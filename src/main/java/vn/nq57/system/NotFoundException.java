package vn.nq57.system;


public class NotFoundException extends DomainException {

	public NotFoundException(String message) {
		super(message);
	}
}
