package org.heatdesk.customer;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader and writer: commas, double quotes, quoted line breaks. */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		int start = text.startsWith("\uFEFF") ? 1 : 0;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					quoted = true;
					any = true;
				}
				case ',' -> {
					record.add(field.toString());
					field.setLength(0);
					any = true;
				}
				case '\r' -> {
				}
				case '\n' -> {
					record.add(field.toString());
					field.setLength(0);
					records.add(record);
					record = new ArrayList<>();
					any = false;
				}
				default -> {
					field.append(c);
					any = true;
				}
			}
		}
		if (any || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

	/** One CSV line (with its line break) of {@code cells}. */
	static String line(List<String> cells) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				b.append(',');
			}
			String v = cells.get(i) == null ? "" : cells.get(i);
			// A leading = + - @ would be read as a formula by a spreadsheet.
			if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
				v = "'" + v;
			}
			if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
				b.append('"').append(v.replace("\"", "\"\"")).append('"');
			}
			else {
				b.append(v);
			}
		}
		return b.append("\r\n").toString();
	}
}
