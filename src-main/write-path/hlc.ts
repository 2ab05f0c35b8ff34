/**
 * A hybrid logical clock (Kulkarni et al.; the string form follows Actual Budget's
 * `ISO-millis-counter-node`): timestamps sort as strings, never go backwards on one device
 * even if the wall clock does, and break ties by node id.
 */
export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;

export class HybridLogicalClock {
  private state: HlcState;

  constructor(
    node: string,
    private readonly wallClock: () => number = Date.now,
    last?: string,
  ) {
    if (!/^[0-9a-f]{16}$/.test(node)) throw new Error('HLC node id must be 16 hex digits');
    this.state = last ? { ...parseHlc(last), node } : { millis: 0, counter: 0, node };
  }

  /** The timestamp for a local event. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.state.millis) {
      this.state = { ...this.state, millis: wall, counter: 0 };
    } else {
      this.bump();
    }
    return formatHlc(this.state);
  }

  /** Merges a timestamp received from elsewhere, so later local events sort after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.wallClock();
    const millis = Math.max(wall, r.millis, this.state.millis);
    let counter = 0;
    if (millis === this.state.millis && millis === r.millis)
      counter = Math.max(this.state.counter, r.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === r.millis) counter = r.counter + 1;
    if (counter > MAX_COUNTER) throw new Error('HLC counter overflow');
    this.state = { ...this.state, millis, counter };
  }

  private bump(): void {
    if (this.state.counter === MAX_COUNTER) {
      this.state = { ...this.state, millis: this.state.millis + 1, counter: 0 };
    } else {
      this.state = { ...this.state, counter: this.state.counter + 1 };
    }
  }
}

export function formatHlc({ millis, counter, node }: HlcState): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(value: string): HlcState {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(
    value,
  );
  if (!m) throw new Error('Not a hybrid logical clock timestamp');
  return { millis: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), node: m[3]! };
}
