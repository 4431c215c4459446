import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import { SigningKeyCache } from '../../../datasources/http/signing-key-cache';
import { parseTc3Authorization, signTc3, type Tc3SigningInput } from '../../../datasources/tencent-ess/sign';
import { prng } from '../../support/prng';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const OFFICIAL: Tc3SigningInput = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  // String.raw keeps the \u escapes as literal backslash sequences, as in the docs' example bytes.
  payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
  timestamp: 1551113065,
};

describe('signTc3', () => {
  it('reproduces the official worked example when given its inputs', () => {
    const result = signTc3(OFFICIAL);
    expect(sha256(OFFICIAL.payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(result.canonicalRequest.split('\n').at(-1)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(sha256(result.canonicalRequest)).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(result.date).toBe('2019-02-25');
    expect(result.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(result.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(result.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('builds the canonical request from POST, path /, an empty query and content-type;host', () => {
    const { canonicalRequest } = signTc3(OFFICIAL);
    expect(canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        sha256(OFFICIAL.payload),
    );
  });

  it('trims and lowercases header values when the caller passes them as sent', () => {
    const shouting = signTc3({ ...OFFICIAL, host: ' CVM.TencentCloudAPI.com ', contentType: 'Application/JSON; Charset=UTF-8 ' });
    expect(shouting.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });

  it('signs the Host port when the Host header carries one', () => {
    const withPort = signTc3({ ...OFFICIAL, host: '127.0.0.1:8443' });
    expect(withPort.canonicalRequest).toContain('\nhost:127.0.0.1:8443\n');
    expect(withPort.signature).not.toBe(signTc3({ ...OFFICIAL, host: '127.0.0.1' }).signature);
  });

  it('hashes the body as UTF-8 when it holds non-ASCII text', () => {
    const payload = '{"Reason":"因为业务调整,结束合作。🙂"}';
    expect(
      signTc3({ ...OFFICIAL, payload })
        .canonicalRequest.split('\n')
        .at(-1),
    ).toBe(createHash('sha256').update(Buffer.from(payload, 'utf8')).digest('hex'));
  });

  it('rejects a timestamp when it is not whole Unix seconds', () => {
    expect(() => signTc3({ ...OFFICIAL, timestamp: 1551113065.5 })).toThrow(RangeError);
    expect(() => signTc3({ ...OFFICIAL, timestamp: -1 })).toThrow(RangeError);
    expect(() => signTc3({ ...OFFICIAL, timestamp: Number.NaN })).toThrow(RangeError);
    expect(() => signTc3({ ...OFFICIAL, timestamp: 1551113065000000 })).toThrow(RangeError);
  });

  describe('credential date', () => {
    // 2024-03-10T23:59:59Z and 2024-03-11T00:00:00Z: local dates differ from UTC in all zones below.
    const lastSecond = Date.UTC(2024, 2, 10, 23, 59, 59) / 1000;
    const firstSecond = Date.UTC(2024, 2, 11, 0, 0, 0) / 1000;

    /**
     * Runs the signer in a child node whose TZ is `zone`: jest gives each test file its own copy of
     * process.env, so setting TZ here would never reach the clock the signer reads.
     */
    function signInZone(zone: string): { localDays: number[]; dates: string[] } {
      // The child compiles the signer and what it imports on the fly, as ts-jest does here.
      const script = `
        const { readFileSync } = require('node:fs');
        const ts = require(${JSON.stringify(require.resolve('typescript'))});
        const options = { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } };
        require.extensions['.ts'] = (module, filename) =>
          module._compile(ts.transpileModule(readFileSync(filename, 'utf8'), options).outputText, filename);
        const { signTc3 } = require(${JSON.stringify(join(__dirname, '../../../datasources/tencent-ess/sign.ts'))});
        const input = ${JSON.stringify(OFFICIAL)};
        const stamps = [${lastSecond}, ${firstSecond}];
        process.stdout.write(JSON.stringify({
          localDays: stamps.map((s) => new Date(s * 1000).getDate()),
          dates: stamps.map((timestamp) => signTc3({ ...input, timestamp }).date),
        }));`;
      const child = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as { localDays: number[]; dates: string[] };
    }

    it.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
      'uses the UTC date when the process runs in %s near midnight UTC',
      (zone) => {
        const { localDays, dates } = signInZone(zone);
        // Guard: the zone really shifts the local date, or the test would prove nothing.
        expect(localDays).not.toEqual([10, 11]);
        expect(dates).toEqual(['2024-03-10', '2024-03-11']);
      },
    );

    it('writes the UTC date into the scope and credential when the timestamp is just before or after midnight', () => {
      expect(signTc3({ ...OFFICIAL, timestamp: firstSecond }).stringToSign).toContain('\n2024-03-11/cvm/tc3_request\n');
      expect(signTc3({ ...OFFICIAL, timestamp: lastSecond }).authorization).toContain('/2024-03-10/cvm/tc3_request,');
    });
  });

  describe('against the official Node SDK (tencentcloud-sdk-nodejs-common sign3)', () => {
    const SEED = 20201111;
    const CASES = 300;

    const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const int = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
    const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const word = (random: () => number, length: number, alphabet = ALNUM): string =>
      Array.from({ length }, () => pick(random, Array.from(alphabet))).join('');

    function randomChar(random: () => number): string {
      switch (int(random, 0, 6)) {
        case 0:
          return String.fromCodePoint(int(random, 0x20, 0x7e));
        case 1:
          return String.fromCodePoint(int(random, 0x4e00, 0x9fff)); // CJK
        case 2:
          return String.fromCodePoint(int(random, 0x1f300, 0x1faff)); // emoji, astral plane
        case 3:
          return pick(random, ['"', '\\', "'", '\\u', '\\"', '\n', '\t', '\r', '\u0000', '\u2028']);
        case 4:
          return String.fromCodePoint(int(random, 0xa0, 0x2fff));
        case 5:
          return pick(random, ['解除协议', '签署人', 'Nguyễn', 'ß', 'é', '👨‍👩‍👧']);
        default:
          return String.fromCodePoint(int(random, 0xe000, 0xfffd)); // BMP above surrogates
      }
    }

    /** The official SDK's Authorization for `input` sent to `url` (the SDK reads the host from the URL). */
    function sdkAuthorization(input: Tc3SigningInput, url: string): string {
      return Sign.sign3({
        method: 'POST',
        url,
        payload: Buffer.from(input.payload, 'utf8'),
        timestamp: input.timestamp,
        service: input.service,
        secretId: input.secretId,
        secretKey: input.secretKey,
        multipart: false,
        boundary: '',
        headers: { 'Content-Type': input.contentType },
      });
    }

    function randomBody(random: () => number): string {
      const text = (): string => Array.from({ length: int(random, 0, 40) }, () => randomChar(random)).join('');
      switch (int(random, 0, 3)) {
        case 0:
          return ''; // the SDK hashes an empty Buffer like an empty string
        case 1:
          return text(); // not JSON at all: the signer must not care
        case 2:
          return JSON.stringify({ Operator: { UserId: word(random, 20) }, FlowIds: [text(), text()], Reason: text() });
        default:
          return `{"Reason": "${text()}", "Limit": ${int(random, 0, 100)}}`; // hand-built, may hold raw escapes
      }
    }

    function randomHost(random: () => number): { url: string; hostname: string } {
      const label = (): string =>
        word(random, int(random, 1, 12), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789-').replace(/^-|-$/g, 'x');
      const hostname =
        random() < 0.2
          ? `${int(random, 1, 254)}.${int(random, 0, 255)}.${int(random, 0, 255)}.${int(random, 1, 254)}`
          : `${label()}.${label()}.${pick(random, ['com', 'cn', 'internal', 'tencentcloudapi.com'])}`;
      const port = random() < 0.6 ? `:${int(random, 1, 65535)}` : '';
      // Ours gets the hostname in its original case: it must lowercase it itself, as URL does for the SDK.
      return { url: `https://${hostname}${port}/`, hostname };
    }

    it('produces the same Authorization as sign3 when bodies, timestamps, hosts and keys are random', () => {
      const random = prng(SEED);
      for (let index = 0; index < CASES; index += 1) {
        const { url, hostname } = randomHost(random);
        const input: Tc3SigningInput = {
          secretId: `AKID${word(random, int(random, 8, 36))}`,
          secretKey: word(random, int(random, 8, 40)),
          service: pick(random, ['ess', 'cvm', 'sms', 'essbasic']),
          host: hostname,
          contentType: pick(random, ['application/json', 'application/json; charset=utf-8']),
          payload: randomBody(random),
          timestamp: int(random, 0, 4_102_444_799), // 1970 .. 2099
        };
        const expected = sdkAuthorization(input, url);
        const actual = signTc3(input).authorization;
        if (actual !== expected) {
          throw new Error(
            `case ${index} (seed ${SEED}) differs:\ninput ${JSON.stringify({ ...input, url })}\nsdk  ${expected}\nours ${actual}`,
          );
        }
      }
    });

    it("still produces sign3's Authorization when one SigningKeyCache serves requests of two secrets, services and five days", () => {
      const random = prng(SEED + 1);
      const signingKeys = new SigningKeyCache();
      // Midnight UTC of 2024-03-11 and the days around it: consecutive requests often share a scope and
      // often do not, so the cache both hits and must notice that its key no longer applies.
      const midnight = 1_710_115_200;
      for (let index = 0; index < CASES; index += 1) {
        const input: Tc3SigningInput = {
          secretId: 'AKIDcachedcredential',
          secretKey: pick(random, ['Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', 'anotherSecretKeyOfSameLength0000']),
          service: pick(random, ['ess', 'cvm']),
          host: 'ess.tencentcloudapi.com',
          contentType: 'application/json',
          payload: randomBody(random),
          timestamp: midnight + int(random, -2, 2) * 86_400 + int(random, -3, 3),
          signingKeys,
        };
        const expected = sdkAuthorization(input, 'https://ess.tencentcloudapi.com/');
        const actual = signTc3(input).authorization;
        if (actual !== expected) {
          throw new Error(
            `case ${index} differs:\ninput ${JSON.stringify({ ...input, signingKeys: undefined })}\nsdk  ${expected}\nours ${actual}`,
          );
        }
      }
    });

    it('matches sign3 for the hostname only when the URL has a port, since the SDK drops it from the signature', () => {
      const url = 'http://127.0.0.1:43127/';
      const sdk = Sign.sign3({
        method: 'POST',
        url,
        payload: Buffer.from('{}'),
        timestamp: 1700000000,
        service: 'ess',
        secretId: 'AKIDsandbox',
        secretKey: 'secret',
        multipart: false,
        boundary: '',
        headers: { 'Content-Type': 'application/json' },
      });
      const base = {
        secretId: 'AKIDsandbox',
        secretKey: 'secret',
        service: 'ess',
        contentType: 'application/json',
        payload: '{}',
        timestamp: 1700000000,
      };
      expect(signTc3({ ...base, host: '127.0.0.1' }).authorization).toBe(sdk);
      expect(signTc3({ ...base, host: '127.0.0.1:43127' }).authorization).not.toBe(sdk);
    });
  });
});

describe('parseTc3Authorization', () => {
  it('returns the parts when given what signTc3 produced', () => {
    const signed = signTc3(OFFICIAL);
    expect(parseTc3Authorization(signed.authorization)).toEqual({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: signed.signature,
    });
  });

  it('accepts the header when the spaces after commas are missing', () => {
    const compact = signTc3(OFFICIAL).authorization.replace(/, /g, ',');
    expect(parseTc3Authorization(compact)?.signedHeaders).toEqual(['content-type', 'host']);
  });

  it('lists every signed header when more than two are signed (VENDORS.md: `SignedHeaders={names}`)', () => {
    const wider = signTc3(OFFICIAL).authorization.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type;host;x-tc-action');
    expect(parseTc3Authorization(wider)?.signedHeaders).toEqual(['content-type', 'host', 'x-tc-action']);
  });

  const valid = signTc3(OFFICIAL).authorization;
  it.each([
    ['an empty value', ''],
    ['another algorithm', valid.replace('TC3-HMAC-SHA256', 'HMAC-SHA256')],
    ['a missing credential scope terminator', valid.replace('/tc3_request', '/request')],
    ['a malformed date', valid.replace('2019-02-25', '2019-2-25')],
    ['a short signature', valid.slice(0, -2)],
    ['an uppercase signature', valid.replace(/Signature=([0-9a-f]+)/, (_m, hex: string) => `Signature=${hex.toUpperCase()}`)],
    ['no signed headers', valid.replace('SignedHeaders=content-type;host', 'SignedHeaders=')],
    ['a missing secret id', valid.replace('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', '')],
    ['trailing garbage', `${valid}, Extra=1`],
  ])('returns undefined when given %s', (_label, value) => {
    expect(parseTc3Authorization(value)).toBeUndefined();
  });
});

describe('TC3 edges', () => {
  const valid = signTc3(OFFICIAL).authorization;

  it('parses an Authorization with surrounding whitespace and refuses one with text around it', () => {
    expect(parseTc3Authorization(`  ${valid}\n`)?.secretId).toBe('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
    expect(parseTc3Authorization(`x${valid}`)).toBeUndefined();
    expect(parseTc3Authorization(`${valid}0`)).toBeUndefined();
  });

  it('signs Unix second 0 and the last second of the year 9999, and refuses one second later, saying why', () => {
    expect(signTc3({ ...OFFICIAL, timestamp: 0 }).date).toBe('1970-01-01');
    expect(signTc3({ ...OFFICIAL, timestamp: 253_402_300_799 }).date).toBe('9999-12-31');
    expect(() => signTc3({ ...OFFICIAL, timestamp: 253_402_300_800 })).toThrow(
      new RangeError('TC3 timestamp must be an integer of Unix seconds up to year 9999, got 253402300800'),
    );
    expect(() => signTc3({ ...OFFICIAL, timestamp: -1 })).toThrow(
      new RangeError('TC3 timestamp must be an integer of Unix seconds up to year 9999, got -1'),
    );
  });
});
