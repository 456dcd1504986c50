package org.heatdesk.customer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Roles;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/customers}: search and read (masked as the caller's role requires) and the billing import. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Heat customers; personal data masked by the caller's role")
class CustomerApiController {

	private final Customers customers;

	private final CustomerImport importer;

	private final MessageSource messages;

	CustomerApiController(Customers customers, CustomerImport importer, MessageSource messages) {
		this.customers = customers;
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping
	@PreAuthorize(CustomerController.VIEWERS)
	@Operation(summary = "One-box search: full phone, last four digits (with communityId), account number, name or address")
	List<CustomerView> search(@RequestParam(required = false) String q,
			@Parameter(description = "narrows a search by the last four digits to one community")
			@RequestParam(required = false) Long communityId,
			@RequestParam(defaultValue = "20") int limit) {
		if (q == null || q.isBlank()) {
			throw HeatDeskException.badInput("MISSING_PARAMETER", "q", "q");
		}
		return customers.search(q, communityId, limit);
	}

	@GetMapping("/{accountNo}")
	@PreAuthorize(CustomerController.VIEWERS)
	@Operation(summary = "One customer by account number; the read is recorded in the access log")
	CustomerView byAccountNo(@PathVariable String accountNo) {
		CustomerView c = customers.findByAccountNo(accountNo)
			.orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		customers.logAccess(c.id(), Customers.PURPOSE_API);
		return c;
	}

	/** A problem of an import row, with its column and message in the caller's language. */
	record ImportProblem(int row, String column, String columnLabel, String code, String message) {
	}

	/** The outcome of an import; {@code problems} lists at most 500 of {@code problemCount}. */
	record ImportResult(String code, String message, String field, int rows, int imported, int problemCount,
			List<ImportProblem> problems) {
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Roles.MANAGER_AND_ADMIN + " or hasAuthority('SCOPE_billing')")
	@Operation(summary = "Import customers from the billing system (CSV or xlsx); all-or-nothing")
	ResponseEntity<ImportResult> importFile(@RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw HeatDeskException.badInput("CUSTOMER_IMPORT_NO_FILE", "file");
		}
		CustomerImport.Report report = importer.importFile(file.getOriginalFilename(), file.getBytes());
		Locale locale = LocaleContextHolder.getLocale();
		List<ImportProblem> problems = report.problems().stream().map(p -> new ImportProblem(p.row(), p.column(),
				p.column() == null ? null : messages.getMessage("customer.import.column." + p.column(), null, p.column(), locale),
				p.code(), messages.getMessage("error." + p.code(), p.args(), p.code(), locale))).toList();
		if (report.ok()) {
			return ResponseEntity.ok(new ImportResult("OK", messages.getMessage("customer.import.done",
					new Object[] { report.imported() }, locale), null, report.rows(), report.imported(), 0, List.of()));
		}
		return ResponseEntity.badRequest().body(new ImportResult("CUSTOMER_IMPORT_INVALID", messages.getMessage(
				"error.CUSTOMER_IMPORT_INVALID", new Object[] { report.problemCount() }, locale), "file", report.rows(), 0,
				report.problemCount(), problems));
	}
}
