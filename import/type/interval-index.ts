/**
 * Does any of a fixed set of [start, end) intervals overlap a query interval? Sorted by start with a
 * running maximum of ends, so one query is a binary search: a section with many mentions stays
 * n log n instead of every mention against every other.
 */
export class IntervalIndex {
  private readonly starts: Float64Array;
  /** maxEnd[i]: the largest end among the intervals 0..i (in start order). */
  private readonly maxEnd: Float64Array;

  constructor(intervals: readonly { start: number; end: number }[]) {
    const sorted = [...intervals].sort((a, b) => a.start - b.start);
    this.starts = Float64Array.from(sorted, (x) => x.start);
    this.maxEnd = new Float64Array(sorted.length);
    let max = -Infinity;
    sorted.forEach((x, i) => (this.maxEnd[i] = max = Math.max(max, x.end)));
  }

  /** Some interval with start < end and start' < its end. */
  overlaps(start: number, end: number): boolean {
    // last interval whose start is below `end`
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1] > start;
  }

  /** Some interval with start' <= start and end <= its end (one that holds the query). */
  contains(start: number, end: number): boolean {
    // last interval whose start is at most `start`
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1] >= end;
  }
}
