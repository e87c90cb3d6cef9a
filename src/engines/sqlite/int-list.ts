/** A growable list of 32-bit integers in one typed array: millions of postings without a JS object each. */
export class IntList {
  private values: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.values = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index]!;
  }

  /** The values pushed so far; valid until the next push. */
  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}
