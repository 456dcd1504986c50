package org.heatdesk.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of the staff module: look people up, and (for administrators) create accounts,
 * change roles, deactivate, reset passwords and unlock. Every change is audited; nobody is ever
 * deleted.
 */
@Service
public class Staff {

	private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,49}");

	private static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9-]{1,30}");

	private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,20}");

	private final StaffRepository repository;

	private final StaffDirectory directory;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	Staff(StaffRepository repository, StaffDirectory directory, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.directory = directory;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an administrator fills in for a new account. */
	public record NewStaff(String username, String displayName, String employeeNo, Long teamId, String extension,
			Set<Role> roles, String password) {
	}

	/** An administrator's change of someone's profile and roles, made against {@code version}. */
	public record StaffChange(long id, int version, String displayName, Long teamId, String extension, Set<Role> roles) {
	}

	// The three lookups below are the one cache of staff (StaffDirectory): cheap enough to call per
	// event or request, current at once after a change made here, within seconds after one elsewhere.

	/** The staff member with this id, active or not. */
	public Optional<StaffView> find(long id) {
		return directory.byId(id).map(StaffRepository.Account::view);
	}

	/** The staff member with this user name, active or not. */
	public Optional<StaffView> findByUsername(String username) {
		return directory.byUsername(username).map(StaffRepository.Account::view);
	}

	/** The active staff member at telephone extension {@code extension}, if any. */
	public Optional<StaffView> byExtension(String extension) {
		return directory.byExtension(extension).map(StaffRepository.Account::view);
	}

	private Optional<StaffView> stored(long id) {
		return repository.findAccount(id).map(StaffRepository.Account::view);
	}

	/** Active staff holding {@code role}. */
	@Transactional(readOnly = true)
	public List<StaffView> withRole(Role role) {
		return repository.findAll(null, role, true).stream().map(StaffRepository.Account::view).toList();
	}

	@Transactional(readOnly = true)
	public List<TeamView> teams() {
		return repository.teams();
	}

	@Transactional(readOnly = true)
	List<StaffRepository.Account> search(String query, Role role, Boolean active) {
		return repository.findAll(query, role, active);
	}

	@Transactional(readOnly = true)
	Optional<StaffRepository.Account> account(long id) {
		return repository.findAccount(id);
	}

	/**
	 * Creates an account.
	 * @throws HeatDeskException for a malformed or taken username, employee number or extension,
	 * no role, or a password that breaks the policy
	 */
	@Transactional
	public StaffView create(NewStaff request) {
		String username = InputChecks.trim(request.username());
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw HeatDeskException.badInput("STAFF_USERNAME_FORMAT", "username");
		}
		String displayName = InputChecks.required(request.displayName(), "displayName", 60);
		String employeeNo = InputChecks.trim(request.employeeNo());
		if (employeeNo == null || !EMPLOYEE_NO.matcher(employeeNo).matches()) {
			throw HeatDeskException.badInput("STAFF_EMPLOYEE_NO_FORMAT", "employeeNo");
		}
		String extension = checkExtension(request.extension(), 0);
		Set<Role> roles = checkRoles(request.roles());
		Long teamId = checkTeam(request.teamId());
		PasswordPolicy.check(request.password(), "password");
		if (repository.usernameTaken(username)) {
			throw HeatDeskException.badInput("STAFF_USERNAME_TAKEN", "username", username);
		}
		if (repository.employeeNoTaken(employeeNo)) {
			throw HeatDeskException.badInput("STAFF_EMPLOYEE_NO_TAKEN", "employeeNo", employeeNo);
		}
		long id = repository.insert(username, displayName, employeeNo, teamId, extension,
				encoder.encode(request.password()), clock.instant());
		repository.replaceRoles(id, roles);
		StaffView created = stored(id).orElseThrow();
		audit.record("STAFF_CREATED", "staff", id, null, snapshot(created));
		return created;
	}

	/**
	 * Changes profile and roles; refused when someone else changed the account first.
	 * @throws HeatDeskException {@code CONCURRENT_CHANGE} on a stale version
	 */
	@Transactional
	public StaffView change(StaffChange change) {
		StaffView before = stored(change.id()).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		String displayName = InputChecks.required(change.displayName(), "displayName", 60);
		String extension = checkExtension(change.extension(), change.id());
		Set<Role> roles = checkRoles(change.roles());
		Long teamId = checkTeam(change.teamId());
		if (!repository.updateProfile(change.id(), change.version(), displayName, teamId, extension)) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
		repository.replaceRoles(change.id(), roles);
		StaffView after = stored(change.id()).orElseThrow();
		audit.record("STAFF_CHANGED", "staff", change.id(), snapshot(before), snapshot(after));
		if (!before.roles().equals(after.roles())) {
			audit.record("ROLES_CHANGED", "staff", change.id(), Map.of("roles", before.roles()),
					Map.of("roles", after.roles()));
		}
		return after;
	}

	@Transactional
	public void deactivate(long id) {
		StaffView staff = stored(id).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		if (staff.username().equals(AuditTrail.currentActor())) {
			throw HeatDeskException.conflict("STAFF_CANNOT_DEACTIVATE_SELF");
		}
		if (!staff.active()) {
			throw HeatDeskException.conflict("STAFF_ALREADY_INACTIVE");
		}
		repository.setActive(id, false);
		audit.record("STAFF_DEACTIVATED", "staff", id, Map.of("active", true), Map.of("active", false));
	}

	@Transactional
	public void reactivate(long id) {
		StaffView staff = stored(id).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		if (staff.active()) {
			throw HeatDeskException.conflict("STAFF_ALREADY_ACTIVE");
		}
		repository.setActive(id, true);
		audit.record("STAFF_REACTIVATED", "staff", id, Map.of("active", false), Map.of("active", true));
	}

	/** Sets a new password chosen by an administrator; also lifts any lock. */
	@Transactional
	public void resetPassword(long id, String password) {
		stored(id).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		PasswordPolicy.check(password, "password");
		repository.setPassword(id, encoder.encode(password), clock.instant());
		audit.record("PASSWORD_RESET", "staff", id, null, Map.of("by", AuditTrail.currentActor()));
	}

	@Transactional
	public void unlock(long id) {
		StaffRepository.Account account = repository.findAccount(id)
			.orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		repository.unlock(id);
		audit.record("ACCOUNT_UNLOCKED", "staff", id,
				Map.of("lockedUntil", String.valueOf(account.lockedUntil()), "failedLogins", account.failedLogins()),
				Map.of("lockedUntil", "", "failedLogins", 0));
	}

	/** Whether the account is locked now. */
	boolean locked(StaffRepository.Account account) {
		return account.lockedUntil() != null && clock.instant().isBefore(account.lockedUntil());
	}

	@Transactional
	public TeamView createTeam(String code, String name) {
		String c = InputChecks.required(code, "code", 20);
		String n = InputChecks.required(name, "name", 60);
		long id = repository.insertTeam(c, n);
		audit.record("TEAM_CREATED", "staff_team", id, null, Map.of("code", c, "name", n));
		return repository.team(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public long count() {
		return repository.count();
	}

	void recordLogin(String username, Instant at) {
		repository.findAccount(username).ifPresent(a -> {
			repository.recordSuccess(a.view().id(), at);
			audit.record("LOGIN", "staff", a.view().id(), null, Map.of("username", username));
		});
	}

	private Set<Role> checkRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw HeatDeskException.badInput("STAFF_ROLE_REQUIRED", "roles");
		}
		return EnumSet.copyOf(roles);
	}

	private Long checkTeam(Long teamId) {
		if (teamId != null && repository.team(teamId).isEmpty()) {
			throw HeatDeskException.badInput("STAFF_TEAM_UNKNOWN", "teamId");
		}
		return teamId;
	}

	private String checkExtension(String extension, long id) {
		String e = InputChecks.trim(extension);
		if (e == null) {
			return null;
		}
		if (!EXTENSION.matcher(e).matches()) {
			throw HeatDeskException.badInput("STAFF_EXTENSION_FORMAT", "extension");
		}
		if (repository.extensionTaken(e, id)) {
			throw HeatDeskException.badInput("STAFF_EXTENSION_TAKEN", "extension", e);
		}
		return e;
	}

	private static Map<String, Object> snapshot(StaffView s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", s.username());
		m.put("displayName", s.displayName());
		m.put("employeeNo", s.employeeNo());
		m.put("team", s.teamName());
		m.put("extension", s.extension());
		m.put("active", s.active());
		m.put("roles", s.roles());
		return m;
	}
}
