import Negotiator from 'negotiator';
import { LRUCache } from 'lru-cache';

/** The two media types a single GraphQL result is sent as, spelled as Apollo Server 5 sends them. */
export const GRAPHQL_JSON_MEDIA_TYPES = Object.freeze({
  json: 'application/json; charset=utf-8',
  graphqlResponse: 'application/graphql-response+json; charset=utf-8',
});

/** Apollo's third choice for a single result: the subscription-callback protocol, which the direct path leaves to Apollo. */
const CALLBACK_MEDIA_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

/**
 * The content type of a single GraphQL result for a request's `Accept` header, chosen as Apollo Server 5
 * chooses it (negotiator over JSON, GraphQL-response JSON and the callback protocol; JSON without a header).
 * Undefined when that choice is not one of {@link GRAPHQL_JSON_MEDIA_TYPES}: the callback protocol or
 * nothing acceptable (Apollo answers 406), both of which the direct path leaves to Apollo. The few header
 * values clients send are remembered, so negotiation runs once per distinct value.
 */
export class ResponseMediaTypes {
  private readonly chosen = new LRUCache<string, { readonly type: string | undefined }>({ max: 256 });

  for(accept: string | undefined): string | undefined {
    if (accept === undefined || accept === '') return GRAPHQL_JSON_MEDIA_TYPES.json;
    let choice = this.chosen.get(accept);
    if (!choice) {
      choice = { type: negotiate(accept) };
      this.chosen.set(accept, choice);
    }
    return choice.type;
  }
}

function negotiate(accept: string): string | undefined {
  const preferred = new Negotiator({ headers: { accept } }).mediaType([
    GRAPHQL_JSON_MEDIA_TYPES.json,
    GRAPHQL_JSON_MEDIA_TYPES.graphqlResponse,
    CALLBACK_MEDIA_TYPE,
  ]);
  return preferred === GRAPHQL_JSON_MEDIA_TYPES.json || preferred === GRAPHQL_JSON_MEDIA_TYPES.graphqlResponse ? preferred : undefined;
}
