import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printAgreementsSchema } from '../../../src/graphql/print-schema';

describe('schema/schema.graphql', () => {
  it('matches the SDL printed from the code (run `npm run schema:print` after a schema change)', async () => {
    const committed = await readFile(join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(await printAgreementsSchema()).toBe(committed);
  });
});
