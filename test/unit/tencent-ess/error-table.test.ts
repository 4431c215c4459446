import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { parseEssEnvelope } from '../../../datasources/tencent-ess/envelope';
import { TENCENT_ESS_ERROR_TABLE } from '../../../datasources/tencent-ess/error-table';
import { Vendor } from '../../../src/errors/vendor';
import type { VendorError } from '../../../src/errors/vendor-error';
import { disagreements as rowDisagreements, thrownVendorError } from '../../support/expected-error-check';
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
    body: Buffer.from(JSON.stringify({ Response: { Error: { Code: vendorCode, Message: VENDOR_TEXT }, RequestId: 'req-ess-table' } })),
  };
}

function errorFor(vendorCode: string): VendorError {
  return thrownVendorError(() => parseEssEnvelope(essFailure(vendorCode)), `the ESS failure ${vendorCode}`);
}

/** Every row that does not come out as the fixture says (empty when all agree). */
function disagreements(rows: readonly ExpectedError[]): string[] {
  return rowDisagreements(rows, errorFor, {
    vendor: Vendor.TENCENT_ESS,
    vendorMessage: VENDOR_TEXT,
    vendorRequestId: 'req-ess-table',
    messageProblem: (message) => (/^[\x20-\x7e]+$/.test(message) ? undefined : `message not plain English: ${message}`),
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
