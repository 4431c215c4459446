import type { ApolloServerPlugin } from '@apollo/server';
import type { AppMetrics } from '../observability/metrics';

/** Counts GraphQL requests by operation name and whether the response carried errors. */
export function metricsPlugin<TContext extends object>(metrics: AppMetrics): ApolloServerPlugin<TContext> {
  return {
    // Apollo awaits these hooks; nothing here waits, so they hand back settled promises.
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ operationName, errors }) {
          metrics.countGraphQLRequest(operationName ?? 'anonymous', errors && errors.length > 0 ? 'errors' : 'ok');
          return Promise.resolve();
        },
      });
    },
  };
}
