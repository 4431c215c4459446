import Signer from '@volcengine/openapi/lib/base/sign';
import { createHash } from 'node:crypto';
import { SigningKeyCache } from '../../../datasources/http/signing-key-cache';
import {
  canonicalQueryString,
  formatVolcDate,
  parseVolcAuthorization,
  parseVolcDate,
  signVolcRequest,
  type VolcSignableHeaderName,
  type VolcSigningInput,
} from '../../../datasources/volcengine-billing/sign';
import { prng } from '../../support/prng';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const VECTOR_1: VolcSigningInput = {
  accessKeyId: 'AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg',
  secretAccessKey: 'WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==',
  region: 'cn-north-1',
  service: 'iam',
  method: 'GET',
  host: 'iam.volcengineapi.com',
  path: '/',
  query: { Action: 'ListUsers', Version: '2018-01-01', Limit: '10', Offset: '0' },
  body: '',
  date: new Date('2024-06-19T07:13:06Z'),
  signedHeaderNames: ['host', 'x-date'],
};

const VECTOR_2_BODY = '{"Action":2,"InvitationType":1,"RelationID":"rel7242575109678977324","MajorAccountID":2000000000,"Relation":1}';
const VECTOR_2: VolcSigningInput = {
  accessKeyId: 'AKTESTEXAMPLE',
  secretAccessKey: 'SKTESTEXAMPLE',
  region: 'cn-north-1',
  service: 'billing',
  method: 'POST',
  host: 'billing.volcengineapi.com',
  path: '/',
  query: { Action: 'HandleInvitation', Version: '2022-01-01' },
  body: VECTOR_2_BODY,
  date: new Date('2024-01-01T00:00:00Z'),
};

describe('signVolcRequest', () => {
  it('reproduces test vector 1 (GET ListUsers) when signing host and x-date only', () => {
    const signed = signVolcRequest(VECTOR_1);
    expect(signed.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/', 'Action=ListUsers&Limit=10&Offset=0&Version=2018-01-01']);
    expect(sha256(signed.canonicalRequest)).toBe('5ed5bca3905e1fcbf789abb56a17c2d819674a3bcfa468ae476bd1ea80d135cb');
    expect(signed.signature).toBe('e767552e763d42fb963737a8ea9e0391d38a917b8a282417c6e98b2990280cef');
    expect(signed.signedHeaders).toEqual(['host', 'x-date']);
    expect(signed.headers['X-Date']).toBe('20240619T071306Z');
    expect(signed.headers.Authorization).toBe(
      'HMAC-SHA256 Credential=AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg/20240619/cn-north-1/iam/request, ' +
        'SignedHeaders=host;x-date, Signature=e767552e763d42fb963737a8ea9e0391d38a917b8a282417c6e98b2990280cef',
    );
  });

  it('reproduces test vector 2 (HandleInvitation) when signing host, x-content-sha256 and x-date', () => {
    const signed = signVolcRequest(VECTOR_2);
    expect(signed.signedHeaders).toEqual(['host', 'x-content-sha256', 'x-date']);
    expect(signed.signature).toBe('0474817874907a8714556f3b87fe2f12f35b28f87460864d2cfb6d2d2d2d49d2');
    expect(signed.headers['X-Content-Sha256']).toBe(sha256(VECTOR_2_BODY));
    expect(signed.stringToSign.split('\n').slice(0, 3)).toEqual(['HMAC-SHA256', '20240101T000000Z', '20240101/cn-north-1/billing/request']);
    expect(signed.headers.Authorization).toBe(
      'HMAC-SHA256 Credential=AKTESTEXAMPLE/20240101/cn-north-1/billing/request, SignedHeaders=host;x-content-sha256;x-date, ' +
        'Signature=0474817874907a8714556f3b87fe2f12f35b28f87460864d2cfb6d2d2d2d49d2',
    );
  });

  it('signs content-type and x-security-token when they are given', () => {
    const signed = signVolcRequest({ ...VECTOR_2, contentType: 'application/json; charset=utf-8', securityToken: 'STS-token' });
    expect(signed.signedHeaders).toEqual(['content-type', 'host', 'x-content-sha256', 'x-date', 'x-security-token']);
    expect(signed.headers['X-Security-Token']).toBe('STS-token');
    expect(signed.canonicalRequest).toContain('content-type:application/json; charset=utf-8\n');
    expect(signed.signature).not.toBe('0474817874907a8714556f3b87fe2f12f35b28f87460864d2cfb6d2d2d2d49d2');
  });

  it('omits X-Security-Token when no session token is given', () => {
    expect(signVolcRequest(VECTOR_2).headers).not.toHaveProperty('X-Security-Token');
  });

  it('throws when asked to sign a header that is not sent', () => {
    expect(() => signVolcRequest({ ...VECTOR_2, signedHeaderNames: ['host', 'x-date', 'content-type'] })).toThrow(RangeError);
  });

  it('changes the signature when one body byte changes', () => {
    const tampered = signVolcRequest({ ...VECTOR_2, body: VECTOR_2_BODY.replace('2000000000', '2000000001') });
    expect(tampered.signature).not.toBe(signVolcRequest(VECTOR_2).signature);
  });
});

describe('canonicalQueryString', () => {
  it('encodes names and values per RFC 3986 and sorts by name when given reserved characters', () => {
    expect(canonicalQueryString({ b: "x y!'()*", a: 'é/~-._', A: '+&=' })).toBe('A=%2B%26%3D&a=%C3%A9%2F~-._&b=x%20y%21%27%28%29%2A');
  });

  it('returns an empty string when there is no parameter', () => {
    expect(canonicalQueryString({})).toBe('');
  });
});

describe('parseVolcAuthorization', () => {
  it('returns the parts when given what signVolcRequest produced', () => {
    const signed = signVolcRequest(VECTOR_2);
    expect(parseVolcAuthorization(signed.headers.Authorization)).toEqual({
      accessKeyId: 'AKTESTEXAMPLE',
      shortDate: '20240101',
      region: 'cn-north-1',
      service: 'billing',
      signedHeaders: ['host', 'x-content-sha256', 'x-date'],
      signature: signed.signature,
    });
  });

  it.each([
    [
      'another algorithm',
      'TC3-HMAC-SHA256 Credential=AK/20240101/cn-north-1/billing/request, SignedHeaders=host, Signature=' + 'a'.repeat(64),
    ],
    ['no signature', 'HMAC-SHA256 Credential=AK/20240101/cn-north-1/billing/request, SignedHeaders=host;x-date'],
    ['a short signature', 'HMAC-SHA256 Credential=AK/20240101/cn-north-1/billing/request, SignedHeaders=host, Signature=abc'],
    [
      'a scope without terminator',
      'HMAC-SHA256 Credential=AK/20240101/cn-north-1/billing, SignedHeaders=host, Signature=' + 'a'.repeat(64),
    ],
    ['an empty value', ''],
  ])('returns undefined when given %s', (_label, value) => {
    expect(parseVolcAuthorization(value)).toBeUndefined();
  });
});

describe('formatVolcDate / parseVolcDate', () => {
  it('formats UTC without milliseconds and parses it back', () => {
    const text = formatVolcDate(new Date('2024-02-29T23:59:58.987Z'));
    expect(text).toBe('20240229T235958Z');
    expect(parseVolcDate(text)?.toISOString()).toBe('2024-02-29T23:59:58.000Z');
  });

  it.each(['2024-01-01T00:00:00Z', '20240230T000000Z', '20240101T000000', '20240101T250000Z'])(
    'returns undefined when given %s',
    (value) => {
      expect(parseVolcDate(value)).toBeUndefined();
    },
  );
});

/** Characters for random query names/values and bodies: ASCII, reserved, CJK, an astral emoji. */
// Array.from splits into code points on purpose: the emoji must stay one character.
const ALPHABET = Array.from('abcXYZ019-_.~ !*\'()%&=+/?:@,;"\\{}[]中文éñ😀');
const LETTERS = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const REGIONS = ['cn-north-1', 'cn-beijing', 'cn-shanghai', 'ap-southeast-1'];
const SERVICES = ['billing', 'iam', 'ecs'];
const HOSTS = ['billing.volcengineapi.com', 'open.volcengineapi.com', '127.0.0.1:41234', 'localhost:8080', 'sandbox.example.com:443'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty choice');
  return item;
}

function randomText(random: () => number, maxLength: number, alphabet: readonly string[] = ALPHABET): string {
  const length = Math.floor(random() * (maxLength + 1));
  let text = '';
  for (let i = 0; i < length; i += 1) text += pick(random, alphabet);
  return text;
}

interface RandomCase {
  readonly input: VolcSigningInput;
  readonly sdkHeaders: Record<string, string>;
}

function randomCase(random: () => number): RandomCase {
  const query: Record<string, string> = { Action: pick(random, ['HandleInvitation', 'ListInvitation', 'ListBill']), Version: '2022-01-01' };
  const extra = Math.floor(random() * 4);
  // Names start with a letter: the SDK re-inserts sorted keys into an object, and JS objects list
  // integer-like keys first, so for names like "10" and "9" the SDK's order is not a sort at all.
  for (let i = 0; i < extra; i += 1) query[pick(random, LETTERS) + randomText(random, 6)] = randomText(random, 12);
  const body =
    random() < 0.15 ? '' : JSON.stringify({ RelationID: randomText(random, 30), N: Math.floor(random() * 1e9), s: randomText(random, 40) });
  const host = pick(random, HOSTS);
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 20 * 365 * 24 * 3600 * 1000));
  const securityToken = random() < 0.3 ? `STS${randomText(random, 20, LETTERS)}` : undefined;
  // The SDK signs every header present except content-type (and a few others); X-Content-Sha256 only
  // for a non-empty body. Sign exactly that set on our side.
  const signedHeaderNames: VolcSignableHeaderName[] = ['host', 'x-date'];
  if (body !== '') signedHeaderNames.push('x-content-sha256');
  if (securityToken !== undefined) signedHeaderNames.push('x-security-token');
  const input: VolcSigningInput = {
    accessKeyId: `AKLT${randomText(random, 20, LETTERS)}`,
    secretAccessKey: randomText(random, 40, LETTERS) || 'SK',
    region: pick(random, REGIONS),
    service: pick(random, SERVICES),
    method: random() < 0.5 ? 'GET' : 'POST',
    host,
    path: '/',
    query,
    body,
    date,
    contentType: 'application/json; charset=utf-8',
    ...(securityToken !== undefined ? { securityToken } : {}),
    signedHeaderNames,
  };
  return { input, sdkHeaders: { Host: host, 'Content-Type': 'application/json; charset=utf-8' } };
}

/** The headers the official Signer adds to `input` sent with `sdkHeaders` (its Authorization and X-Date). */
function sdkSignedHeaders(input: VolcSigningInput, sdkHeaders: Readonly<Record<string, string>>): Record<string, unknown> {
  const signer = new Signer(
    {
      region: input.region,
      method: input.method,
      pathname: input.path,
      params: { ...input.query },
      headers: { ...sdkHeaders },
      body: input.body,
    },
    input.service,
  );
  signer.addAuthorization(
    {
      accessKeyId: input.accessKeyId,
      secretKey: input.secretAccessKey,
      ...(input.securityToken !== undefined ? { sessionToken: input.securityToken } : {}),
    },
    input.date,
  );
  const headers: unknown = signer.request.headers;
  return headers as Record<string, unknown>;
}

describe('signVolcRequest against the official @volcengine/openapi Signer', () => {
  const SEED = 20240101;
  const CASES = 250;

  it(`produces the same Authorization for ${CASES} random requests (seed ${SEED})`, () => {
    const random = prng(SEED);
    for (let index = 0; index < CASES; index += 1) {
      const { input, sdkHeaders } = randomCase(random);
      const theirs = sdkSignedHeaders(input, sdkHeaders);
      const ours = signVolcRequest(input);
      const context = `case ${index}: ${JSON.stringify({ ...input, date: input.date.toISOString() })}`;
      expect({ context, authorization: theirs.Authorization }).toEqual({
        context,
        authorization: ours.headers.Authorization,
      });
      expect(theirs['X-Date']).toBe(ours.headers['X-Date']);
    }
  });

  it("still produces the Signer's Authorization when one SigningKeyCache serves requests of two secrets, regions and five days", () => {
    const random = prng(SEED + 1);
    const signingKeys = new SigningKeyCache();
    const midnight = Date.UTC(2024, 0, 1);
    for (let index = 0; index < CASES; index += 1) {
      const { input: drawn, sdkHeaders } = randomCase(random);
      const input: VolcSigningInput = {
        ...drawn,
        secretAccessKey:
          random() < 0.5 ? 'WkdOa01qYzVNV1JtWm1VM05EQTNZV0k0TURZME1UZzFOV1psTXpRMA==' : 'c2Vjb25kLXNlY3JldC1vZi10aGUtc2FtZS1rZXk=',
        region: random() < 0.5 ? 'cn-north-1' : 'cn-beijing',
        date: new Date(midnight + (Math.floor(random() * 5) - 2) * 86_400_000 + (Math.floor(random() * 7) - 3) * 1000),
        signingKeys,
      };
      const theirs = sdkSignedHeaders(input, sdkHeaders);
      const context = `case ${index}: ${JSON.stringify({ ...input, signingKeys: undefined, date: input.date.toISOString() })}`;
      expect({ context, authorization: theirs.Authorization }).toEqual({
        context,
        authorization: signVolcRequest(input).headers.Authorization,
      });
    }
  });
});
