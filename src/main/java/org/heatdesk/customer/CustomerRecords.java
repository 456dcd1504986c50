package org.heatdesk.customer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.network.Network;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer pages do: open a customer (logged), reveal phones (with a reason, logged),
 * create and change customers, contracts and templates, the access log and the contract report.
 * Every change is recorded in the audit trail.
 */
@Service
class CustomerRecords {

	private final CustomerRepository repository;

	private final Customers customers;

	private final Network network;

	private final AuditTrail audit;

	CustomerRecords(CustomerRepository repository, Customers customers, Network network, AuditTrail audit) {
		this.repository = repository;
		this.customers = customers;
		this.network = network;
		this.audit = audit;
	}

	/** A customer page: the masked view, the stored row for the edit form, the contracts. */
	record Details(CustomerView view, CustomerRow row, List<CustomerRepository.ContractRow> contracts,
			CustomerRepository.ContractRow current) {
	}

	/**
	 * Opens the customer page and records the view in the access log.
	 * @throws HeatDeskException {@code CUSTOMER_NOT_FOUND}
	 */
	@Transactional
	Details open(long id, String purpose) {
		CustomerRow row = repository.find(id).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		customers.logAccess(id, purpose, null);
		return details(row);
	}

	/** The stored customer for the edit form; only for roles that may edit (no access log entry). */
	@Transactional(readOnly = true)
	Optional<CustomerRow> row(long id) {
		return repository.find(id);
	}

	private Details details(CustomerRow row) {
		List<CustomerRepository.ContractRow> contracts = repository.contracts(row.id());
		LocalDate today = customers.today();
		var current = contracts.stream().filter(k -> k.currentOn(today)).findFirst().orElse(null);
		return new Details(row.view(Customers.masking()), row, contracts, current);
	}

	/**
	 * The customer's full phones, for a user whose role may reveal them, with a reason that goes to
	 * the access log.
	 * @throws HeatDeskException {@code CUSTOMER_REVEAL_FORBIDDEN}, {@code CUSTOMER_REVEAL_REASON_REQUIRED}
	 */
	@Transactional
	List<String> revealPhones(long id, String reason) {
		if (!Masking.mayReveal(Customers.currentRoles())) {
			throw HeatDeskException.forbidden("CUSTOMER_REVEAL_FORBIDDEN");
		}
		String r = InputChecks.trim(reason);
		if (r == null || r.length() < 2) {
			throw HeatDeskException.badInput("CUSTOMER_REVEAL_REASON_REQUIRED", "reason");
		}
		if (r.length() > 300) {
			throw HeatDeskException.badInput("TOO_LONG", "reason", 300);
		}
		CustomerRow row = repository.find(id).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		customers.logAccess(id, Customers.PURPOSE_REVEAL_PHONE, r);
		return row.phones();
	}

	/**
	 * Creates a customer.
	 * @throws HeatDeskException for the first problem of the input, or a taken account number
	 */
	@Transactional
	CustomerView create(CustomerInput input) {
		NewCustomer c = valid(input, true);
		if (repository.accountNoTaken(c.accountNo(), 0)) {
			throw HeatDeskException.badInput("CUSTOMER_ACCOUNT_NO_TAKEN", "accountNo", c.accountNo());
		}
		long id = repository.insert(c, customers.now());
		CustomerRow created = repository.find(id).orElseThrow();
		audit.record("CUSTOMER_CREATED", "customer", created.accountNo(), null, snapshot(created));
		return created.view(Customers.masking());
	}

	/**
	 * Changes a customer (not its account number) against the version the user saw.
	 * @throws HeatDeskException {@code CONCURRENT_CHANGE} on a stale version, or the first problem
	 */
	@Transactional
	CustomerView change(long id, int version, CustomerInput input) {
		CustomerRow before = repository.find(id).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		NewCustomer c = valid(unmasked(input, before), false);
		if (!repository.update(id, version, c, customers.now())) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
		CustomerRow after = repository.find(id).orElseThrow();
		audit.record("CUSTOMER_CHANGED", "customer", after.accountNo(), snapshot(before), snapshot(after));
		return after.view(Customers.masking());
	}

	/**
	 * The edit form shows phones and ID number masked (the user may not see them); a masked value sent
	 * back unchanged stands for the stored one.
	 */
	static CustomerInput unmasked(CustomerInput input, CustomerRow stored) {
		String phones = input.phones();
		if (phones != null && phones.indexOf('*') >= 0) {
			StringBuilder b = new StringBuilder();
			for (String token : phones.split("[;,/、；，]+")) {
				String given = token.strip();
				String t = given.indexOf('*') < 0 ? given
						: stored.phones().stream().filter(p -> Phones.mask(p).equals(given)).findFirst().orElse(given);
				b.append(b.isEmpty() ? "" : ";").append(t);
			}
			phones = b.toString();
		}
		String id = input.idNumber();
		if (id != null && id.indexOf('*') >= 0 && stored.idNumber() != null
				&& Masking.maskIdNumber(stored.idNumber()).equals(id.strip())) {
			id = stored.idNumber();
		}
		return new CustomerInput(input.accountNo(), input.name(), phones, id, input.communityId(), input.communityName(),
				input.building(), input.unit(), input.room(), input.heatedArea(), input.substationId(),
				input.substationCode(), input.heatingStatus(), input.notes());
	}

	private NewCustomer valid(CustomerInput input, boolean accountEditable) {
		CustomerInput.Result result = input.validate(new NetworkPlaces(network), accountEditable);
		if (!result.valid()) {
			CustomerInput.Problem p = result.problems().get(0);
			throw HeatDeskException.badInput(p.code(), p.field(), p.args());
		}
		return result.customer();
	}

	// contracts

	@Transactional(readOnly = true)
	List<CustomerRepository.TemplateRow> templates() {
		return repository.templates();
	}

	/**
	 * Publishes a new version of the standard contract.
	 * @throws HeatDeskException {@code CUSTOMER_TEMPLATE_VERSION_TAKEN}, {@code REQUIRED}
	 */
	@Transactional
	long addTemplate(String version, String title, String body, LocalDate effectiveFrom) {
		String v = InputChecks.required(version, "version", 20);
		String t = InputChecks.required(title, "title", 100);
		String b = InputChecks.required(body, "body", 100_000);
		if (effectiveFrom == null) {
			throw HeatDeskException.badInput("REQUIRED", "effectiveFrom");
		}
		if (repository.templateVersionTaken(v)) {
			throw HeatDeskException.badInput("CUSTOMER_TEMPLATE_VERSION_TAKEN", "version", v);
		}
		long id = repository.insertTemplate(v, t, b, effectiveFrom, customers.now(), AuditTrail.currentActor());
		audit.record("CONTRACT_TEMPLATE_PUBLISHED", "customer_contract_template", v, null,
				Map.of("version", v, "title", t, "effectiveFrom", effectiveFrom.toString()));
		return id;
	}

	/**
	 * Records a signed contract of a customer.
	 * @throws HeatDeskException {@code CUSTOMER_CONTRACT_TEMPLATE_UNKNOWN}, {@code CUSTOMER_CONTRACT_PERIOD}
	 */
	@Transactional
	long addContract(long customerId, Long templateId, LocalDate signedOn, LocalDate validFrom, LocalDate validTo) {
		CustomerRow customer = repository.find(customerId)
			.orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		if (templateId == null || repository.template(templateId).isEmpty()) {
			throw HeatDeskException.badInput("CUSTOMER_CONTRACT_TEMPLATE_UNKNOWN", "templateId");
		}
		if (signedOn == null) {
			throw HeatDeskException.badInput("REQUIRED", "signedOn");
		}
		if (validFrom == null) {
			throw HeatDeskException.badInput("REQUIRED", "validFrom");
		}
		if (validTo == null) {
			throw HeatDeskException.badInput("REQUIRED", "validTo");
		}
		if (validTo.isBefore(validFrom)) {
			throw HeatDeskException.badInput("CUSTOMER_CONTRACT_PERIOD", "validTo");
		}
		long id = repository.insertContract(customerId, templateId, signedOn, validFrom, validTo, customers.now(),
				AuditTrail.currentActor());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("customer", customer.accountNo());
		after.put("template", repository.template(templateId).orElseThrow().version());
		after.put("signedOn", signedOn.toString());
		after.put("validFrom", validFrom.toString());
		after.put("validTo", validTo.toString());
		audit.record("CONTRACT_RECORDED", "customer_contract", id, null, after);
		return id;
	}

	/** The report of standard 5(二): customers not disconnected who have no contract valid today. */
	record ContractReport(LocalDate day, long active, long without, List<CustomerView> first) {

		public double percentCovered() {
			return active == 0 ? 100.0 : 100.0 * (active - without) / active;
		}
	}

	@Transactional(readOnly = true)
	ContractReport contractReport(int limit) {
		LocalDate today = customers.today();
		Masking masking = Customers.masking();
		return new ContractReport(today, repository.countActive(), repository.countWithoutCurrentContract(today),
				repository.withoutCurrentContract(today, limit).stream().map(r -> r.view(masking)).toList());
	}

	// access log and export

	@Transactional(readOnly = true)
	List<CustomerRepository.AccessEntry> accessLog(String actor, String accountNo, String purpose, LocalDate from,
			LocalDate to, int limit) {
		var zone = customers.zoneId();
		return repository.accessLog(InputChecks.trim(actor), accountNo == null || accountNo.isBlank() ? null
				: accountNo.strip().toUpperCase(), InputChecks.trim(purpose),
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), limit);
	}

	/**
	 * Every customer with full personal data, for a manager; the export is logged with its reason.
	 * @param sink receives pages of customers in account order
	 * @throws HeatDeskException {@code CUSTOMER_EXPORT_FORBIDDEN}, {@code CUSTOMER_EXPORT_REASON_REQUIRED}
	 */
	@Transactional(readOnly = true)
	long export(String reason, java.util.function.Consumer<List<CustomerRow>> sink) {
		if (!Customers.currentRoles().contains(Role.MANAGER)) {
			throw HeatDeskException.forbidden("CUSTOMER_EXPORT_FORBIDDEN");
		}
		String r = InputChecks.trim(reason);
		if (r == null || r.length() < 2) {
			throw HeatDeskException.badInput("CUSTOMER_EXPORT_REASON_REQUIRED", "reason");
		}
		long count = 0;
		String after = "";
		while (true) {
			List<CustomerRow> page = repository.page(after, 5_000);
			if (page.isEmpty()) {
				break;
			}
			sink.accept(page);
			count += page.size();
			after = page.get(page.size() - 1).accountNo();
		}
		return count;
	}

	/** Records an export in the access log (in its own transaction, after the file was written). */
	@Transactional
	void logExport(String reason, long count) {
		customers.logAccess(null, Customers.PURPOSE_EXPORT, InputChecks.trim(reason) + " (" + count + ")");
	}

	static Map<String, Object> snapshot(CustomerRow c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("accountNo", c.accountNo());
		// Personal data in the audit trail is masked too: the trail is read by auditors.
		m.put("name", Masking.maskName(c.name()));
		m.put("phones", c.phones().stream().map(Phones::mask).toList());
		m.put("idNumber", Masking.maskIdNumber(c.idNumber()));
		m.put("address", c.address());
		m.put("heatedArea", c.heatedArea().toPlainString());
		m.put("substationId", c.substationId());
		m.put("heatingStatus", c.heatingStatus().name());
		m.put("notes", c.notes());
		return m;
	}
}
