import { ErrorCode, isRetryableByDefault } from '../errors/error-code';
import type { VendorCodeTable } from '../errors/vendor-code-table';
import { vendorErrorTables } from '../vendors/registry';
import { ERROR_CODE_DOCS } from './error-code-docs';

/** How many of a vendor's rows a cell names before it says how many more there are. */
const VENDOR_CODES_PER_CELL = 3;

const INTRO =
  "Generated from `ErrorCode` and `isRetryableByDefault` (`src/errors/error-code.ts`) and the vendors' error tables " +
  '(`datasources/*/error-table.ts`) by `npm run docs:error-codes`; a test fails when this table is stale. A vendor ' +
  "column names the first exact rows of that vendor's table that map to the code, in table order. VNPT's rows are " +
  "this service's keys for VNPT answers (`HTTP_<status>`, `ENVELOPE_<code>`, refusals recognised by their wording), " +
  'not always the `vendorCode` a client sees.';

/** The exact rows of `table` that classify as `code`: the first few, and how many more. */
function vendorCodesCell(table: VendorCodeTable, code: ErrorCode): string {
  const rows = Object.entries(table.exact)
    .filter(([, row]) => row.code === code)
    .map(([vendorCode]) => vendorCode);
  if (rows.length === 0) return '—';
  const named = rows
    .slice(0, VENDOR_CODES_PER_CELL)
    .map((vendorCode) => `\`${vendorCode}\``)
    .join(', ');
  const more = rows.length - VENDOR_CODES_PER_CELL;
  return more > 0 ? `${named} (+${more} more)` : named;
}

function retryableCell(code: ErrorCode): string {
  const note = ERROR_CODE_DOCS[code].retryNote;
  const verdict = isRetryableByDefault(code) ? 'yes' : 'no';
  return note === undefined ? verdict : `${verdict}, ${note}`;
}

/** A cell's columns in a monospace font: its length, as the table's text has no wide (CJK) or astral characters. */
function displayWidth(text: string): number {
  return text.length;
}

/**
 * A Markdown table laid out as Prettier lays it out (each column padded to its widest cell, at least 3), so
 * that `prettier --check` accepts the README as this writes it. The generator runs without Prettier: its
 * API loads ES modules, which jest's CommonJS runtime cannot.
 */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) => Math.max(3, displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '') + ' '.repeat(width - displayWidth(cells[column] ?? ''))).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/**
 * The Markdown that belongs between the README's markers: a line on where it comes from and one row per
 * `ErrorCode` (enum order) with its meaning, `retryable` and the vendors' typical codes.
 */
export function renderErrorCodeTable(): string {
  const tables = vendorErrorTables();
  const header = ['`ErrorCode`', 'meaning', 'retryable', ...tables.map(({ vendor }) => `\`${vendor}\``)];
  const rows = Object.values(ErrorCode).map((code) => [
    `\`${code}\``,
    ERROR_CODE_DOCS[code].meaning,
    retryableCell(code),
    ...tables.map(({ table }) => vendorCodesCell(table, code)),
  ]);
  return [INTRO, '', ...markdownTable(header, rows), ''].join('\n');
}
