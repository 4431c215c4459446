import { GraphQLError, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A validation rule that refuses documents of more than `limit` lexical tokens (comments, start and end
 * of file not counted, as graphql-js counts them). As a validation rule its refusal is what the
 * contract asks for: HTTP 400 `GRAPHQL_VALIDATION_FAILED` (DESIGN.md "Security contract"). The parser's
 * own `maxLexicalTokens`, set far higher, still bounds the work of parsing a hostile document.
 */
export function maxTokensRule(limit: number): ValidationRule {
  return (context: ValidationContext) => {
    let count = 0;
    for (let token = context.getDocument().loc?.startToken ?? null; token !== null; token = token.next) {
      if (token.kind !== TokenKind.SOF && token.kind !== TokenKind.EOF && token.kind !== TokenKind.COMMENT) count += 1;
    }
    if (count > limit) {
      context.reportError(new GraphQLError(`The document has ${String(count)} tokens; at most ${String(limit)} are allowed.`));
    }
    return {};
  };
}
