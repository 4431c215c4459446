import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLRequestCounter } from './graphql-request-counter';

/** Counts every request Apollo's pipeline answers through the app's one {@link GraphQLRequestCounter}. */
export function metricsPlugin<TContext extends object>(counter: GraphQLRequestCounter): ApolloServerPlugin<TContext> {
  return {
    // Apollo awaits these hooks; nothing here waits, so they hand back settled promises.
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ schema, operation, document, errors }) {
          counter.count(schema, operation, document, errors !== undefined && errors.length > 0);
          return Promise.resolve();
        },
      });
    },
  };
}
