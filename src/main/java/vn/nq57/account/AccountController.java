package vn.nq57.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

@Controller
class AccountController {

	private final UserService users;
	private final TwoFactor twoFactor;
	private final LoginThrottle throttle;
	private final boolean localEnabled;
	private final boolean ssoEnabled;

	AccountController(UserService users, TwoFactor twoFactor, LoginThrottle throttle,
			@org.springframework.beans.factory.annotation.Value("${nq57.auth.local-enabled:true}") boolean localEnabled,
			org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> clients) {
		this.users = users;
		this.twoFactor = twoFactor;
		this.throttle = throttle;
		this.localEnabled = localEnabled;
		this.ssoEnabled = clients.getIfAvailable() != null;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("localEnabled", localEnabled);
		model.addAttribute("ssoEnabled", ssoEnabled);
		return "account/login";
	}

	/** The identity provider knew the person, but no account here stands for them. */
	@GetMapping("/login/sso-unknown")
	String ssoUnknown() {
		return "account/sso-unknown";
	}

	@GetMapping("/login/totp")
	String totpForm() {
		return "account/totp-login";
	}

	/** The second factor: a code from the app or a recovery code; wrong codes count like wrong passwords. */
	@PostMapping("/login/totp")
	String totpCheck(@RequestParam(required = false) String code, jakarta.servlet.http.HttpServletRequest request,
			RedirectAttributes redirect) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		Object pending = session == null ? null : session.getAttribute(TwoFactorGate.PENDING);
		if (pending == null) {
			return "redirect:/";
		}
		CurrentUser me = AccessPolicy.current();
		String address = SecurityConfig.address(request);
		var wait = throttle.lockedFor(me.username(), address);
		if (wait.isEmpty() && twoFactor.verify((Long) pending, code)) {
			session.removeAttribute(TwoFactorGate.PENDING);
			return "redirect:/";
		}
		var lock = wait.isPresent() ? wait : throttle.failed(me.username(), address, "TOTP");
		if (lock.isPresent()) {
			session.invalidate();
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
			return "redirect:/login?locked=" + LoginThrottle.minutes(lock.get());
		}
		Flash.errorKey(redirect, "account.totp.wrong");
		return "redirect:/login/totp";
	}

	@GetMapping("/account/totp")
	String totpSetup(Model model, jakarta.servlet.http.HttpSession session) {
		CurrentUser me = AccessPolicy.current();
		boolean enrolled = twoFactor.enrolled(me.id());
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("required", twoFactor.requiredFor(me.role()));
		if (enrolled) {
			model.addAttribute("codesLeft", twoFactor.recoveryCodesLeft(me.id()));
		}
		else {
			String secret = (String) session.getAttribute("nq57.totp.secret");
			if (secret == null) {
				secret = Totp.newSecret();
				session.setAttribute("nq57.totp.secret", secret);
			}
			model.addAttribute("secret", secret);
			model.addAttribute("uri", Totp.uri("NQ57 Quảng Ngãi", me.username(), secret));
		}
		return "account/totp";
	}

	@PostMapping("/account/totp")
	String totpEnable(@RequestParam(required = false) String code, jakarta.servlet.http.HttpSession session,
			RedirectAttributes redirect) {
		String secret = (String) session.getAttribute("nq57.totp.secret");
		if (secret == null) {
			return "redirect:/account/totp";
		}
		try {
			java.util.List<String> codes = twoFactor.enable(AccessPolicy.current().id(), secret, code);
			session.removeAttribute("nq57.totp.secret");
			session.removeAttribute(TwoFactorGate.ENROL);
			redirect.addFlashAttribute("recoveryCodes", codes);
			Flash.done(redirect, "account.totp.enabled");
		}
		catch (DomainException e) {
			// beside the code field (the code typed is not kept)
			redirect.addFlashAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, new vn.nq57.system.FieldErrors().reject("code", e.getMessage()));
			Flash.errorKey(redirect, "form.notSaved");
		}
		return "redirect:/account/totp";
	}

	@PostMapping("/account/totp/disable")
	String totpDisable(RedirectAttributes redirect) {
		CurrentUser me = AccessPolicy.current();
		if (twoFactor.requiredFor(me.role())) {
			Flash.errorKey(redirect, "account.totp.requiredCannotDisable");
		}
		else {
			twoFactor.disable(me.id());
			Flash.done(redirect, "account.totp.disabled");
		}
		return "redirect:/account/totp";
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("user", users.find(AccessPolicy.current().id()).orElseThrow());
		return "account/account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(required = false) String current, @RequestParam(required = false) String next,
			@RequestParam(required = false) String confirm,
			RedirectAttributes redirect) {
		try {
			users.changePassword(AccessPolicy.current().id(), current, next, confirm);
			Flash.done(redirect, "flash.account.passwordChanged");
		}
		catch (vn.nq57.system.FieldsRefused e) {
			// each problem beside its field; no password is kept to be shown again (nor put in the session)
			redirect.addFlashAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, e.fields());
			Flash.errorKey(redirect, "form.notSaved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/token")
	String issueToken(@RequestParam(defaultValue = "90") String days,
			@RequestParam(name = "scope", required = false) java.util.List<String> scopes, RedirectAttributes redirect) {
		// the lifetime and the scopes checked together, each problem beside its field, the typed values kept
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		try {
			Integer d = f.check("days", () -> {
				try {
					return Integer.valueOf(days.strip());
				}
				catch (NumberFormatException e) {
					throw new DomainException("Thời hạn của mã truy cập API “" + days.strip() + "” không phải là một số ngày (từ 1 đến 365)");
				}
			});
			String token = users.issueApiToken(AccessPolicy.current().id(), d,
					scopes == null || scopes.isEmpty() ? java.util.List.of("read") : scopes, f);
			redirect.addFlashAttribute("token", token);
			Flash.done(redirect, "flash.account.tokenIssued");
		}
		catch (vn.nq57.system.FieldsRefused e) {
			e.fields().keep("scope", String.join(",", scopes == null ? java.util.List.of() : scopes));
			Flash.refused(redirect, e);
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/token/revoke")
	String revokeToken(RedirectAttributes redirect) {
		users.revokeApiToken(AccessPolicy.current().id());
		Flash.done(redirect, "flash.account.tokenRevoked");
		return "redirect:/account";
	}
}
