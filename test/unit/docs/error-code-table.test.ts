import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode } from '../../../src/errors/error-code';
import { renderErrorCodeTable } from '../../../src/schema/error-code-table';
import { errorCodeTableIn, withErrorCodeTable } from '../../../src/schema/print-error-codes';

const README_PATH = join(__dirname, '..', '..', '..', 'README.md');

/** The README's generated table as rows of trimmed cells, keyed by header (read from the file, not the generator). */
function tableRows(readme: string): readonly Readonly<Record<string, string>>[] {
  const [header, _separator, ...rows] = errorCodeTableIn(readme)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  if (rows.length === 0) throw new Error('README.md: no table between the error-codes markers');
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

describe('README ErrorCode table', () => {
  let readme: string;

  beforeAll(async () => {
    readme = await readFile(README_PATH, 'utf8');
  });

  it('is what the generator prints (run `npm run docs:error-codes` after changing a code, its docs or a vendor table)', () => {
    expect(withErrorCodeTable(readme, renderErrorCodeTable())).toBe(readme);
  });

  it('has one row for every ErrorCode, each exactly once, and no other rows', () => {
    const codes = tableRows(readme).map((row) => row['`ErrorCode`'].replaceAll('`', ''));
    expect([...codes].sort()).toEqual(Object.values(ErrorCode).sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  // DESIGN.md "Error model", its `retryable` column, verbatim: RATE_LIMITED "yes, with `retryAfterSeconds`",
  // VENDOR_UNAVAILABLE "yes", DEADLINE_EXCEEDED "yes for reads; for writes only with an idempotency key",
  // INVALID_INPUT "no", VENDOR_AUTH_FAILED "no (an operator problem; logged at error)", IDEMPOTENCY_CONFLICT
  // "no", `UNAUTHENTICATED`, `FORBIDDEN` "no", VENDOR_ERROR "no", INTERNAL "no".
  it.each([
    ['RATE_LIMITED', 'yes'],
    ['VENDOR_UNAVAILABLE', 'yes'],
    ['DEADLINE_EXCEEDED', 'yes'],
    ['INVALID_INPUT', 'no'],
    ['VENDOR_AUTH_FAILED', 'no'],
    ['IDEMPOTENCY_CONFLICT', 'no'],
    ['FORBIDDEN', 'no'],
    ['VENDOR_ERROR', 'no'],
    ['INTERNAL', 'no'],
  ])('says %s is retryable: %s, as DESIGN.md does', (code, expected) => {
    const row = tableRows(readme).find((candidate) => candidate['`ErrorCode`'] === `\`${code}\``);
    expect(row?.retryable.split(',')[0]).toBe(expected);
  });

  it('keeps the retry conditions DESIGN.md states beside the verdict', () => {
    const retryable = Object.fromEntries(tableRows(readme).map((row) => [row['`ErrorCode`'], row.retryable]));
    expect(retryable['`RATE_LIMITED`']).toContain('`retryAfterSeconds`');
    expect(retryable['`DEADLINE_EXCEEDED`']).toContain('for writes only with an idempotency key');
  });
});

describe('withErrorCodeTable', () => {
  const readme = '# Title\n\n<!-- error-codes:start -->\nold\n<!-- error-codes:end -->\n\n## Next\n';

  it('replaces only what lies between the markers, set off by blank lines', () => {
    expect(withErrorCodeTable(readme, 'new\n')).toBe(
      '# Title\n\n<!-- error-codes:start -->\n\nnew\n\n<!-- error-codes:end -->\n\n## Next\n',
    );
  });

  it('refuses a README whose markers are missing, repeated or out of order', () => {
    expect(() => withErrorCodeTable('# Title\n', 'new')).toThrow(
      'README.md must contain <!-- error-codes:start --> exactly once (found 0)',
    );
    expect(() => withErrorCodeTable(`${readme}<!-- error-codes:end -->\n`, 'new')).toThrow(
      '<!-- error-codes:end --> exactly once (found 2)',
    );
    expect(() => withErrorCodeTable('<!-- error-codes:end -->\n<!-- error-codes:start -->\n', 'new')).toThrow('comes before');
  });
});
