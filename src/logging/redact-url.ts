/** What stands in for a redacted value, in log fields and in query strings alike. */
export const REDACTED = '[REDACTED]';

/** Query parameters of GraphQL over HTTP, kept by name (never by value) so a log still shows a GET's shape. */
const KNOWN_PARAMETERS: ReadonlySet<string> = new Set(['query', 'variables', 'operationName', 'extensions']);

/**
 * A request target with its query string redacted: the path stays, every value becomes `REDACTED`, and so
 * does every parameter name but GraphQL's own (`/graphql?query=[REDACTED]&variables=[REDACTED]`). A
 * GraphQL GET carries the whole operation and its variables (mobile numbers, names) in the query string.
 * Anything that is not a string, or has no query, comes back as it was.
 */
export function redactQueryString(target: unknown): unknown {
  if (typeof target !== 'string') return target;
  const start = target.indexOf('?');
  if (start < 0) return target;
  const hash = target.indexOf('#', start);
  const parameters = target
    .slice(start + 1, hash < 0 ? undefined : hash)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      if (!KNOWN_PARAMETERS.has(name)) return REDACTED;
      return equals < 0 ? name : `${name}=${REDACTED}`;
    });
  return `${target.slice(0, start)}?${parameters.join('&')}`;
}
