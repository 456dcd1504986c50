package org.heatdesk.customer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.heatdesk.network.Network;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import from the billing system: a CSV (UTF-8 or GB18030) or Excel (.xlsx) file with one
 * customer per row. Every row is validated before anything is stored; any problem and nothing is
 * stored (all-or-nothing), and the problems come back as row, column and message. A valid file is
 * written with COPY in the caller's transaction.
 */
@Service
class CustomerImport {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CustomerImport.class);

	/** The columns of the import file, in the order of the template. */
	static final List<String> COLUMNS = List.of("accountNo", "name", "phones", "idNumber", "community", "building",
			"unit", "room", "heatedArea", "substationCode", "heatingStatus", "notes");

	static final List<String> REQUIRED = List.of("accountNo", "name", "phones", "community", "building", "unit", "room",
			"heatedArea");

	static final int MAX_ROWS = 200_000;

	/** Problems listed at most; the report still counts all of them. */
	static final int MAX_LISTED = 500;

	private final CustomerRepository repository;

	private final CustomerBulkWriter writer;

	private final Network network;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Customers customers;

	CustomerImport(CustomerRepository repository, CustomerBulkWriter writer, Network network, AuditTrail audit,
			MessageSource messages, Customers customers) {
		this.repository = repository;
		this.writer = writer;
		this.network = network;
		this.audit = audit;
		this.messages = messages;
		this.customers = customers;
	}

	/** One problem: the row of the file (the header is row 1), the column key, the error code and arguments. */
	record RowProblem(int row, String column, String code, Object... args) {
	}

	/** The outcome: how many data rows were read, how many stored (0 unless valid), the problems. */
	record Report(String fileName, int rows, int imported, int problemCount, List<RowProblem> problems) {

		public boolean ok() {
			return problemCount == 0;
		}
	}

	/**
	 * Reads, validates and (when every row is valid) stores the file.
	 * @throws HeatDeskException {@code CUSTOMER_IMPORT_FORMAT} when the file is neither CSV nor xlsx
	 */
	@Transactional
	Report importFile(String fileName, byte[] content) {
		long start = System.nanoTime();
		List<Map<String, String>> rows;
		List<RowProblem> problems = new ArrayList<>();
		String name = fileName == null ? "" : fileName;
		if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || looksLikeZip(content)) {
			rows = readXlsx(content, problems);
		}
		else if (name.toLowerCase(Locale.ROOT).endsWith(".csv") || name.isEmpty() || !looksBinary(content)) {
			rows = readCsv(decode(content), problems);
		}
		else {
			throw HeatDeskException.badInput("CUSTOMER_IMPORT_FORMAT", "file");
		}
		if (!problems.isEmpty()) {
			return new Report(name, 0, 0, problems.size(), problems);
		}
		if (rows.isEmpty()) {
			return new Report(name, 0, 0, 1, List.of(new RowProblem(2, null, "CUSTOMER_IMPORT_EMPTY")));
		}
		if (rows.size() > MAX_ROWS) {
			return new Report(name, rows.size(), 0, 1,
					List.of(new RowProblem(MAX_ROWS + 2, null, "CUSTOMER_IMPORT_TOO_MANY", MAX_ROWS)));
		}
		long read = System.nanoTime();
		NetworkPlaces places = new NetworkPlaces(network);
		List<NewCustomer> valid = new ArrayList<>(rows.size());
		Map<String, Integer> firstRowOf = new HashMap<>();
		int count = 0;
		for (int i = 0; i < rows.size(); i++) {
			int rowNo = i + 2;
			Map<String, String> r = rows.get(i);
			boolean control = false;
			for (Map.Entry<String, String> cell : r.entrySet()) {
				if (InputChecks.hasControlCharacter(cell.getValue())) {
					// PostgreSQL's COPY would fail on it with a 500: named as the cell's problem instead
					count = add(problems, count, new RowProblem(rowNo, cell.getKey(), "CUSTOMER_IMPORT_CONTROL_CHARACTER"));
					control = true;
				}
			}
			if (control) {
				continue;
			}
			CustomerInput input = new CustomerInput(r.get("accountNo"), r.get("name"), r.get("phones"), r.get("idNumber"),
					null, r.get("community"), r.get("building"), r.get("unit"), r.get("room"), r.get("heatedArea"), null,
					r.get("substationCode"), r.get("heatingStatus"), r.get("notes"));
			CustomerInput.Result result = input.validate(places, true);
			for (CustomerInput.Problem p : result.problems()) {
				count = add(problems, count, new RowProblem(rowNo, column(p.field()), p.code(), p.args()));
			}
			String account = InputChecks.trim(r.get("accountNo"));
			if (account != null) {
				Integer first = firstRowOf.putIfAbsent(account.toUpperCase(), rowNo);
				if (first != null) {
					count = add(problems, count, new RowProblem(rowNo, "accountNo", "CUSTOMER_ACCOUNT_NO_DUPLICATE_IN_FILE",
							account, first));
				}
			}
			if (result.valid()) {
				valid.add(result.customer());
			}
		}
		long validated = System.nanoTime();
		for (String taken : repository.existingAccountNos(firstRowOf.keySet())) {
			count = add(problems, count, new RowProblem(firstRowOf.get(taken), "accountNo", "CUSTOMER_ACCOUNT_NO_TAKEN", taken));
		}
		if (count > 0) {
			problems.sort(java.util.Comparator.comparingInt(RowProblem::row)
				.thenComparingInt(p -> p.column() == null ? -1 : COLUMNS.indexOf(p.column())));
			return new Report(name, rows.size(), 0, count, problems);
		}
		long checked = System.nanoTime();
		writer.write(valid, List.of(), customers.now(), AuditTrail.currentActor());
		long written = System.nanoTime();
		log.info("Import of {} ({} rows): read {} ms, validated {} ms, account numbers checked {} ms, stored {} ms", name,
				valid.size(), (read - start) / 1_000_000, (validated - read) / 1_000_000, (checked - validated) / 1_000_000,
				(written - checked) / 1_000_000);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("file", name);
		summary.put("customers", valid.size());
		summary.put("firstAccountNo", valid.get(0).accountNo());
		summary.put("lastAccountNo", valid.get(valid.size() - 1).accountNo());
		audit.record("CUSTOMERS_IMPORTED", "customer", name, null, summary);
		return new Report(name, rows.size(), valid.size(), 0, List.of());
	}

	private static int add(List<RowProblem> problems, int count, RowProblem p) {
		if (problems.size() < MAX_LISTED) {
			problems.add(p);
		}
		return count + 1;
	}

	/** The import column that holds a validated field. */
	private static String column(String field) {
		return switch (field) {
			case "substation" -> "substationCode";
			default -> field;
		};
	}

	// reading

	private Map<String, String> headerAliases() {
		Map<String, String> aliases = new HashMap<>();
		for (String c : COLUMNS) {
			aliases.put(c.toLowerCase(Locale.ROOT), c);
			for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				aliases.put(messages.getMessage("customer.import.column." + c, null, c, l).toLowerCase(l), c);
			}
		}
		return aliases;
	}

	/** The keys of the columns in file order ({@code null} for an unknown column), or problems. */
	private List<String> header(List<String> cells, List<RowProblem> problems) {
		Map<String, String> aliases = headerAliases();
		List<String> keys = new ArrayList<>();
		for (String cell : cells) {
			String c = cell == null ? "" : cell.strip().replace("\uFEFF", "").replaceFirst("[*＊]$", "").strip();
			keys.add(aliases.get(c.toLowerCase(Locale.ROOT)));
		}
		for (String required : REQUIRED) {
			if (!keys.contains(required)) {
				problems.add(new RowProblem(1, required, "CUSTOMER_IMPORT_COLUMN_MISSING"));
			}
		}
		return keys;
	}

	List<Map<String, String>> readCsv(String text, List<RowProblem> problems) {
		List<List<String>> records = Csv.parse(text);
		if (records.isEmpty()) {
			problems.add(new RowProblem(1, null, "CUSTOMER_IMPORT_EMPTY"));
			return List.of();
		}
		List<String> keys = header(records.get(0), problems);
		List<Map<String, String>> rows = new ArrayList<>(records.size());
		for (int i = 1; i < records.size(); i++) {
			List<String> cells = records.get(i);
			if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
				continue;
			}
			rows.add(toRow(keys, cells));
		}
		return rows;
	}

	private List<Map<String, String>> readXlsx(byte[] content, List<RowProblem> problems) {
		try (InputStream in = new ByteArrayInputStream(content); Workbook book = WorkbookFactory.create(in)) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter format = new DataFormatter(Locale.ROOT);
			List<Map<String, String>> rows = new ArrayList<>();
			List<String> keys = null;
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? null : format.formatCellValue(cell));
				}
				if (keys == null) {
					keys = header(cells, problems);
					continue;
				}
				if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
					continue;
				}
				rows.add(toRow(keys, cells));
			}
			if (keys == null) {
				problems.add(new RowProblem(1, null, "CUSTOMER_IMPORT_EMPTY"));
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			throw HeatDeskException.badInput("CUSTOMER_IMPORT_FORMAT", "file");
		}
	}

	private static Map<String, String> toRow(List<String> keys, List<String> cells) {
		Map<String, String> row = new HashMap<>();
		for (int c = 0; c < Math.min(keys.size(), cells.size()); c++) {
			if (keys.get(c) != null) {
				row.put(keys.get(c), cells.get(c));
			}
		}
		return row;
	}

	/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (Excel's Chinese CSV). */
	static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(content, Charset.forName("GB18030"));
		}
	}

	private static boolean looksLikeZip(byte[] content) {
		return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	private static boolean looksBinary(byte[] content) {
		for (int i = 0; i < Math.min(content.length, 512); i++) {
			if (content[i] == 0) {
				return true;
			}
		}
		return false;
	}
}
