import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { readVolcEnvelope } from '../../../datasources/volcengine-billing/envelope';
import { VOLC_BILLING_ERROR_TABLE } from '../../../datasources/volcengine-billing/error-table';
import { Vendor } from '../../../src/errors/vendor';
import type { VendorError } from '../../../src/errors/vendor-error';
import { disagreements as rowDisagreements, thrownVendorError } from '../../support/expected-error-check';
import type { ExpectedError } from '../../fixtures/expected-error';
import {
  VOLC_BILLING_COMMON_EXPECTED_ERRORS,
  VOLC_BILLING_SEED_EXPECTED_ERRORS,
  VOLC_BILLING_UNDOCUMENTED_SUBCODES,
} from '../../fixtures/volcengine-billing-expected-errors';

/** A seed message with its `%v` placeholder filled in, as the vendor sends it. */
const VENDOR_TEXT = 'Account 2100000001 owes invoice and cannot be linked with trusteeship!';

/** What Volcengine answers for `vendorCode` (VENDORS.md "Envelope": `ResponseMetadata.Error`, HTTP 4xx/5xx). */
function volcFailure(vendorCode: string): RawVendorResponse {
  return {
    status: 400,
    headers: {},
    body: Buffer.from(
      JSON.stringify({
        ResponseMetadata: {
          RequestId: '20230327113355546653D988035BA94DB1',
          Action: 'HandleInvitation',
          Version: '2022-01-01',
          Service: 'billing',
          Region: 'cn-north-1',
          Error: { Code: vendorCode, Message: VENDOR_TEXT },
        },
      }),
    ),
  };
}

function errorFor(vendorCode: string): VendorError {
  return thrownVendorError(() => readVolcEnvelope(volcFailure(vendorCode)), `the Volcengine failure ${vendorCode}`);
}

/** Every row that does not come out as the fixture says (empty when all agree). */
function disagreements(rows: readonly ExpectedError[]): string[] {
  return rowDisagreements(rows, errorFor, {
    vendor: Vendor.VOLCENGINE_BILLING,
    vendorMessage: VENDOR_TEXT,
    vendorRequestId: '20230327113355546653D988035BA94DB1',
    // Our messages carry no placeholders: the seed's `%v`/`%s` texts only ever travel as vendorMessage.
    messageProblem: (message) => (/^[\x20-\x7e]+$/.test(message) && !/%[vs]/.test(message) ? undefined : `message: ${message}`),
  });
}

describe('VOLC_BILLING_ERROR_TABLE', () => {
  it('classifies every code of the HandleInvitation seed document as the hand-written fixture says', () => {
    expect(VOLC_BILLING_SEED_EXPECTED_ERRORS).toHaveLength(25);
    expect(disagreements(VOLC_BILLING_SEED_EXPECTED_ERRORS)).toEqual([]);
  });

  it('classifies every common OpenAPI code of VENDORS.md as the fixture says', () => {
    expect(VOLC_BILLING_COMMON_EXPECTED_ERRORS).toHaveLength(16);
    expect(disagreements(VOLC_BILLING_COMMON_EXPECTED_ERRORS)).toEqual([]);
  });

  it('has an exact row, not just a prefix, for every seed and common code', () => {
    const missing = [...VOLC_BILLING_SEED_EXPECTED_ERRORS, ...VOLC_BILLING_COMMON_EXPECTED_ERRORS]
      .map(({ vendorCode }) => vendorCode)
      .filter((vendorCode) => !Object.hasOwn(VOLC_BILLING_ERROR_TABLE.exact, vendorCode));
    expect(missing).toEqual([]);
  });

  it('falls back by prefix, then to VENDOR_ERROR, when a code is in no document', () => {
    expect(disagreements(VOLC_BILLING_UNDOCUMENTED_SUBCODES)).toEqual([]);
  });

  it('gives every row and prefix a plain English sentence of its own', () => {
    const rules = [...Object.values(VOLC_BILLING_ERROR_TABLE.exact), ...Object.values(VOLC_BILLING_ERROR_TABLE.prefixes)];
    const bad = rules.map((rule) => rule.message).filter((message) => !/^[A-Z][\x20-\x7e]{10,}\.$/.test(message));
    expect(bad).toEqual([]);
  });
});
