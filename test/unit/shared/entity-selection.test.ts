import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectsOnlyEntityKey } from '../../../resolvers/shared/entity-selection';

/** A tiny schema whose `flow` resolver records what `selectsOnlyEntityKey` says about each request. */
const schema = buildSchema(`
  type Flow { id: ID! name: String }
  type Query { flow: Flow }
`);

async function keyOnly(query: string): Promise<boolean> {
  let answer: boolean | undefined;
  const rootValue = {
    flow: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      answer = selectsOnlyEntityKey(info);
      return { id: 'f1', name: 'n' };
    },
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  if (answer === undefined) throw new Error('the flow resolver did not run');
  return answer;
}

describe('selectsOnlyEntityKey', () => {
  it.each([
    ['id alone', '{ flow { id } }'],
    ['id and __typename', '{ flow { __typename id } }'],
    ['id through an inline fragment', '{ flow { ... on Flow { id } } }'],
    ['id through a named fragment', '{ flow { ...Key } } fragment Key on Flow { __typename id }'],
    ['the same field selected twice', '{ flow { id } flow { __typename } }'],
  ])('is true for %s', async (_label, query) => {
    await expect(keyOnly(query)).resolves.toBe(true);
  });

  it.each([
    ['another field', '{ flow { id name } }'],
    ['another field in an inline fragment', '{ flow { id ... on Flow { name } } }'],
    ['another field in a named fragment', '{ flow { ...More } } fragment More on Flow { name }'],
    ['another field in a second selection of the same field', '{ flow { id } flow { name } }'],
    ['a field under @include', '{ flow { id name @include(if: false) } }'],
  ])('is false for %s', async (_label, query) => {
    await expect(keyOnly(query)).resolves.toBe(false);
  });
});
