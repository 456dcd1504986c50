package org.heatdesk.customer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back-office customer pages: the access log (AUDITOR), the contract report and templates
 * (MANAGER, TEAM_LEAD), the import from billing (MANAGER, ADMIN) and the export (MANAGER).
 */
@PageController
class CustomerAdminController {

	private final CustomerRecords records;

	private final CustomerImport importer;

	private final MessageSource messages;

	CustomerAdminController(CustomerRecords records, CustomerImport importer, MessageSource messages) {
		this.records = records;
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping("/customers/access-log")
	@PreAuthorize(Roles.AUDITOR)
	String accessLog(@RequestParam(required = false) String actor, @RequestParam(required = false) String accountNo,
			@RequestParam(required = false) String purpose,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		model.addAttribute("entries", records.accessLog(actor, accountNo, purpose, from, to, 300));
		model.addAttribute("actor", actor);
		model.addAttribute("accountNo", accountNo);
		model.addAttribute("purpose", purpose);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("purposes", List.of(Customers.PURPOSE_VIEW, Customers.PURPOSE_REVEAL_PHONE,
				Customers.PURPOSE_EXPORT, Customers.PURPOSE_API, "EDIT", "SCREEN_POP", "TICKET"));
		return "customer/access-log";
	}

	// contracts

	@GetMapping("/customers/contracts")
	@PreAuthorize(Roles.SUPERVISORS)
	String contracts(Model model) {
		model.addAttribute("report", records.contractReport(200));
		model.addAttribute("templates", records.templates());
		return "customer/contracts";
	}

	@PostMapping("/customers/contracts/templates")
	@PreAuthorize(Roles.MANAGER)
	String addTemplate(@RequestParam(required = false) String version, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			RedirectAttributes redirect) {
		try {
			records.addTemplate(version, title, body, effectiveFrom);
			redirect.addFlashAttribute("notice", "customer.template.published");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("templateError", e);
		}
		return "redirect:/customers/contracts";
	}

	// import

	@GetMapping("/customers/import")
	@PreAuthorize(Roles.MANAGER_AND_ADMIN)
	String importPage(Model model) {
		model.addAttribute("columns", CustomerImport.COLUMNS);
		model.addAttribute("required", CustomerImport.REQUIRED);
		return "customer/import";
	}

	@PostMapping("/customers/import")
	@PreAuthorize(Roles.MANAGER_AND_ADMIN)
	String importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		model.addAttribute("columns", CustomerImport.COLUMNS);
		model.addAttribute("required", CustomerImport.REQUIRED);
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", HeatDeskException.badInput("CUSTOMER_IMPORT_NO_FILE", "file"));
			return "customer/import";
		}
		try {
			model.addAttribute("report", importer.importFile(file.getOriginalFilename(), file.getBytes()));
		}
		catch (HeatDeskException e) {
			model.addAttribute("error", e);
		}
		return "customer/import";
	}

	@GetMapping("/customers/import/template.csv")
	@PreAuthorize(Roles.MANAGER_AND_ADMIN)
	ResponseEntity<byte[]> csvTemplate() {
		Locale locale = LocaleContextHolder.getLocale();
		StringBuilder b = new StringBuilder("\uFEFF");
		b.append(Csv.line(headers(locale)));
		b.append(Csv.line(example()));
		return file(b.toString().getBytes(StandardCharsets.UTF_8), "customer-import-template.csv",
				MediaType.parseMediaType("text/csv;charset=UTF-8"));
	}

	@GetMapping("/customers/import/template.xlsx")
	@PreAuthorize(Roles.MANAGER_AND_ADMIN)
	ResponseEntity<byte[]> xlsxTemplate() throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("customers");
			var text = book.createCellStyle();
			text.setDataFormat(book.createDataFormat().getFormat("@"));
			write(sheet.createRow(0), headers(locale), null);
			write(sheet.createRow(1), example(), text);
			for (int c = 0; c < CustomerImport.COLUMNS.size(); c++) {
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, 16 * 256);
			}
			book.write(out);
			return file(out.toByteArray(), "customer-import-template.xlsx", MediaType
				.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		}
	}

	private static void write(Row row, List<String> cells, org.apache.poi.ss.usermodel.CellStyle style) {
		for (int c = 0; c < cells.size(); c++) {
			var cell = row.createCell(c);
			cell.setCellValue(cells.get(c));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private List<String> headers(Locale locale) {
		List<String> headers = new ArrayList<>();
		for (String c : CustomerImport.COLUMNS) {
			String label = messages.getMessage("customer.import.column." + c, null, c, locale);
			headers.add(CustomerImport.REQUIRED.contains(c) ? label + "*" : label);
		}
		return headers;
	}

	private List<String> example() {
		return List.of(messages.getMessage("customer.import.example", null, LocaleContextHolder.getLocale()).split("\\|", -1));
	}

	private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(type)
			.body(body);
	}

	// export

	@PostMapping("/customers/export")
	@PreAuthorize(Roles.MANAGER)
	void export(@RequestParam(required = false) String reason, HttpServletResponse response) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		long count;
		try (Writer out = new OutputStreamWriter(buffer, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			out.write(Csv.line(headers(locale).stream().map(h -> h.replace("*", "")).toList()));
			count = records.export(reason, page -> {
				try {
					for (CustomerRow r : page) {
						out.write(Csv.line(List.of(r.accountNo(), r.name(), String.join(";", r.phones()),
								r.idNumber() == null ? "" : r.idNumber(), r.communityName(), r.building(), r.unit(),
								r.room(), r.heatedArea().toPlainString(), "", r.heatingStatus().name(),
								r.notes() == null ? "" : r.notes())));
					}
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		records.logExport(reason, count);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("customers-" + LocalDate.now() + ".csv").build().toString());
		response.getOutputStream().write(buffer.toByteArray());
	}
}
