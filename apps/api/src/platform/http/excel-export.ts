import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { localize, type Locale, type LocalizedText } from '@guantong/contracts';
import type { Actor } from '../auth/actor.ts';
import { parseInput, requireActor } from './route.ts';

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
  // Loaded on the first export, not at start-up: exceljs and its dependencies take about 0.2 s to load.
  const { default: ExcelJS } = await import('exceljs');
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

/** A ledger column: its header, width and format, and how a row's value is written in the reader's language. */
export interface LedgerColumn<Row> extends ExportColumn {
  value: (row: Row, locale: Locale) => unknown;
}

/** A column of a ledger export, with the value it takes from each row. */
export function ledgerColumn<Row>(zhCN: string, en: string, width: number, value: (row: Row, locale: Locale) => unknown, numFmt?: string): LedgerColumn<Row> {
  return { ...column(zhCN, en, width, numFmt), value };
}

/** A worksheet's contents: the columns and the rows already written out in the reader's language. */
export interface Worksheet {
  sheetName: LocalizedText;
  fileName: LocalizedText;
  columns: ExportColumn[];
  rows: unknown[][];
}

/** The rows of a ledger as a worksheet, each row written column by column. */
export function ledgerSheet<Row>(
  { sheetName, fileName, columns }: { sheetName: LocalizedText; fileName: LocalizedText; columns: LedgerColumn<Row>[] },
  rows: readonly Row[],
  locale: Locale,
): Worksheet {
  return { sheetName, fileName, columns, rows: rows.map((row) => columns.map((column) => column.value(row, locale))) };
}

/**
 * `GET <url>`: a ledger view as an Excel file, in the reader's language, with the list's own filters (the query
 * schema). `authorize` throws when the reader may not export it; the worksheet is built from the parsed query.
 */
export function exportRoute<Q extends z.ZodType>(
  app: FastifyInstance,
  options: { url: string; tag: string; summary: string; query: Q; authorize: (actor: Actor) => void; worksheet: (actor: Actor, query: z.output<Q>) => Promise<Worksheet> },
): void {
  app.get(options.url, { schema: { tags: [options.tag], summary: options.summary, querystring: options.query } }, async (request, reply) => {
    const actor = requireActor(request);
    options.authorize(actor);
    const query = parseInput(options.query, request.query, 'query', request.locale);
    return sendWorkbook(reply, { locale: actor.locale, ...(await options.worksheet(actor, query)) });
  });
}
