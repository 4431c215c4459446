import type { VendorCall, VendorTransport } from '../../../datasources/http/vendor-call';
import { handleInvitationBody, VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import { decodeInvitationId, encodeInvitationId, INVITATION_ID_MAX_LENGTH } from '../../../datasources/volcengine-billing/invitation-id';
import { mapInvitationItem, parseVendorTime } from '../../../datasources/volcengine-billing/mapper';
import {
  FinancialRelation,
  InvitationDecision,
  InvitationType,
  type HandleInvitationCommand,
} from '../../../datasources/volcengine-billing/model';
import { computeVolcSignature, parseVolcAuthorization, parseVolcDate, signVolcRequest } from '../../../datasources/volcengine-billing/sign';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';

/**
 * Edges of the Volcengine datasource that a Stryker run found untried: id encoding, signing and
 * Authorization parsing, ListInvitation field readers, and the client's answer checks.
 */

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const SIGNATURE = 'a'.repeat(64);

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('encodeInvitationId / decodeInvitationId', () => {
  it('encodes inv:<type tag>:<RelationID>[:<AuthID>] as base64url', () => {
    expect(encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel7242575109678977324' })).toBe(
      'aW52OjE6cmVsNzI0MjU3NTEwOTY3ODk3NzMyNA',
    );
    expect(encodeInvitationId({ type: InvitationType.UNKNOWN, relationId: 'rel1' })).toBe(b64('inv:0:rel1'));
    expect(decodeInvitationId(b64('inv:0:rel1'))).toEqual({ type: InvitationType.UNKNOWN, relationId: 'rel1' });
    expect(decodeInvitationId(b64('inv:0:rel1:a1'))).toEqual({ type: InvitationType.UNKNOWN, relationId: 'rel1', authId: 'a1' });
  });

  it.each([
    ['an empty RelationID', { type: InvitationType.RELATION, relationId: '' }],
    ['an AuthID on a RELATION key', { type: InvitationType.RELATION, relationId: 'r', authId: 'a' }],
    ['no AuthID on an AUTHORIZATION key', { type: InvitationType.AUTHORIZATION, relationId: 'r' }],
    ['an empty AuthID on an AUTHORIZATION key', { type: InvitationType.AUTHORIZATION, relationId: 'r', authId: '' }],
    ['an empty AuthID on an UNKNOWN key', { type: InvitationType.UNKNOWN, relationId: 'r', authId: '' }],
  ])('refuses to encode %s', (_label, key) => {
    expect(thrownBy(() => encodeInvitationId(key))).toEqual(new RangeError('inconsistent invitation key'));
  });

  it.each([
    ['one character over the longest issued id', 'A'.repeat(INVITATION_ID_MAX_LENGTH + 1)],
    ['a character outside base64url', `${b64('inv:1:rel1')}$`],
    ['a character before the id', `.${b64('inv:1:rel1')}`],
    ['two parts', b64('inv:1')],
    ['five parts', b64('inv:2:rel1:auth1:x')],
    ['another prefix', b64('vni:1:rel1')],
    ['an unknown type tag', b64('inv:9:rel1')],
    ['an AUTHORIZATION without AuthID', b64('inv:2:rel1')],
    ['a broken percent-encoding', b64('inv:1:%E0%A4%A')],
  ])('decodes %s as no id of ours', (_label, id) => {
    expect(decodeInvitationId(id)).toBeUndefined();
  });

  it('decodes an id of exactly the longest length it issues', () => {
    const relationId = 'r'.repeat(128);
    const authId = 'a'.repeat(128);
    const id = encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId, authId });
    expect(id.length).toBeLessThanOrEqual(INVITATION_ID_MAX_LENGTH);
    expect(decodeInvitationId(id)).toEqual({ type: InvitationType.AUTHORIZATION, relationId, authId });
  });
});

describe('Volcengine signing edges', () => {
  const base = {
    secretAccessKey: 'SKTESTEXAMPLE',
    region: 'cn-north-1',
    service: 'billing',
    method: 'POST',
    path: '/',
    query: { Action: 'HandleInvitation', Version: '2022-01-01' },
    bodySha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    xDate: '20240101T000000Z',
  };

  it('collapses inner whitespace and trims header values in the canonical request', () => {
    const signed = computeVolcSignature({
      ...base,
      headers: { host: '  billing.volcengineapi.com ', 'content-type': 'application/json;   charset=utf-8' },
      signedHeaderNames: ['host', 'content-type'],
    });
    expect(signed.canonicalRequest.split('\n').slice(3, 6)).toEqual([
      'content-type:application/json; charset=utf-8',
      'host:billing.volcengineapi.com',
      '',
    ]);
  });

  it('throws naming the header when a signed header has no value', () => {
    expect(thrownBy(() => computeVolcSignature({ ...base, headers: { host: 'h' }, signedHeaderNames: ['host', 'x-date'] }))).toEqual(
      new RangeError('signed header x-date has no value'),
    );
  });

  it('refuses to sign a header it does not send, naming it', () => {
    const input = {
      accessKeyId: 'AKTESTEXAMPLE',
      secretAccessKey: 'SKTESTEXAMPLE',
      region: 'cn-north-1',
      service: 'billing',
      method: 'POST' as const,
      host: 'billing.volcengineapi.com',
      path: '/',
      query: {},
      body: '{}',
      date: new Date('2024-01-01T00:00:00Z'),
      signedHeaderNames: ['host', 'content-type'] as const,
    };
    expect(thrownBy(() => signVolcRequest({ ...input, signedHeaderNames: [...input.signedHeaderNames] }))).toEqual(
      new RangeError('cannot sign content-type: it is not sent'),
    );
  });

  it.each([
    [
      'extra spaces after the algorithm and none after the commas',
      `HMAC-SHA256   Credential=AK/20240101/cn-north-1/billing/request,SignedHeaders=host;x-date,Signature=${SIGNATURE}`,
    ],
    [
      'surrounding whitespace',
      `  HMAC-SHA256 Credential=AK/20240101/cn-north-1/billing/request, SignedHeaders=host;x-date, Signature=${SIGNATURE}\n`,
    ],
    [
      'spaces after the commas',
      `HMAC-SHA256 Credential=AK/20240101/cn-north-1/billing/request,   SignedHeaders=host;x-date,   Signature=${SIGNATURE}`,
    ],
  ])('parses an Authorization with %s', (_label, value) => {
    expect(parseVolcAuthorization(value)).toEqual({
      accessKeyId: 'AK',
      shortDate: '20240101',
      region: 'cn-north-1',
      service: 'billing',
      signedHeaders: ['host', 'x-date'],
      signature: SIGNATURE,
    });
  });

  it('drops empty names from SignedHeaders', () => {
    expect(
      parseVolcAuthorization(`HMAC-SHA256 Credential=AK/20240101/r/s/request, SignedHeaders=;host;;x-date;, Signature=${SIGNATURE}`)
        ?.signedHeaders,
    ).toEqual(['host', 'x-date']);
  });

  it.each([
    ['another algorithm', `HMAC-SHA1 Credential=AK/20240101/r/s/request, SignedHeaders=host, Signature=${SIGNATURE}`],
    ['text before it', `x HMAC-SHA256 Credential=AK/20240101/r/s/request, SignedHeaders=host, Signature=${SIGNATURE}`],
    ['a short signature', `HMAC-SHA256 Credential=AK/20240101/r/s/request, SignedHeaders=host, Signature=${'a'.repeat(63)}`],
    ['text after the signature', `HMAC-SHA256 Credential=AK/20240101/r/s/request, SignedHeaders=host, Signature=${SIGNATURE}x`],
  ])('answers undefined for %s', (_label, value) => {
    expect(parseVolcAuthorization(value)).toBeUndefined();
  });

  it('reads back only an exact X-Date', () => {
    expect(parseVolcDate('20240101T000000Z')?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(parseVolcDate('20240230T000000Z')).toBeUndefined();
    expect(parseVolcDate('2024-01-01T00:00:00Z')).toBeUndefined();
  });
});

describe('ListInvitation field readers', () => {
  const item = (relation: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    InvitationType: 1,
    Relation: { RelationID: 'rel1', Relation: 1, ...relation },
    ...extra,
  });

  it.each([
    ['decimal text', '2100000001', '2100000001'],
    ['text zero', '0', '0'],
    ['a safe integer', 2100000001, '2100000001'],
    ['the integer 0', 0, '0'],
    ['text with letters', '21000x', undefined],
    ['text with a sign', '-5', undefined],
    ['a negative integer', -1, undefined],
    ['a fraction', 1.5, undefined],
    ['an unsafe integer', 2 ** 53, undefined],
  ])('reads a MajorAccountID given as %s', (_label, value, expected) => {
    expect(mapInvitationItem(item({ MajorAccountID: value }))[0]?.majorAccountId).toBe(expected);
  });

  it.each([
    ['Beijing wall-clock time', '2024-04-01 10:00:00', '2024-04-01T02:00:00.000Z'],
    ['wall-clock time with a T', '2024-04-01T10:00:00', '2024-04-01T02:00:00.000Z'],
    ['surrounding spaces', ' 2024-04-01 10:00:00 ', '2024-04-01T02:00:00.000Z'],
    ['an ISO instant in UTC', '2024-04-01T10:00:00Z', '2024-04-01T10:00:00.000Z'],
    ['an ISO instant without seconds', '2024-04-01T10:00+08:00', '2024-04-01T02:00:00.000Z'],
    ['an ISO instant with a fraction', '2024-04-01T10:00:00.25-01:00', '2024-04-01T11:00:00.250Z'],
    ['the leap day of a leap year', '2024-02-29 10:00:00', '2024-02-29T02:00:00.000Z'],
    ['the last day of a month', '2024-04-30T23:59:59Z', '2024-04-30T23:59:59.000Z'],
  ])('reads UpdateTime given as %s', (_label, value, expected) => {
    expect(parseVendorTime(value)?.toISOString()).toBe(expected);
  });

  it.each([
    ['text before it', 'x2024-04-01 10:00:00'],
    ['text after it', '2024-04-01 10:00:00x'],
    ['an ISO instant without an offset and with a fraction', '2024-04-01T10:00:00.5'],
    ['a fraction without digits', '2024-04-01T10:00:00.Z'],
    ['a fraction of letters', '2024-04-01T10:00:00.abZ'],
    ['an RFC 1123 date', 'Mon, 01 Apr 2024 10:00:00 GMT'],
    ['an empty string', ''],
    ['blank text', '   '],
    ['a number', 1711936800],
    ['30 February', '2024-02-30 10:00:00'],
    ['29 February of a common year', '2023-02-29T10:00:00Z'],
    ['29 February of a century year that is not a leap year', '2100-02-29 10:00:00'],
    ['31 April', '2024-04-31T10:00:00+08:00'],
    ['month 13', '2024-13-01 10:00:00'],
    ['month 0', '2024-00-10 10:00:00'],
    ['day 0', '2024-04-00T10:00:00Z'],
    ['year 0099, which Date.UTC reads as 1999', '0099-04-01T10:00:00Z'],
  ])('reads no UpdateTime from %s', (_label, value) => {
    expect(parseVendorTime(value)).toBeUndefined();
  });

  it('keeps only safe integers of an AuthList and takes the status of the matching AuthInfo entry', () => {
    const [record] = mapInvitationItem({
      InvitationType: 2,
      Relation: {
        RelationID: 'rel1',
        Relation: 4,
        AuthInfo: ['not an object', { AuthID: 'other', AuthStatus: 100 }, { AuthID: 'auth1', AuthStatus: 200 }],
      },
      Auth: { AuthID: 'auth1', AuthList: [1, '3', 2.5, 2 ** 53, null, 5] },
    });
    expect(record).toMatchObject({ authId: 'auth1', authList: [1, 5], statusCode: 200, status: '200' });
  });

  it('falls back to the AuthInfo entries when Auth names no AuthID, skipping entries without one', () => {
    const records = mapInvitationItem({
      InvitationType: 2,
      Relation: { RelationID: 'rel1', Relation: 4, AuthInfo: [{ AuthList: [1] }, { AuthID: 'auth2', AuthList: [3], AuthStatus: 100 }] },
      Auth: { AuthList: [9] },
    });
    expect(records.map(({ authId, authList, statusCode }) => ({ authId, authList, statusCode }))).toEqual([
      { authId: 'auth2', authList: [3], statusCode: 100 },
    ]);
  });

  it('leaves the status of an Auth without a matching AuthInfo entry UNKNOWN', () => {
    const [record] = mapInvitationItem({
      InvitationType: 2,
      Relation: { RelationID: 'rel1', Relation: 4, AuthInfo: 'not a list' },
      Auth: { AuthID: 'auth1' },
    });
    expect(record).toMatchObject({ authId: 'auth1', status: 'UNKNOWN' });
    expect(record).not.toHaveProperty('statusCode');
  });
});

describe('VolcengineBillingClient answer checks', () => {
  /** Builds each call and answers it with `result` inside the documented envelope. */
  function clientAnswering(result: Record<string, unknown> | undefined): VolcengineBillingClient {
    const transport: VendorTransport = {
      execute<T>(call: VendorCall<T>): Promise<T> {
        call.build(new Date('2024-01-01T00:00:00Z'));
        const body = { ResponseMetadata: { RequestId: 'req-volc-9', Action: call.operation, Version: '2022-01-01' }, Result: result };
        // `new Promise` turns a parse that throws into a rejection, as the HTTP layer does.
        return new Promise((resolve) => {
          resolve(call.parse({ status: 200, headers: {}, body: Buffer.from(JSON.stringify(body)) }));
        });
      },
    };
    return new VolcengineBillingClient({
      transport,
      endpoint: 'https://billing.volcengineapi.com',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      region: 'cn-north-1',
    });
  }
  const command = {
    type: InvitationType.RELATION,
    decision: InvitationDecision.ACCEPT,
    relationId: 'rel1',
    majorAccountId: '2000000000',
    relation: FinancialRelation.FINANCIAL_CUSTODY,
  } as const;

  it('answers VENDOR_UNAVAILABLE when HandleInvitation has no boolean IsSuccess', async () => {
    await expect(clientAnswering({ IsSuccess: 'true' }).handleInvitation(command, { idempotent: false })).rejects.toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      message: 'Volcengine Billing answered HandleInvitation without a readable IsSuccess.',
      vendorRequestId: 'req-volc-9',
    });
  });

  it('answers FAILED_PRECONDITION with its fixed message when IsSuccess is false', async () => {
    await expect(clientAnswering({ IsSuccess: false }).handleInvitation(command, { idempotent: false })).rejects.toMatchObject({
      code: ErrorCode.FAILED_PRECONDITION,
      message:
        'Volcengine Billing did not apply the decision (IsSuccess: false) and gave no reason; the invitation may no longer be open to it.',
      vendorMessage: undefined,
      retryable: false,
    });
  });

  it('answers no invitations when List is null or absent, and VENDOR_UNAVAILABLE when it is not a list', async () => {
    expect(await clientAnswering({ List: null }).listInvitations()).toEqual([]);
    expect(await clientAnswering({}).listInvitations()).toEqual([]);
    await expect(clientAnswering({ List: { RelationID: 'rel1' } }).listInvitations()).rejects.toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      message: 'Volcengine Billing answered ListInvitation without a readable List.',
    });
  });

  it('keeps every digit of a SubAccountID beyond 2^53 in a listing', async () => {
    const raw =
      '{"ResponseMetadata":{"RequestId":"r"},"Result":{"List":[{"InvitationType":1,"Relation":{"RelationID":"rel1","Relation":1,"MajorAccountID":9007199254740993,"SubAccountID":9007199254740995}}]}}';
    const transport: VendorTransport = {
      execute<T>(call: VendorCall<T>): Promise<T> {
        call.build(new Date());
        return new Promise((resolve) => {
          resolve(call.parse({ status: 200, headers: {}, body: Buffer.from(raw) }));
        });
      },
    };
    const client = new VolcengineBillingClient({
      transport,
      endpoint: 'https://billing.volcengineapi.com',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      region: 'cn-north-1',
    });
    expect(await client.listInvitations()).toMatchObject([{ majorAccountId: '9007199254740993', subAccountId: '9007199254740995' }]);
  });
});

describe('handleInvitationBody checks', () => {
  const relation = {
    type: InvitationType.RELATION,
    decision: InvitationDecision.ACCEPT,
    majorAccountId: '2000000000',
    relation: FinancialRelation.FINANCIAL_CUSTODY,
  } as const;

  it.each<[string, HandleInvitationCommand, string, string]>([
    [
      'an empty RelationID',
      { ...relation, relationId: '' },
      'RelationID',
      'The relation id must be a non-empty id without surrounding spaces.',
    ],
    [
      'a RelationID of 129 characters',
      { ...relation, relationId: 'r'.repeat(129) },
      'RelationID',
      'The relation id must be a non-empty id without surrounding spaces.',
    ],
    [
      'a RelationID with a trailing space',
      { ...relation, relationId: 'rel1 ' },
      'RelationID',
      'The relation id must be a non-empty id without surrounding spaces.',
    ],
    [
      'an empty AuthID',
      { type: InvitationType.AUTHORIZATION, decision: InvitationDecision.ACCEPT, relationId: 'rel1', authId: '' } as const,
      'AuthID',
      'The authorization id must be a non-empty id without surrounding spaces.',
    ],
    [
      'a MajorAccountID with a leading zero',
      { ...relation, relationId: 'rel1', majorAccountId: '0200' },
      'MajorAccountID',
      'The inviting account must be a Volcengine account UID (decimal digits).',
    ],
  ])('refuses %s, naming the vendor field', (_label, command, field, message) => {
    const error = thrownBy(() => handleInvitationBody(command));
    expect(error).toBeInstanceOf(VendorError);
    expect(error).toMatchObject({ code: ErrorCode.INVALID_INPUT, field, message });
  });

  // The expected bodies are built by JSON.stringify from the fields VENDORS.md lists, not by the writer under test.
  it.each([['quote " backslash \\ tab\t line\u2028 lone\ud800 中文'], ['</script>']])(
    'escapes the RelationID %j exactly as JSON.stringify does',
    (relationId) => {
      expect(handleInvitationBody({ ...relation, relationId })).toBe(
        `{"Action":2,"InvitationType":1,"RelationID":${JSON.stringify(relationId)},"MajorAccountID":2000000000,"Relation":1}`,
      );
      const authorization = {
        type: InvitationType.AUTHORIZATION,
        decision: InvitationDecision.REJECT,
        relationId: 'rel1',
        authId: relationId,
      } as const;
      expect(handleInvitationBody(authorization)).toBe(
        JSON.stringify({ Action: 3, InvitationType: 2, RelationID: 'rel1', AuthID: relationId }),
      );
    },
  );

  it('writes a 20-digit UID beyond 2^53 digit for digit, as a bare integer literal', () => {
    expect(handleInvitationBody({ ...relation, relationId: 'rel1', majorAccountId: '21002501451234567890' })).toBe(
      '{"Action":2,"InvitationType":1,"RelationID":"rel1","MajorAccountID":21002501451234567890,"Relation":1}',
    );
  });

  it('accepts a RelationID of exactly 128 characters', () => {
    expect(JSON.parse(handleInvitationBody({ ...relation, relationId: 'r'.repeat(128) })) as unknown).toMatchObject({
      RelationID: 'r'.repeat(128),
    });
  });
});
