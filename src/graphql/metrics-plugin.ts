import type { ApolloServerPlugin } from '@apollo/server';
import type { AppMetrics } from '../observability/metrics';

/** Counts GraphQL requests by operation name and whether the response carried errors. */
export function metricsPlugin<TContext extends object>(metrics: AppMetrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors }) {
          metrics.countGraphQLRequest(operationName ?? 'anonymous', errors && errors.length > 0 ? 'errors' : 'ok');
        },
      };
    },
  };
}
