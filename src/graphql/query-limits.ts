import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions } from 'graphql';
import { maxTokensRule } from './max-tokens-rule';

/** Limits on what one GraphQL document may ask for; generous for real clients and routers. */
export const QUERY_LIMITS = Object.freeze({
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 50,
  maxCost: 5_000,
});

/** Where the parser itself stops: far past `maxTokens`, only to bound the work a hostile document costs. */
const PARSER_TOKEN_CAP = 10 * QUERY_LIMITS.maxTokens;

/** What `ApolloServer` needs to enforce {@link QUERY_LIMITS}. */
export interface QueryLimits extends Pick<ReturnType<ApolloArmor['protect']>, 'plugins' | 'validationRules'> {
  /** For `ApolloServer`'s `parseOptions`: the parser's own hard stop (`PARSER_TOKEN_CAP`). */
  readonly parseOptions: ParseOptions;
}

/**
 * graphql-armor protections as Apollo plugins and validation rules, plus our token rule. Depth, alias,
 * directive, cost and token refusals are validation errors (HTTP 400, `GRAPHQL_VALIDATION_FAILED`). The
 * parser stops at `PARSER_TOKEN_CAP` (graphql-js's `maxLexicalTokens`), failing like any syntax error
 * (HTTP 400, `GRAPHQL_PARSE_FAILED`). Armor's Apollo `maxTokens` plugin is off: it re-parses the document
 * in a `parsingDidStart` hook, outside Apollo's parse error handling, so its refusals — and every syntax
 * error — reached the client as HTTP 500. Field suggestions ("did you mean …") are blocked in production only,
 * where they would leak the schema of a closed API.
 */
export function queryLimits(production: boolean): QueryLimits {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins,
    validationRules: [...validationRules, maxTokensRule(QUERY_LIMITS.maxTokens)],
    parseOptions: { maxLexicalTokens: PARSER_TOKEN_CAP },
  };
}
