import { startTestApp } from '../../support/test-app';

describe('signal handling', () => {
  it('leaves SIGTERM and SIGINT to main: Apollo installs no handler of its own, even outside tests', async () => {
    const nodeEnv = process.env.NODE_ENV;
    const before = { term: process.listenerCount('SIGTERM'), int: process.listenerCount('SIGINT') };
    // Apollo only installs its handlers when NODE_ENV is not `test`, which jest sets.
    process.env.NODE_ENV = 'development';
    try {
      const t = await startTestApp();
      expect(process.listenerCount('SIGTERM')).toBe(before.term);
      expect(process.listenerCount('SIGINT')).toBe(before.int);
      await t.close();
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
});
