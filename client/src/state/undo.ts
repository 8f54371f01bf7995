/** A bounded stack of snapshots for "Ongedaan maken". */
export class UndoStack<T> {
  private readonly items: T[] = [];

  constructor(private readonly limit = 40) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.limit) this.items.shift();
  }

  pop(): T | undefined {
    return this.items.pop();
  }

  clear(): void {
    this.items.length = 0;
  }

  get size(): number {
    return this.items.length;
  }
}
