import pino, { type DestinationStream } from 'pino';

/** How the process logger's lines reach their file descriptor. */
export interface LogOutputOptions {
  /** The file descriptor: 1 (stdout) in production, a file in tests. */
  readonly fd: number;
  /** Lines are held until this many bytes are waiting, then written in one `write(2)`; below 16 KB (sonic-boom's largest write). */
  readonly batchBytes: number;
  /** Waiting lines are written at least this often, so a quiet replica's lines are never held longer. */
  readonly flushIntervalMs: number;
}

/** Production: 4 KB (about 15 access lines) per write, nothing held longer than 100 ms. */
export const STDOUT_LOG_OUTPUT: LogOutputOptions = Object.freeze({ fd: 1, batchBytes: 4096, flushIntervalMs: 100 });

/**
 * The process logger's destination: lines written in batches rather than one `write(2)` each. One
 * synchronous write per line cost about 7 us of a request's main-thread time (the access line is one per
 * request), a tenth of what an empty `mutation { __typename }` costs. Lines keep their order: every line
 * goes through one buffer (sonic-boom's, written synchronously), and nothing else writes to it.
 *
 * A line is held until `batchBytes` are waiting or `flushIntervalMs` has passed, whichever comes first,
 * and is written at once by `flush()` (after the start-up line, before the sandbox banner goes to the
 * same stdout), at `process` exit (`exit` listeners run on `process.exit`, on a return from the event
 * loop and on an uncaught exception) and, once `writeEachLine()` was called (shutdown), line by line.
 * What a SIGKILL or an out-of-memory abort cuts short is at most the last 100 ms or 4 KB of lines.
 */
export class LogOutput implements DestinationStream {
  private readonly stream: ReturnType<typeof pino.destination>;
  private readonly timer: NodeJS.Timeout;
  private readonly flushAtExit = (): void => {
    this.flushNow();
  };
  /** Lines were handed over since the last flush (some may already be written, at `batchBytes`). */
  private waiting = false;
  private eachLine = false;

  constructor(options: LogOutputOptions) {
    this.stream = pino.destination({ dest: options.fd, sync: true, minLength: options.batchBytes });
    // unref: a timer that only flushes must not keep a finished process alive.
    this.timer = setInterval(() => {
      this.flush();
    }, options.flushIntervalMs).unref();
    process.on('exit', this.flushAtExit);
  }

  write(line: string): void {
    this.stream.write(line);
    if (this.eachLine) this.stream.flush();
    else this.waiting = true;
  }

  /** Writes the waiting lines now. */
  flush(): void {
    if (!this.waiting) return;
    this.waiting = false;
    this.stream.flush();
  }

  /** From now on every line is written as it comes (shutdown: each phase's line is out before the next step). */
  writeEachLine(): void {
    this.eachLine = true;
    this.flush();
  }

  /** Writes what waits, stops the timer and lets go of the file descriptor's stream. */
  close(): void {
    clearInterval(this.timer);
    process.off('exit', this.flushAtExit);
    this.flushNow();
    this.stream.end();
  }

  /**
   * The waiting lines, synchronously (process exit). Through `flush`, which in sync mode writes at once,
   * not sonic-boom's `flushSync`: that one retries a failed write forever, so an exit with stdout gone
   * (EPIPE: the reader of a pipe quit) would never end. `flush` reports the failure as an `error` event,
   * which pino's handler takes for a broken pipe (it stops writing); anything else it rethrows, and a
   * throw from an `exit` listener would replace the exit code, so it is dropped here.
   */
  private flushNow(): void {
    this.waiting = false;
    try {
      this.stream.flush();
    } catch {
      // Nowhere left to report it: stdout is where it would go.
    }
  }
}
