import DataLoader from 'dataloader';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import pino from 'pino';
import { FlowStatus } from '../../../datasources/tencent-ess/model';
import { eventEntity, eventSubscription, MAX_EVENT_FILTER_IDS } from '../../../resolvers/shared/event-subscription';
import { anonymousPrincipal, unrestrictedPrincipal, type Principal } from '../../../src/auth/principal';
import { Scope } from '../../../src/auth/scopes';
import { NO_ENTITY_CACHE } from '../../../src/cache/entity-cache';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { FlowOperation, type FlowChangeEvent } from '../../../src/events/agreement-event';
import { EventBus } from '../../../src/events/event-bus';
import { LocalEventFanout } from '../../../src/events/local-event-fanout';
import { createRequestContext, type RequestContext, type Services } from '../../../src/graphql/context';
import { IdempotencyService } from '../../../src/idempotency/idempotency-service';
import { AppMetrics } from '../../../src/observability/metrics';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

const silent = pino({ enabled: false });

const schema = buildSchema(`
  type Flow { id: ID! name: String }
  type FlowEvent { flowId: ID! flow: Flow }
  type Query { flowEvent: FlowEvent }
`);

/** The resolve info of `FlowEvent.flow` in `query` (a query against the small schema above). */
async function flowInfo(query: string): Promise<GraphQLResolveInfo> {
  let captured: GraphQLResolveInfo | undefined;
  const rootValue = {
    flowEvent: () => ({
      flowId: 'f1',
      flow: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        captured = info;
        return { id: 'f1', name: 'n' };
      },
    }),
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  if (captured === undefined) throw new Error('the flow resolver did not run');
  return captured;
}

function contextFor(principal: Principal): { context: RequestContext; bus: EventBus } {
  const bus = new EventBus({
    store: new InMemoryKeyValueStore(),
    fanout: new LocalEventFanout(),
    metrics: new AppMetrics(),
    logger: silent,
  });
  const services: Services = {
    ess: undefined,
    vnpt: undefined,
    volc: undefined,
    idempotency: new IdempotencyService(new InMemoryKeyValueStore()),
    events: bus,
    entityCache: NO_ENTITY_CACHE,
  };
  return { context: createRequestContext({ requestId: 'r', logger: silent, principal, services }), bus };
}

function limitedPrincipal(scopes: readonly Scope[]): Principal {
  return { authentication: 'token', subject: 'caller', scopes: new Set(scopes), claims: {} };
}

function flowEvent(eventId: string, flowId: string): FlowChangeEvent {
  return {
    kind: 'flow',
    eventId,
    flowId,
    status: FlowStatus.SIGNED,
    operation: FlowOperation.SIGN,
    occurredAt: '2026-12-04T10:00:00.000Z',
  };
}

async function subscribeStep(
  principal: Principal,
  args: Readonly<Record<string, unknown>>,
  idsArgument: string | undefined,
): Promise<{ events: AsyncIterable<unknown>; bus: EventBus; subscribe: jest.SpyInstance }> {
  const { context, bus } = contextFor(principal);
  const subscribe = jest.spyOn(bus, 'subscribe');
  const info = await flowInfo('{ flowEvent { flow { id } } }');
  const events = eventSubscription('flow', Scope.FLOWS_READ, idsArgument)({ source: undefined, args, context, info });
  return { events, bus, subscribe };
}

function thrownBy(step: () => unknown): VendorError {
  try {
    step();
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

async function refusal(principal: Principal, args: Readonly<Record<string, unknown>>): Promise<VendorError> {
  const { context, bus } = contextFor(principal);
  const subscribe = jest.spyOn(bus, 'subscribe');
  const info = await flowInfo('{ flowEvent { flow { id } } }');
  const error = thrownBy(() => eventSubscription('flow', Scope.FLOWS_READ, 'flowIds')({ source: undefined, args, context, info }));
  // Refused before the caller joins the bus: no event can flow to it.
  expect(subscribe).not.toHaveBeenCalled();
  expect(bus.subscriberCount).toBe(0);
  return error;
}

describe('eventSubscription', () => {
  it('joins the bus for the kind with all entities when the filter argument is omitted', async () => {
    const { subscribe } = await subscribeStep(unrestrictedPrincipal(), {}, 'flowIds');
    expect(subscribe).toHaveBeenCalledWith('flow', undefined);
  });

  it('joins the bus with all entities when the filter argument is null', async () => {
    const { subscribe } = await subscribeStep(unrestrictedPrincipal(), { flowIds: null }, 'flowIds');
    expect(subscribe).toHaveBeenCalledWith('flow', undefined);
  });

  it('ignores arguments when the field takes no id filter', async () => {
    const { subscribe } = await subscribeStep(unrestrictedPrincipal(), { flowIds: ['f1'] }, undefined);
    expect(subscribe).toHaveBeenCalledWith('flow', undefined);
  });

  it('joins the bus with the listed ids when a list is given', async () => {
    const { subscribe } = await subscribeStep(unrestrictedPrincipal(), { flowIds: ['flow-a', 'flow-b'] }, 'flowIds');
    expect(subscribe).toHaveBeenCalledWith('flow', ['flow-a', 'flow-b']);
  });

  it('treats a single id as a one-element filter', async () => {
    const { subscribe } = await subscribeStep(unrestrictedPrincipal(), { flowIds: 'flow-a' }, 'flowIds');
    expect(subscribe).toHaveBeenCalledWith('flow', ['flow-a']);
  });

  it('accepts exactly MAX_EVENT_FILTER_IDS ids', async () => {
    const ids = Array.from({ length: MAX_EVENT_FILTER_IDS }, (_v, index) => `flow-${index}`);
    const { subscribe } = await subscribeStep(unrestrictedPrincipal(), { flowIds: ids }, 'flowIds');
    expect(subscribe).toHaveBeenCalledWith('flow', ids);
  });

  it('delivers only events about the filtered entities', async () => {
    const { events, bus } = await subscribeStep(unrestrictedPrincipal(), { flowIds: ['flow-b'] }, 'flowIds');
    const iterator = events[Symbol.asyncIterator]();
    const next = iterator.next();
    await bus.publish(flowEvent('1', 'flow-a'));
    await bus.publish(flowEvent('2', 'flow-b'));
    expect((await next).value).toMatchObject({ eventId: '2', flowId: 'flow-b' });
    await iterator.return?.(undefined);
  });

  it('refuses with UNAUTHENTICATED when no token was given', async () => {
    const error = await refusal(anonymousPrincipal(), { flowIds: ['f1'] });
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('refuses with FORBIDDEN when the token lacks the read scope', async () => {
    const error = await refusal(limitedPrincipal([Scope.FLOWS_WRITE, Scope.DOCUMENTS_READ]), {});
    expect(error.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('admits a token that holds only the read scope', async () => {
    const { subscribe } = await subscribeStep(limitedPrincipal([Scope.FLOWS_READ]), {}, 'flowIds');
    expect(subscribe).toHaveBeenCalledWith('flow', undefined);
  });

  it('refuses more than MAX_EVENT_FILTER_IDS ids, naming the argument', async () => {
    const ids = Array.from({ length: MAX_EVENT_FILTER_IDS + 1 }, (_v, index) => `flow-${index}`);
    const error = await refusal(unrestrictedPrincipal(), { flowIds: ids });
    expect(error.code).toBe(ErrorCode.INVALID_INPUT);
    expect(error.field).toBe('flowIds');
    expect(error.message).toBe(`flowIds takes at most ${MAX_EVENT_FILTER_IDS} ids.`);
  });

  it.each([
    ['a blank id in a list', { flowIds: ['f1', '  '] }, 'flowIds[1]'],
    ['a number in a list', { flowIds: ['f1', 'f2', 7] }, 'flowIds[2]'],
    ['an over-long id in a list', { flowIds: ['x'.repeat(129)] }, 'flowIds[0]'],
    ['a single id that is not text', { flowIds: 12 }, 'flowIds'],
    ['a single blank id', { flowIds: '' }, 'flowIds'],
  ])('refuses %s with INVALID_INPUT on %s', async (_label, args, field) => {
    const error = await refusal(unrestrictedPrincipal(), args);
    expect(error.code).toBe(ErrorCode.INVALID_INPUT);
    expect(error.field).toBe(field);
  });

  it('checks the scope before the ids', async () => {
    const error = await refusal(anonymousPrincipal(), { flowIds: [7] });
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
  });
});

describe('eventEntity', () => {
  interface FlowRecord {
    readonly id: string;
    readonly name: string;
  }

  function countingLoader(names: Readonly<Partial<Record<string, string>>>): {
    loader: DataLoader<string, FlowRecord | null>;
    reads: string[][];
  } {
    const reads: string[][] = [];
    let version = 0;
    const loader = new DataLoader<string, FlowRecord | null>((ids) => {
      reads.push([...ids]);
      version += 1;
      return Promise.resolve(
        ids.map((id) => {
          const name = names[id];
          return name === undefined ? null : { id, name: `${name} v${version}` };
        }),
      );
    });
    return { loader, reads };
  }

  it.each([
    ['id alone', '{ flowEvent { flow { id } } }'],
    ['id and __typename', '{ flowEvent { flow { __typename id } } }'],
  ])('answers {id} without a read when the selection is %s', async (_label, query) => {
    const { loader, reads } = countingLoader({ f1: 'contract' });
    await expect(eventEntity(await flowInfo(query), 'f1', loader)).resolves.toEqual({ id: 'f1' });
    expect(reads).toEqual([]);
  });

  it('reads the entity when another field is selected', async () => {
    const { loader, reads } = countingLoader({ f1: 'contract' });
    await expect(eventEntity(await flowInfo('{ flowEvent { flow { id name } } }'), 'f1', loader)).resolves.toEqual({
      id: 'f1',
      name: 'contract v1',
    });
    expect(reads).toEqual([['f1']]);
  });

  it('answers null for an entity the vendor does not return', async () => {
    const { loader } = countingLoader({});
    await expect(eventEntity(await flowInfo('{ flowEvent { flow { name } } }'), 'gone', loader)).resolves.toBeNull();
  });

  it('reads again for each event, since the entity just changed', async () => {
    const { loader, reads } = countingLoader({ f1: 'contract' });
    const info = await flowInfo('{ flowEvent { flow { name } } }');
    await expect(eventEntity(info, 'f1', loader)).resolves.toEqual({ id: 'f1', name: 'contract v1' });
    await expect(eventEntity(info, 'f1', loader)).resolves.toEqual({ id: 'f1', name: 'contract v2' });
    expect(reads).toEqual([['f1'], ['f1']]);
  });

  it('drops a stale loaded entity even when the event selects only the key', async () => {
    const { loader, reads } = countingLoader({ f1: 'contract' });
    await loader.load('f1');
    await expect(eventEntity(await flowInfo('{ flowEvent { flow { id } } }'), 'f1', loader)).resolves.toEqual({ id: 'f1' });
    await expect(loader.load('f1')).resolves.toEqual({ id: 'f1', name: 'contract v2' });
    expect(reads).toEqual([['f1'], ['f1']]);
  });
});
