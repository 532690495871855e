/** What a batch writer says of one item: its result, or why that item alone was refused. */
export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommit<I, O> {
  /** Queues one item; resolves once the transaction that wrote it has committed. */
  submit(item: I): Promise<O>;
  /** Resolves when nothing is queued or being written (tests, shutdown). */
  idle(): Promise<void>;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items that arrive while a batch is being written wait and go together in the next one, so a burst of
 * public submissions costs one transaction (one commit, one audit-chain append) per batch instead of one per item.
 * Nothing waits for a timer: a lone item is written at once, and batches grow only as fast as load makes them.
 *
 * `write` handles a batch in one transaction and reports each item's outcome; an item it refuses (a spent human
 * check, an unknown category) fails alone. If the whole batch throws (a unique-key clash, a lost connection), each
 * item is written again on its own, so one bad item never takes the others down with it.
 */
export function createGroupCommit<I, O>(write: (items: I[]) => Promise<ItemOutcome<O>[]>, { maxBatch = 64 }: { maxBatch?: number } = {}): GroupCommit<I, O> {
  const queue: Pending<I, O>[] = [];
  let writing: Promise<void> | null = null;

  function settle(batch: Pending<I, O>[], outcomes: ItemOutcome<O>[]) {
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (!outcome) pending.reject(new Error('group commit: the writer returned no outcome for an item'));
      else if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  async function writeBatch(batch: Pending<I, O>[]) {
    try {
      settle(batch, await write(batch.map((pending) => pending.item)));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const pending of batch) {
        try {
          settle([pending], await write([pending.item]));
        } catch (alone) {
          pending.reject(alone);
        }
      }
    }
  }

  async function drain() {
    while (queue.length > 0) await writeBatch(queue.splice(0, maxBatch));
    writing = null;
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        writing ??= drain();
      });
    },
    async idle() {
      while (writing) await writing;
    },
  };
}
