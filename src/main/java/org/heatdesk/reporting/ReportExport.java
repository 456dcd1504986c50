package org.heatdesk.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a report as an Excel workbook (one sheet per table, numbers as numbers) or a PDF (one
 * section per table), each headed by the company's name, the report's title, its period and the
 * time it was made. Chinese in the PDF needs a CJK font: the first of
 * {@code heatdesk.reporting.pdf-font} and the system's WenQuanYi Micro Hei / Noto Sans CJK that
 * exists; without one the PDF is still written, its Chinese left blank, and a warning logged.
 */
@Component
class ReportExport {

	private static final Logger log = LoggerFactory.getLogger(ReportExport.class);

	static final List<String> SYSTEM_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,0",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");

	/** What a report file holds: its heading lines and its tables, already in the reader's language. */
	record Document(String company, String title, String period, String madeAt, List<DashboardTable> tables) {
	}

	private final String configuredFont;

	private volatile BaseFont font;

	ReportExport(@Value("${heatdesk.reporting.pdf-font:}") String configuredFont) {
		this.configuredFont = configuredFont;
	}

	static final org.springframework.http.MediaType XLSX = org.springframework.http.MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** The document as a download: {@code format} is {@code xlsx} or {@code pdf}, {@code name} the file's name without it. */
	org.springframework.http.ResponseEntity<byte[]> respond(String format, String name, Document document) {
		boolean xlsx = "xlsx".equals(format);
		byte[] body = xlsx ? xlsx(document) : pdf(document);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(xlsx ? XLSX : org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment().filename(name + "." + format).build().toString())
			.body(body);
	}

	byte[] xlsx(Document document) {
		try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = book.createCellStyle();
			org.apache.poi.ss.usermodel.Font boldFont = book.createFont();
			boldFont.setBold(true);
			bold.setFont(boldFont);
			Set<String> names = new HashSet<>();
			for (DashboardTable table : document.tables()) {
				Sheet sheet = book.createSheet(sheetName(table.title(), names));
				int r = 0;
				cell(sheet.createRow(r++), 0, document.company(), bold);
				cell(sheet.createRow(r++), 0, document.title() + " · " + table.title(), bold);
				cell(sheet.createRow(r++), 0, document.period(), null);
				cell(sheet.createRow(r++), 0, document.madeAt(), null);
				if (table.note() != null) {
					cell(sheet.createRow(r++), 0, table.note(), null);
				}
				r++;
				Row head = sheet.createRow(r++);
				int c = 0;
				for (String column : table.labelColumns()) {
					cell(head, c++, column, bold);
				}
				for (String column : table.valueColumns()) {
					cell(head, c++, column, bold);
				}
				for (DashboardTable.Row row : table.rows()) {
					Row line = sheet.createRow(r++);
					c = 0;
					for (String label : row.labels()) {
						cell(line, c++, label, null);
					}
					for (BigDecimal value : row.values()) {
						if (value != null) {
							line.createCell(c).setCellValue(value.doubleValue());
						}
						c++;
					}
				}
				for (int i = 0; i < table.labelColumns().size() + table.valueColumns().size(); i++) {
					sheet.setColumnWidth(i, i < table.labelColumns().size() ? 24 * 256 : 14 * 256);
				}
			}
			if (document.tables().isEmpty()) {
				Sheet sheet = book.createSheet("-");
				cell(sheet.createRow(0), 0, document.company(), bold);
				cell(sheet.createRow(1), 0, document.title(), bold);
				cell(sheet.createRow(2), 0, document.period(), null);
				cell(sheet.createRow(3), 0, document.madeAt(), null);
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] pdf(Document document) {
		BaseFont base = font();
		Font title = new Font(base, 14, Font.BOLD);
		Font heading = new Font(base, 11, Font.BOLD);
		Font text = new Font(base, 8);
		Font muted = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		com.lowagie.text.Document pdf = new com.lowagie.text.Document(PageSize.A4.rotate(), 28, 28, 28, 28);
		PdfWriter.getInstance(pdf, out);
		pdf.addTitle(document.title());
		pdf.addCreator(document.company());
		pdf.open();
		pdf.add(new Paragraph(document.company(), heading));
		pdf.add(new Paragraph(document.title(), title));
		pdf.add(new Paragraph(document.period() + "    " + document.madeAt(), muted));
		for (DashboardTable table : document.tables()) {
			Paragraph h = new Paragraph(table.title(), heading);
			h.setSpacingBefore(10);
			h.setSpacingAfter(4);
			pdf.add(h);
			if (table.note() != null) {
				pdf.add(new Paragraph(table.note(), muted));
			}
			int columns = table.labelColumns().size() + table.valueColumns().size();
			PdfPTable grid = new PdfPTable(columns);
			grid.setWidthPercentage(columns > 4 ? 100 : 70);
			grid.setHorizontalAlignment(Element.ALIGN_LEFT);
			grid.setHeaderRows(1);
			for (String column : table.labelColumns()) {
				grid.addCell(cell(column, heading, Element.ALIGN_LEFT, true));
			}
			for (String column : table.valueColumns()) {
				grid.addCell(cell(column, heading, Element.ALIGN_RIGHT, true));
			}
			for (DashboardTable.Row row : table.rows()) {
				for (String label : row.labels()) {
					grid.addCell(cell(label, text, Element.ALIGN_LEFT, false));
				}
				for (BigDecimal value : row.values()) {
					grid.addCell(cell(value == null ? "—" : value.toPlainString(), text, Element.ALIGN_RIGHT, false));
				}
			}
			pdf.add(grid);
		}
		pdf.close();
		return out.toByteArray();
	}

	private static PdfPCell cell(String content, Font font, int align, boolean head) {
		PdfPCell cell = new PdfPCell(new Phrase(content, font));
		cell.setHorizontalAlignment(align);
		cell.setPadding(3);
		if (head) {
			cell.setBackgroundColor(new Color(0xEE, 0xF2, 0xF6));
		}
		return cell;
	}

	/** The CJK font of the PDF, found once. */
	BaseFont font() {
		BaseFont f = font;
		if (f == null) {
			f = findFont();
			font = f;
		}
		return f;
	}

	private BaseFont findFont() {
		List<String> candidates = new java.util.ArrayList<>();
		if (!configuredFont.isBlank()) {
			candidates.add(configuredFont);
		}
		candidates.addAll(SYSTEM_FONTS);
		for (String candidate : candidates) {
			String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
			if (Files.isReadable(Path.of(file))) {
				try {
					return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				}
				catch (Exception e) {
					log.warn("PDF font {} could not be read: {}", candidate, e.toString());
				}
			}
		}
		log.warn("No CJK font found for PDF reports (tried {}): Chinese text will be missing; set heatdesk.reporting.pdf-font",
				candidates);
		try {
			return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
	static String sheetName(String title, Set<String> used) {
		String name = WorkbookUtil.createSafeSheetName(title);
		String candidate = name;
		for (int i = 2; !used.add(candidate.toLowerCase()); i++) {
			String suffix = " (" + i + ")";
			candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
		}
		return candidate;
	}
}
