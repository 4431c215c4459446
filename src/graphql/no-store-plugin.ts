import type { ApolloServerPlugin } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL response: what Apollo Server's default cache-control plugin
 * answers for this schema, which declares no `@cacheControl` hints (so no response is ever cacheable).
 * That plugin is switched off (`ApolloServerPluginCacheControlDisabled`) because it has a
 * `willResolveField` hook, and any such hook makes Apollo wrap every resolver of the schema and compute
 * a cache policy for every field of every request. Should the schema ever gain `@cacheControl` hints,
 * put the plugin back.
 */
export function noStorePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      });
    },
  };
}
