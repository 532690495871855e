import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { localize, type Locale, type LocalizedText } from '@guantong/contracts';

export interface ExportColumn {
  header: LocalizedText;
  width: number;
  /** Excel number format, e.g. 'yyyy-mm-dd' for a date column. */
  numFmt?: string;
}

/** A column of an exported ledger, headed in the reader's language. */
export function column(zhCN: string, en: string, width: number, numFmt?: string): ExportColumn {
  return { header: { zhCN, en }, width, numFmt };
}

/**
 * Sends a ledger view as one worksheet in the reader's language: bold frozen header, set widths, dates as dates; the
 * row count in a header.
 */
export async function sendWorkbook(
  reply: FastifyReply,
  { locale, sheetName, fileName, columns, rows }: { locale: Locale; sheetName: LocalizedText; fileName: LocalizedText; columns: ExportColumn[]; rows: unknown[][] },
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(localize(sheetName, locale));
  sheet.addRow(columns.map((column) => localize(column.header, locale))).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    if (column.numFmt) sheet.getColumn(index + 1).numFmt = column.numFmt;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(localize(fileName, locale))}`);
  void reply.header('x-export-rows', String(rows.length));
  return reply.send(Buffer.from(buffer));
}
