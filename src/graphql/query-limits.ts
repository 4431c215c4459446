import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Limits on what one GraphQL document may ask for; generous for real clients and routers. */
export const QUERY_LIMITS = Object.freeze({
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 50,
  maxCost: 5_000,
});

/**
 * graphql-armor protections as Apollo plugins and validation rules. Field suggestions ("did you
 * mean …") are blocked in production only, where they would leak the schema of a closed API.
 */
export function queryLimits(production: boolean): ReturnType<ApolloArmor['protect']> {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
