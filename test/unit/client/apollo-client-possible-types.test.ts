import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SandboxCancelDocumentDocument, type CancelDocumentInput } from '../../generated/graphql';
import introspection from '../../generated/possible-types.json';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * A frontend's view of errors as data: Apollo Client 4 (its CommonJS build, which `@apollo/client`'s
 * `exports` map gives `require`) over real HTTP to the subgraph, running the README's `cancelDocument`
 * example, whose errors are selected only through the interface: `... on Error { code message }`.
 */
describe('Apollo Client 4 reading errors as data', () => {
  let t: TestApp;
  const clients: ApolloClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const client of clients) client.stop();
    await t.close();
  });

  function clientWith(cache: InMemoryCache): ApolloClient {
    const client = new ApolloClient({ link: new HttpLink({ uri: `${t.url}/graphql`, fetch }), cache });
    clients.push(client);
    return client;
  }

  /** Refused by the subgraph's own validation, before any vendor call: an `InvalidInputError`. */
  const emptyReason = (): CancelDocumentInput => ({ documentId: t.vnpt.seeded.byStatus.READY, reason: '' });

  describe('with the generated possibleTypes', () => {
    const cache = () => new InMemoryCache({ possibleTypes: introspection.possibleTypes });

    it('reads code and message of an InvalidInputError through `... on Error`', async () => {
      const { data, error } = await clientWith(cache()).mutate({
        mutation: SandboxCancelDocumentDocument,
        variables: { input: emptyReason() },
      });
      expect(error).toBeUndefined();
      expect(data?.cancelDocument).toEqual({
        __typename: 'InvalidInputError',
        code: 'INVALID_INPUT',
        message: 'input.reason must not be empty.',
      });
    });

    it("reads code and message of a vendor's refusal (PermissionDeniedError: the document is a colleague's)", async () => {
      const { data } = await clientWith(cache()).mutate({
        mutation: SandboxCancelDocumentDocument,
        variables: { input: { documentId: t.vnpt.seeded.ownedByOther, reason: 'Sai thông tin' } },
      });
      const outcome = data?.cancelDocument;
      expect(outcome?.__typename).toBe('PermissionDeniedError');
      if (outcome?.__typename !== 'PermissionDeniedError') return;
      // Narrowed by __typename, the typed document gives `code` and `message` their generated types.
      expect([outcome.code, outcome.message]).toEqual(['PERMISSION_DENIED', "Only the document's creator may cancel it."]);
    });
  });

  describe('without possibleTypes', () => {
    // InMemoryCache cannot know that InvalidInputError implements Error, so `... on Error` does not match:
    // writing the result skips the fragment's fields, and Apollo Client 4 then answers `mutate` with the
    // result read back from the cache (QueryInfo.markMutationResult re-reads ROOT_MUTATION, to apply parsed
    // scalars). The fields were on the wire; the caller gets `{ __typename }` alone, with no error and no
    // warning, so a UI that switches on `code` sees undefined.
    it('answers `{ __typename }` alone: code and message are dropped silently, though the server sent them', async () => {
      const warn = jest.spyOn(console, 'warn');
      const consoleError = jest.spyOn(console, 'error');
      try {
        const cache = new InMemoryCache();
        const { data, error } = await clientWith(cache).mutate({
          mutation: SandboxCancelDocumentDocument,
          variables: { input: emptyReason() },
          keepRootFields: true,
        });
        expect(error).toBeUndefined();
        expect(data).toEqual({ cancelDocument: { __typename: 'InvalidInputError' } });
        // What the cache stored under the mutation's root field: the object without the fragment's fields.
        expect(Object.values(cache.extract().ROOT_MUTATION ?? {})).toEqual(['Mutation', { __typename: 'InvalidInputError' }]);
        expect(warn).not.toHaveBeenCalled();
        expect(consoleError).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
        consoleError.mockRestore();
      }
    });

    it("keeps code and message only when the cache is bypassed (`fetchPolicy: no-cache`): the loss is the cache's", async () => {
      const { data } = await clientWith(new InMemoryCache()).mutate({
        mutation: SandboxCancelDocumentDocument,
        variables: { input: emptyReason() },
        fetchPolicy: 'no-cache',
      });
      expect(data?.cancelDocument).toEqual({
        __typename: 'InvalidInputError',
        code: 'INVALID_INPUT',
        message: 'input.reason must not be empty.',
      });
    });
  });
});
