import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, createParameterDecorator, Field, InputType, Mutation, Query, Resolver, type ResolverData } from 'type-graphql';

/**
 * patches/type-graphql+2.0.0-rc.4.patch (applied by `npm ci`'s postinstall, patch-package): an argument
 * whose validation is off is handed to the resolver at once. Upstream, `validateArg` is an async function
 * even then, so every resolver with an argument was called a promise, a `Promise.all` and a `then` later
 * (README "Performance": 68 → 61 promises per `cancelDocument`). What must not change: the argument still
 * arrives as an instance of its input class, and a validation function, where one is set, still runs (and
 * can refuse) before the resolver does.
 */

@InputType('PatchProbeInput')
class PatchProbeInput {
  @Field(() => String)
  name = '';

  describe(): string {
    return `probe ${this.name}`;
  }
}

/** What the resolvers saw, in order. */
interface Seen {
  readonly log: string[];
}

const seen: Seen = { log: [] };

const FromArgs = (): ReturnType<typeof createParameterDecorator> =>
  createParameterDecorator(({ args }: ResolverData) => `custom:${String(args.tag)}`, {
    arg: { name: 'tag', typeFunc: () => String },
  });

@Resolver()
class PatchProbeResolver {
  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => String)
  probe(@Arg('input', () => PatchProbeInput) input: PatchProbeInput): string {
    const described = input instanceof PatchProbeInput ? input.describe() : 'a plain object';
    seen.log.push(`probe ran with ${described}`);
    return described;
  }

  @Mutation(() => String)
  tagged(@FromArgs() tag: string): string {
    seen.log.push(`tagged ran with ${tag}`);
    return tag;
  }
}

/** Wraps `Mutation.<name>`'s resolver (type-graphql's) to note whether the resolver method had run when it returned. */
function noteSameTick(schema: GraphQLSchema, name: string): { ranBeforeReturn: boolean[] } {
  const field = schema.getMutationType()?.getFields()[name];
  const original = field?.resolve;
  if (!field || !original) throw new Error(`no resolver for Mutation.${name}`);
  const notes: { ranBeforeReturn: boolean[] } = { ranBeforeReturn: [] };
  field.resolve = (root, args, context, info) => {
    const before = seen.log.length;
    const answer: unknown = original(root, args, context, info);
    notes.ranBeforeReturn.push(seen.log.length > before);
    return answer;
  };
  return notes;
}

beforeEach(() => {
  seen.log.length = 0;
});

describe('type-graphql, as patched', () => {
  it('calls a resolver whose argument needs no validation in the same tick, with an instance of the input class', async () => {
    const schema = await buildSchema({ resolvers: [PatchProbeResolver], validate: false });
    const notes = noteSameTick(schema, 'probe');

    const result = await graphql({ schema, source: 'mutation { probe(input: { name: "n1" }) }' });

    // Unpatched, the method had not run when type-graphql's wrapper returned: it waited for three promise reactions.
    expect(notes.ranBeforeReturn).toEqual([true]);
    expect(result).toEqual({ data: { probe: 'probe n1' } });
    expect(seen.log).toEqual(['probe ran with probe n1']);
  });

  it('still runs a validation function first, and a refusal keeps the resolver from running', async () => {
    const validated: unknown[] = [];
    const schema = await buildSchema({
      resolvers: [PatchProbeResolver],
      validateFn: async (value: unknown) => {
        validated.push(value);
        await Promise.resolve();
        if (value instanceof PatchProbeInput && value.name === 'bad') throw new Error('refused by the validation function');
      },
    });

    const notes = noteSameTick(schema, 'probe');

    const good = await graphql({ schema, source: 'mutation { probe(input: { name: "good" }) }' });
    const bad = await graphql({ schema, source: 'mutation { probe(input: { name: "bad" }) }' });

    expect(good).toEqual({ data: { probe: 'probe good' } });
    expect(bad.errors?.map((error) => error.message)).toEqual(['refused by the validation function']);
    expect(validated.map((value) => (value instanceof PatchProbeInput ? value.name : value))).toEqual(['good', 'bad']);
    expect(seen.log).toEqual(['probe ran with probe good']);
    expect(notes.ranBeforeReturn).toEqual([false, false]);
  });

  it('answers through a custom parameter decorator that declares an argument, as before', async () => {
    const schema = await buildSchema({ resolvers: [PatchProbeResolver], validate: false });

    const result = await graphql({ schema, source: 'mutation { tagged(tag: "t1") }' });

    expect(result).toEqual({ data: { tagged: 'custom:t1' } });
    expect(seen.log).toEqual(['tagged ran with custom:t1']);
  });
});
