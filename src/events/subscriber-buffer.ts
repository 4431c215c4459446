import { SlidingBuffer, type RepeaterBuffer } from '@repeaterjs/repeater';

/**
 * A subscriber's bounded queue: repeater's `SlidingBuffer` (when full, the oldest event goes, so a slow
 * subscriber costs at most `capacity` events of memory and always sees the newest state), telling
 * `onDrop` each time it pushes one out.
 */
export class SubscriberBuffer implements RepeaterBuffer {
  private readonly buffer: SlidingBuffer;
  private size = 0;

  constructor(
    private readonly capacity: number,
    private readonly onDrop: () => void,
  ) {
    this.buffer = new SlidingBuffer(capacity);
  }

  get empty(): boolean {
    return this.buffer.empty;
  }

  get full(): boolean {
    return this.buffer.full;
  }

  add(value: unknown): void {
    if (this.size === this.capacity) this.onDrop();
    else this.size += 1;
    this.buffer.add(value);
  }

  remove(): unknown {
    if (!this.buffer.empty) this.size -= 1;
    return this.buffer.remove();
  }
}
