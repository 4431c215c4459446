import { SubscriberBuffer } from '../../../src/events/subscriber-buffer';

/** DESIGN.md "Events": a slow subscriber keeps the newest events in a bounded buffer; drops are counted. */
function bufferOf(capacity: number): { readonly buffer: SubscriberBuffer; drops: () => number } {
  let drops = 0;
  const buffer = new SubscriberBuffer(capacity, () => {
    drops += 1;
  });
  return { buffer, drops: () => drops };
}

function drain(buffer: SubscriberBuffer): unknown[] {
  const values: unknown[] = [];
  while (!buffer.empty) values.push(buffer.remove());
  return values;
}

describe('SubscriberBuffer', () => {
  it('keeps the newest events up to its capacity, oldest first, telling onDrop of each one pushed out', () => {
    const { buffer, drops } = bufferOf(2);
    for (const event of ['e1', 'e2', 'e3', 'e4']) buffer.add(event);

    expect(drops()).toBe(2);
    expect(drain(buffer)).toEqual(['e3', 'e4']);
  });

  it('is never full, so a publisher never waits on a slow subscriber', () => {
    const { buffer } = bufferOf(1);
    buffer.add('e1');
    buffer.add('e2');

    expect(buffer.full).toBe(false);
  });

  it('makes room again as events are taken: no drop until it is at capacity again', () => {
    const { buffer, drops } = bufferOf(2);
    buffer.add('e1');
    buffer.add('e2');
    expect(buffer.remove()).toBe('e1');

    buffer.add('e3');
    expect(drops()).toBe(0);
    buffer.add('e4');
    expect(drops()).toBe(1);
    expect(drain(buffer)).toEqual(['e3', 'e4']);
  });

  it('counts nothing out for a take from an empty buffer', () => {
    const { buffer, drops } = bufferOf(2);
    expect(buffer.empty).toBe(true);
    expect(() => buffer.remove()).toThrow();

    for (const event of ['e1', 'e2', 'e3']) buffer.add(event);

    expect(drops()).toBe(1);
    expect(buffer.empty).toBe(false);
  });
});
