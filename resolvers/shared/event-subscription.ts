import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { requireScope } from '../../src/auth/require-scope';
import type { Scope } from '../../src/auth/scopes';
import type { AgreementEventKind } from '../../src/events/agreement-event';
import type { RequestContext } from '../../src/graphql/context';
import { VendorError } from '../../src/errors/vendor-error';
import { requireEntityId } from './entity-id';
import type { EntityKey } from './entity-reference';
import { selectsOnlyEntityKey } from './entity-selection';

/** The most ids one subscription may filter on. */
export const MAX_EVENT_FILTER_IDS = 1000;

/**
 * The `subscribe` step of an event subscription field: the read scope is checked (a caller that may not
 * read the entity may not hear of it either), the ids of `idsArgument` are checked like query arguments,
 * and only then does the caller join the event bus. Everything refused is refused before any event flows.
 */
export function eventSubscription(kind: AgreementEventKind, scope: Scope, idsArgument?: string) {
  return ({ args, context }: SubscribeResolverData<unknown, Readonly<Record<string, unknown>>, RequestContext>): AsyncIterable<unknown> => {
    requireScope(context.principal, scope);
    const ids = idsArgument === undefined ? undefined : filterIds(args[idsArgument], idsArgument);
    return context.services.events.subscribe(kind, ids);
  };
}

function filterIds(value: unknown, argument: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return [requireEntityId(value, argument)];
  if (value.length > MAX_EVENT_FILTER_IDS)
    throw VendorError.invalidInput(argument, `${argument} takes at most ${MAX_EVENT_FILTER_IDS} ids.`);
  return value.map((id: unknown, index) => requireEntityId(id, `${argument}[${index}]`));
}

/**
 * The entity an event is about, for the event's nullable entity field. The subscription's loader lives
 * as long as the subscription, so the key is cleared first: the entity just changed, and what an earlier
 * event read is stale (DESIGN.md: a delivered event drops the entity from the request-scoped cache).
 * Selecting only `id` / `__typename` reads nothing; an entity the vendor does not return is null.
 */
export function eventEntity<T>(info: GraphQLResolveInfo, id: string, loader: DataLoader<string, T | null>): Promise<T | EntityKey | null> {
  loader.clear(id);
  if (selectsOnlyEntityKey(info)) return Promise.resolve({ id });
  return loader.load(id);
}
