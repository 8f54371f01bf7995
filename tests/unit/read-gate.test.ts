import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyError, ReadGate, deadlineIn } from '../../graph/queries/run.ts';

/** A read that stays in flight until release() is called. */
function heldRead() {
  let release!: () => void;
  const done = new Promise<string>((resolve) => (release = () => resolve('first')));
  return { work: () => done, release };
}

describe('ReadGate deadlines', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a queued read after a wall-clock jump: only time that really passed counts', async () => {
    const gate = new ReadGate(1, 10);
    const first = heldRead();
    const running = gate.run(first.work);
    const queued = gate.run(async () => 'second', deadlineIn(5_000));
    // The wall clock steps 20 s forward (as when a virtual machine is resumed from a snapshot).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 20_000);
    first.release();
    await expect(running).resolves.toBe('first');
    await expect(queued).resolves.toBe('second');
  });

  it('refuses a queued read whose request really waited past its deadline', async () => {
    const gate = new ReadGate(1, 10);
    const first = heldRead();
    const running = gate.run(first.work);
    const queued = gate.run(async () => 'second', deadlineIn(20));
    await new Promise((resolve) => setTimeout(resolve, 60));
    first.release();
    await expect(running).resolves.toBe('first');
    await expect(queued).rejects.toBeInstanceOf(BusyError);
  });

  it('sends a read that did not have to wait, whatever its deadline', async () => {
    const gate = new ReadGate(2, 10);
    await expect(gate.run(async () => 'alone', deadlineIn(-1))).resolves.toBe('alone');
  });
});
