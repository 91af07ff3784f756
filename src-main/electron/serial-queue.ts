/**
 * Runs async tasks one after another in call order. Read-modify-write of the small JSON files (recent list,
 * recovery) would otherwise interleave: an autosave still in flight could land after the recovery file was cleared.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
