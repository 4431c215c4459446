import { ListLoader } from '../../../resolvers/shared/list-loader';

interface Record {
  readonly id: string;
}

/** A batch function that records each call's keys and answers `{ id }`, an Error for ids starting `bad`, null for `gone`. */
function recordingBatch(): { readonly calls: string[][]; readonly batch: (keys: readonly string[]) => Promise<(Record | null | Error)[]> } {
  const calls: string[][] = [];
  return {
    calls,
    batch: (keys) => {
      calls.push([...keys]);
      return Promise.resolve(keys.map((id) => (id.startsWith('bad') ? new Error(`no ${id}`) : id === 'gone' ? null : { id })));
    },
  };
}

/** A promise and the function that settles it, for holding a batch call open. */
function deferred<T>(): { readonly promise: Promise<T>; readonly resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('ListLoader.loadList', () => {
  it('reads the ids in calls of maxBatchSize, distinct ids once, and answers in the order asked', async () => {
    const { calls, batch } = recordingBatch();
    const loader = new ListLoader(batch, { maxBatchSize: 2 });

    const values = await loader.loadList(['a', 'b', 'a', 'c', 'gone']);

    expect(calls).toEqual([
      ['a', 'b'],
      ['c', 'gone'],
    ]);
    expect(values).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'c' }, null]);
  });

  it('puts the Error of a failed key in each of its slots, and a later load of it rejects with it', async () => {
    const { calls, batch } = recordingBatch();
    const loader = new ListLoader(batch, { maxBatchSize: 10 });

    const values = await loader.loadList(['bad-1', 'a', 'bad-1']);

    expect(values[0]).toBeInstanceOf(Error);
    expect((values[0] as Error).message).toBe('no bad-1');
    expect(values[2]).toBe(values[0]);
    expect(values[1]).toEqual({ id: 'a' });
    await expect(loader.load('bad-1')).rejects.toThrow('no bad-1');
    expect(calls).toEqual([['bad-1', 'a']]);
  });

  it('takes keys this request already loaded from the cache, and serves later loads from what it read', async () => {
    const { calls, batch } = recordingBatch();
    const loader = new ListLoader(batch, { maxBatchSize: 10 });

    await expect(loader.load('a')).resolves.toEqual({ id: 'a' });
    await expect(loader.loadList(['a', 'b'])).resolves.toEqual([{ id: 'a' }, { id: 'b' }]);
    await expect(loader.load('b')).resolves.toEqual({ id: 'b' });

    expect(calls).toEqual([['a'], ['b']]);
  });

  it('reads everything again after clearAll', async () => {
    const { calls, batch } = recordingBatch();
    const loader = new ListLoader(batch, { maxBatchSize: 10 });

    await loader.loadList(['a', 'b']);
    loader.clearAll();
    await loader.loadList(['a', 'b']);

    expect(calls).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('lets a load of a key it is still reading join that read', async () => {
    const calls: string[][] = [];
    const answer = deferred<Record[]>();
    const loader = new ListLoader<Record>(
      (keys) => {
        calls.push([...keys]);
        return answer.promise;
      },
      { maxBatchSize: 10 },
    );

    const list = loader.loadList(['a', 'b']);
    const single = loader.load('b');
    answer.resolve([{ id: 'a' }, { id: 'b' }]);

    await expect(list).resolves.toEqual([{ id: 'a' }, { id: 'b' }]);
    await expect(single).resolves.toEqual({ id: 'b' });
    expect(calls).toEqual([['a', 'b']]);
  });

  it('puts a rejected call’s error in every slot of that call, and reads those keys again on a later load', async () => {
    const calls: string[][] = [];
    const loader = new ListLoader<Record>(
      (keys) => {
        calls.push([...keys]);
        return calls.length === 1 ? Promise.reject(new Error('vendor down')) : Promise.resolve(keys.map((id) => ({ id })));
      },
      { maxBatchSize: 1 },
    );

    const values = await loader.loadList(['a', 'b']);

    expect(values.map((value) => (value instanceof Error ? value.message : value))).toEqual(['vendor down', { id: 'b' }]);
    await expect(loader.load('a')).resolves.toEqual({ id: 'a' });
    expect(calls).toEqual([['a'], ['b'], ['a']]);
  });

  it('turns a batch answer of the wrong length into an error in every slot', async () => {
    const loader = new ListLoader<Record>(() => Promise.resolve([{ id: 'a' }]), { maxBatchSize: 10 });

    const values = await loader.loadList(['a', 'b']);

    expect(values.map((value) => (value instanceof Error ? value.message : value))).toEqual([
      'The batch read returned 1 values for 2 keys.',
      'The batch read returned 1 values for 2 keys.',
    ]);
  });

  it('reports a slot the batch answer left empty as an error, in the list and to a load joining the read', async () => {
    const answer = deferred<Record[]>();
    const loader = new ListLoader<Record>(() => answer.promise, { maxBatchSize: 10 });

    const list = loader.loadList(['a', 'b']);
    const single = loader.load('b');
    const sparse = new Array<Record>(2);
    sparse[0] = { id: 'a' };
    answer.resolve(sparse);

    const values = await list;
    expect(values[0]).toEqual({ id: 'a' });
    expect(values[1]).toEqual(new Error('The batch read returned no value for b.'));
    await expect(single).rejects.toThrow('The batch read returned no value for b.');
  });

  it('leaves no unhandled rejection when a key it is reading fails after prime looked it up', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const { batch } = recordingBatch();
      const loader = new ListLoader(batch, { maxBatchSize: 10 });
      const list = loader.loadList(['bad-2']);
      loader.prime('bad-2', { id: 'bad-2' });
      await list;
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      await expect(loader.load('bad-2')).rejects.toThrow('no bad-2');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
