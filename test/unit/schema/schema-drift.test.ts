import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printAgreementsSchema } from '../../../src/graphql/print-schema';

const committed = (file: string): Promise<string> => readFile(join(__dirname, '..', '..', '..', 'schema', file), 'utf8');

describe('the committed SDL (run `npm run schema:print` after a schema change)', () => {
  it('schema/schema.graphql matches the default SDL printed from the code', async () => {
    expect(await printAgreementsSchema()).toBe(await committed('schema.graphql'));
  });

  it('schema/schema.auth-directives.graphql matches the FEDERATION_AUTH_DIRECTIVES=true SDL', async () => {
    expect(await printAgreementsSchema({ federationAuthDirectives: true })).toBe(await committed('schema.auth-directives.graphql'));
  });
});
