// A counting semaphore: at most `size` tasks run at once, the rest wait their turn in order.
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimit(size: number): Limit {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
