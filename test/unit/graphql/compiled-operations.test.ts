import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { CompiledOperations } from '../../../src/graphql/compiled-operations';

/** A two-field schema whose resolvers answer from the context, so a compiled run can be told by its answer. */
function schema(): GraphQLSchema {
  const built = buildSchema('type Query { greeting(name: String!): String  count: Int }');
  const fields = built.getQueryType()?.getFields();
  if (!fields) throw new Error('no Query type');
  const { greeting, count } = fields;
  greeting.resolve = (_source, args: { name?: string }, context: { punctuation: string }) =>
    `hello ${args.name ?? ''}${context.punctuation}`;
  count.resolve = () => 3;
  return built;
}

const GREETING = parse('query Greeting($name: String!) { greeting(name: $name) } query Count { count }');

describe('CompiledOperations', () => {
  it('leaves an operation to graphql-js on its first run and compiles it on the second', async () => {
    const operations = new CompiledOperations(schema());

    expect(operations.of(GREETING, 'Greeting')).toBeUndefined();
    const compiled = operations.of(GREETING, 'Greeting');

    expect(compiled).toBeDefined();
    expect(await compiled?.query(undefined, { punctuation: '!' }, { name: 'Lan' })).toEqual({ data: { greeting: 'hello Lan!' } });
    expect(operations.of(GREETING, 'Greeting')).toBe(compiled);
  });

  it('counts the runs of each operation of a document apart', () => {
    const operations = new CompiledOperations(schema());

    operations.of(GREETING, 'Greeting');
    operations.of(GREETING, 'Greeting');

    expect(operations.of(GREETING, 'Count')).toBeUndefined();
    expect(operations.of(GREETING, 'Count')).toBeDefined();
  });

  it('counts the runs of each document apart, the same text parsed twice included', () => {
    const operations = new CompiledOperations(schema());
    const text = 'query Count { count }';

    expect(operations.of(parse(text), 'Count')).toBeUndefined();
    expect(operations.of(parse(text), 'Count')).toBeUndefined();
  });

  it('compiles at once when told to wait for no uncompiled run, and after two when told two', () => {
    const document = parse('query Count { count }');
    expect(new CompiledOperations(schema(), 0).of(document, 'Count')).toBeDefined();

    const patient = new CompiledOperations(schema(), 2);
    expect([patient.of(document, 'Count'), patient.of(document, 'Count')]).toEqual([undefined, undefined]);
    expect(patient.of(document, 'Count')).toBeDefined();
  });

  it('never hands out a compilation graphql-jit refused (an operation the document lacks)', () => {
    const operations = new CompiledOperations(schema(), 0);

    expect(operations.of(GREETING, 'Missing')).toBeUndefined();
    expect(operations.of(GREETING, 'Missing')).toBeUndefined();
  });
});
