import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

export interface ExportColumn {
  header: string;
  width: number;
  /** Excel number format, e.g. 'yyyy-mm-dd' for a date column. */
  numFmt?: string;
}

/** Sends a ledger view as one worksheet: bold frozen header, set widths, dates as dates; the row count in a header. */
export async function sendWorkbook(
  reply: FastifyReply,
  { sheetName, fileName, columns, rows }: { sheetName: string; fileName: string; columns: ExportColumn[]; rows: unknown[][] },
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    if (column.numFmt) sheet.getColumn(index + 1).numFmt = column.numFmt;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  void reply.header('x-export-rows', String(rows.length));
  return reply.send(Buffer.from(buffer));
}
