import pino from 'pino';
import { Writable } from 'node:stream';
import { lazyChildLogger } from '../../../src/logging/lazy-child-logger';

function capture(): { readonly logger: pino.Logger; readonly lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = pino({ level: 'info', base: undefined, timestamp: false }, sink);
  return { logger, lines: () => written.map((line): Record<string, unknown> => JSON.parse(line) as Record<string, unknown>) };
}

describe('lazyChildLogger', () => {
  it('makes no child while only the log methods are looked at (what fastify checks on every request)', () => {
    const { logger } = capture();
    const child = jest.spyOn(logger, 'child');

    const requestLogger = lazyChildLogger(logger, { reqId: 'r-1' }, {});
    for (const method of ['info', 'error', 'debug', 'fatal', 'warn', 'trace', 'child'] as const) {
      expect(typeof requestLogger[method]).toBe('function');
    }

    expect(child).not.toHaveBeenCalled();
  });

  it('makes the child once, on the first line, and every line carries the bindings', () => {
    const { logger, lines } = capture();
    const child = jest.spyOn(logger, 'child');
    const requestLogger = lazyChildLogger(logger, { reqId: 'r-2' }, {});

    requestLogger.error({ code: 'X' }, 'first');
    requestLogger.info('second');
    requestLogger.debug('below the level');

    expect(child).toHaveBeenCalledTimes(1);
    expect(lines()).toEqual([
      { level: 50, reqId: 'r-2', code: 'X', msg: 'first' },
      { level: 30, reqId: 'r-2', msg: 'second' },
    ]);
  });

  it('answers other members from the child', () => {
    const { logger } = capture();
    const requestLogger = lazyChildLogger(logger, { reqId: 'r-3' }, { level: 'warn' });

    expect(requestLogger.level).toBe('warn');
    expect(logger.level).toBe('info');
  });
});
