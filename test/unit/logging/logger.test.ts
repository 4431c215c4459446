import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { createLogger } from '../../../src/logging/logger';

/** A destination that keeps every JSON line pino writes. */
class CapturedLines extends Writable {
  private readonly chunks: string[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }

  get text(): string {
    return this.chunks.join('');
  }

  /** The records written so far, parsed. */
  records(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The only record written; fails the test when there is not exactly one. */
  single(): Record<string, unknown> {
    const records = this.records();
    expect(records).toHaveLength(1);
    const record = records.at(0);
    if (!record) throw new Error('no log record');
    return record;
  }
}

const SECRET_VALUES = [
  'Bearer eyJhbGciOi.secret',
  's3cr3t-password',
  'tencent-secret-key',
  'vnpt-token-value',
  '13800000000',
  '0912345678',
  '张三',
];

describe('createLogger', () => {
  let lines: CapturedLines;
  let logger: Logger;

  beforeEach(() => {
    lines = new CapturedLines();
    logger = createLogger('info', lines);
  });

  afterEach(() => {
    lines.destroy();
  });

  it('redacts secrets and personal data when they are top-level fields', () => {
    logger.info(
      {
        Authorization: SECRET_VALUES[0],
        authorization: SECRET_VALUES[0],
        password: SECRET_VALUES[1],
        secretKey: SECRET_VALUES[2],
        token: SECRET_VALUES[3],
        Mobile: SECRET_VALUES[4],
        mobile: SECRET_VALUES[5],
        ApproveName: SECRET_VALUES[6],
      },
      'top level',
    );

    const record = lines.single();
    for (const field of ['Authorization', 'authorization', 'password', 'secretKey', 'token', 'Mobile', 'mobile', 'ApproveName']) {
      expect(record[field]).toBe('[REDACTED]');
    }
    for (const secret of SECRET_VALUES) expect(lines.text).not.toContain(secret);
  });

  it('redacts secrets and personal data when they are nested one level down', () => {
    logger.info(
      {
        headers: { authorization: SECRET_VALUES[0], Authorization: SECRET_VALUES[0], 'content-type': 'application/json' },
        credentials: { password: SECRET_VALUES[1], secretKey: SECRET_VALUES[2], username: 'operator' },
        session: { token: SECRET_VALUES[3] },
        approver: { Mobile: SECRET_VALUES[4], mobile: SECRET_VALUES[5], ApproveName: SECRET_VALUES[6], RecipientId: 'r-1' },
      },
      'nested',
    );

    const record = lines.single();
    expect(record.headers).toEqual({ authorization: '[REDACTED]', Authorization: '[REDACTED]', 'content-type': 'application/json' });
    expect(record.credentials).toEqual({ password: '[REDACTED]', secretKey: '[REDACTED]', username: 'operator' });
    expect(record.session).toEqual({ token: '[REDACTED]' });
    expect(record.approver).toEqual({ Mobile: '[REDACTED]', mobile: '[REDACTED]', ApproveName: '[REDACTED]', RecipientId: 'r-1' });
    for (const secret of SECRET_VALUES) expect(lines.text).not.toContain(secret);
  });

  it('redacts the Authorization header of a request when it is logged as req.headers', () => {
    logger.info({ req: { method: 'POST', url: '/graphql', headers: { authorization: SECRET_VALUES[0], host: 'localhost' } } }, 'request');

    expect(lines.single().req).toEqual({ method: 'POST', url: '/graphql', headers: { authorization: '[REDACTED]', host: 'localhost' } });
  });

  it('keeps the path of a logged request target but none of its query-string values', () => {
    const variables = encodeURIComponent(JSON.stringify({ mobile: SECRET_VALUES[4] }));
    logger.info(
      {
        req: { method: 'GET', url: `/graphql?query=%7B__typename%7D&variables=${variables}&operationName=Find&${SECRET_VALUES[5]}#frag` },
        url: `/health?probe=${SECRET_VALUES[5]}`,
      },
      'incoming request',
    );

    const record = lines.single();
    expect(record.req).toEqual({
      method: 'GET',
      url: '/graphql?query=[REDACTED]&variables=[REDACTED]&operationName=[REDACTED]&[REDACTED]',
    });
    expect(record.url).toBe('/health?[REDACTED]');
    for (const secret of SECRET_VALUES) expect(lines.text).not.toContain(secret);
  });

  it('keeps a request target without a query string as it is', () => {
    logger.info({ req: { method: 'POST', url: '/graphql' } }, 'incoming request');

    expect(lines.single().req).toEqual({ method: 'POST', url: '/graphql' });
  });

  it("redacts a vendor's own message, top level, nested and inside a logged error", () => {
    const quoted = `审批人${SECRET_VALUES[6]}的手机号${SECRET_VALUES[4]}不正确`;
    const error = new VendorError({
      code: ErrorCode.INTERNAL,
      message: 'Internal error.',
      vendorCode: 'InternalError',
      vendorMessage: quoted,
    });

    logger.warn({ vendorMessage: quoted, failure: { vendorMessage: quoted, vendorCode: 'InternalError' } }, 'vendor refused');
    logger.error({ err: error, detail: { failure: { vendorMessage: quoted } } }, 'failed');

    const [warning, failure] = lines.records();
    expect(warning).toMatchObject({ vendorMessage: '[REDACTED]', failure: { vendorMessage: '[REDACTED]', vendorCode: 'InternalError' } });
    expect(failure).toMatchObject({
      err: { vendorMessage: '[REDACTED]', vendorCode: 'InternalError' },
      detail: { failure: { vendorMessage: '[REDACTED]' } },
    });
    expect(lines.text).not.toContain(SECRET_VALUES[4]);
    expect(lines.text).not.toContain(SECRET_VALUES[6]);
  });

  it('keeps ordinary fields, the message, the level and the service name', () => {
    logger.info(
      { vendor: 'TENCENT_ESS', operation: 'DescribeFlowInfo', attempt: 2, vendorRequestId: 'req-1' },
      'vendor call attempt failed',
    );

    expect(lines.single()).toMatchObject({
      level: 30,
      service: 'agreements-subgraph',
      msg: 'vendor call attempt failed',
      vendor: 'TENCENT_ESS',
      operation: 'DescribeFlowInfo',
      attempt: 2,
      vendorRequestId: 'req-1',
    });
  });

  it('keeps the type and message of an err when an error is logged', () => {
    class VendorTimeout extends Error {
      override readonly name = 'VendorTimeout';
    }

    logger.error({ err: new VendorTimeout('the vendor did not answer'), correlationId: 'c-1' }, 'failed');

    const record = lines.single();
    expect(record.err).toMatchObject({ type: 'VendorTimeout', message: 'the vendor did not answer' });
    expect(record.correlationId).toBe('c-1');
  });

  it('writes nothing below the configured level', () => {
    logger.debug({ detail: 'x' }, 'debug line');

    expect(lines.records()).toEqual([]);
  });
});
