/**
 * Accounts: users, roles, login and who may do what ({@code AccessPolicy}). Owns {@code app_user}; publishes the
 * view {@code app_user_view}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agency", "system", "kernel" })
package vn.nq57.account;
