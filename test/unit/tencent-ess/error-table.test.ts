import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { parseEssEnvelope } from '../../../datasources/tencent-ess/envelope';
import { TENCENT_ESS_ERROR_TABLE } from '../../../datasources/tencent-ess/error-table';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import type { ExpectedError } from '../../fixtures/expected-error';
import {
  TENCENT_ESS_COMMON_EXPECTED_ERRORS,
  TENCENT_ESS_SEED_EXPECTED_ERRORS,
  TENCENT_ESS_UNDOCUMENTED_SUBCODES,
} from '../../fixtures/tencent-ess-expected-errors';

/** The vendor's own text, which must travel as vendorMessage and never become our message. */
const VENDOR_TEXT = '签署流程已有关联文档,请检查参数修改后重试。';

/** What ESS answers for `vendorCode` (VENDORS.md "Envelope": API errors arrive with HTTP 200). */
function essFailure(vendorCode: string): RawVendorResponse {
  return {
    status: 200,
    headers: {},
    body: JSON.stringify({ Response: { Error: { Code: vendorCode, Message: VENDOR_TEXT }, RequestId: 'req-ess-table' } }),
  };
}

function errorFor(vendorCode: string): VendorError {
  try {
    parseEssEnvelope(essFailure(vendorCode));
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error(`parseEssEnvelope accepted the failure ${vendorCode}`);
}

/** Every row that does not come out as the fixture says, as readable lines (empty when all agree). */
function disagreements(rows: readonly ExpectedError[]): string[] {
  return rows.flatMap(({ vendorCode, code, retryable }) => {
    const error = errorFor(vendorCode);
    const problems = [
      error.code === code ? undefined : `code ${error.code}, expected ${code}`,
      error.retryable === retryable ? undefined : `retryable ${String(error.retryable)}, expected ${String(retryable)}`,
      error.vendor === Vendor.TENCENT_ESS ? undefined : `vendor ${String(error.vendor)}`,
      error.vendorCode === vendorCode ? undefined : `vendorCode ${String(error.vendorCode)}`,
      error.vendorMessage === VENDOR_TEXT ? undefined : 'vendorMessage not kept',
      error.vendorRequestId === 'req-ess-table' ? undefined : 'RequestId not kept',
      /^[\x20-\x7e]+$/.test(error.message) ? undefined : `message not plain English: ${error.message}`,
    ].filter((problem): problem is string => problem !== undefined);
    return problems.length === 0 ? [] : [`${vendorCode}: ${problems.join('; ')}`];
  });
}

describe('TENCENT_ESS_ERROR_TABLE', () => {
  it('classifies every code of the two ESS seed documents as the hand-written fixture says', () => {
    expect(TENCENT_ESS_SEED_EXPECTED_ERRORS).toHaveLength(76);
    expect(disagreements(TENCENT_ESS_SEED_EXPECTED_ERRORS)).toEqual([]);
  });

  it('has an exact row, not just a prefix, for every seed and common code', () => {
    const missing = [...TENCENT_ESS_SEED_EXPECTED_ERRORS, ...TENCENT_ESS_COMMON_EXPECTED_ERRORS]
      .map(({ vendorCode }) => vendorCode)
      .filter((vendorCode) => !Object.hasOwn(TENCENT_ESS_ERROR_TABLE.exact, vendorCode));
    expect(missing).toEqual([]);
  });

  it('classifies every API 3.0 common code of VENDORS.md as the fixture says', () => {
    expect(disagreements(TENCENT_ESS_COMMON_EXPECTED_ERRORS)).toEqual([]);
  });

  it('falls back by prefix, then to VENDOR_ERROR, when a code is in no document', () => {
    expect(disagreements(TENCENT_ESS_UNDOCUMENTED_SUBCODES)).toEqual([]);
  });

  it('gives every row and prefix a plain English sentence of its own', () => {
    const rules = [...Object.values(TENCENT_ESS_ERROR_TABLE.exact), ...Object.values(TENCENT_ESS_ERROR_TABLE.prefixes)];
    const bad = rules.map((rule) => rule.message).filter((message) => !/^[A-Z][\x20-\x7e]{10,}\.$/.test(message));
    expect(bad).toEqual([]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TENCENT_ESS_ERROR_TABLE)).toBe(true);
    expect(Object.isFrozen(TENCENT_ESS_ERROR_TABLE.exact)).toBe(true);
    expect(Object.isFrozen(TENCENT_ESS_ERROR_TABLE.prefixes)).toBe(true);
    expect(Object.values(TENCENT_ESS_ERROR_TABLE.exact).every((rule) => Object.isFrozen(rule))).toBe(true);
  });
});
