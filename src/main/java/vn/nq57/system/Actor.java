package vn.nq57.system;

/** Who is acting, as the audit trail records it; the signed-in user's principal implements it. */
public interface Actor {

	Long id();

	String displayName();
}
