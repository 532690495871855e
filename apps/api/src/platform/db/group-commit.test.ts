import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGroupCommit, type ItemOutcome } from './group-commit.ts';

// A writer that records the batches it was given and lets the test decide when each write finishes.
function recordingWriter(decide: (items: number[]) => ItemOutcome<string>[] | Error = (items) => items.map((item) => ({ ok: true, value: `#${item}` }))) {
  const batches: number[][] = [];
  let release: (() => void) | null = null;
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => (release = resolve));
    const outcome = decide(items);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { write, batches, release: () => release?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes a lone item at once and gathers the items that arrive meanwhile into the next batch', async () => {
    const writer = recordingWriter();
    const group = createGroupCommit(writer.write, { maxBatch: 3 });
    const first = group.submit(1);
    await tick();
    assert.deepEqual(writer.batches, [[1]]);
    const later = [2, 3, 4, 5].map((item) => group.submit(item));
    writer.release();
    assert.equal(await first, '#1');
    await tick();
    assert.deepEqual(writer.batches, [[1], [2, 3, 4]], 'the waiting items go together, at most maxBatch of them');
    writer.release();
    await tick();
    writer.release();
    assert.deepEqual(await Promise.all(later), ['#2', '#3', '#4', '#5']);
    assert.deepEqual(writer.batches, [[1], [2, 3, 4], [5]]);
    await group.idle();
  });

  it('refuses only the item the writer refuses', async () => {
    const writer = recordingWriter((items) => items.map((item) => (item === 2 ? { ok: false, error: new Error('bad item') } : { ok: true, value: `#${item}` })));
    const group = createGroupCommit(writer.write);
    const blocker = group.submit(0);
    await tick();
    const results = Promise.allSettled([1, 2, 3].map((item) => group.submit(item)));
    writer.release();
    await blocker;
    await tick();
    writer.release();
    const [one, two, three] = await results;
    assert.deepEqual([one.status, two.status, three.status], ['fulfilled', 'rejected', 'fulfilled']);
    assert.match(String((two as PromiseRejectedResult).reason), /bad item/);
  });

  it('writes each item on its own when the whole batch fails, so one bad item does not take the others down', async () => {
    // The batch fails as a whole whenever it holds item 2 (a unique-key clash, say); alone, 2 still fails and the others pass.
    const writer = recordingWriter((items) => (items.includes(2) ? new Error('duplicate key') : items.map((item) => ({ ok: true, value: `#${item}` }))));
    const group = createGroupCommit(writer.write);
    const blocker = group.submit(0);
    await tick();
    const results = Promise.allSettled([1, 2, 3].map((item) => group.submit(item)));
    writer.release();
    await blocker;
    for (let round = 0; round < 4; round += 1) {
      await tick();
      writer.release();
    }
    const settled = await results;
    assert.deepEqual(
      settled.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(writer.batches, [[0], [1, 2, 3], [1], [2], [3]]);
    await group.idle();
  });
});
