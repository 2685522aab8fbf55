// Text a report must keep until its end (formats whose head needs the run's totals), in order, as
// few strings as possible: pieces are joined a thousand at a time.
const BATCH = 1000;

export class Held {
  /** Pieces added. */
  size = 0;
  private joined: string[] = [];
  private batch: string[] = [];

  add(text: string): void {
    this.batch.push(text);
    this.size++;
    if (this.batch.length >= BATCH) this.join();
  }

  /** Hand every piece to `write`, in order, and forget them. */
  drain(write: (text: string) => void): void {
    this.join();
    for (const text of this.joined) write(text);
    this.joined = [];
  }

  private join(): void {
    if (this.batch.length === 0) return;
    this.joined.push(this.batch.join(""));
    this.batch = [];
  }
}
