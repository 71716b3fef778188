/** A horizontal pixel interval a mark (and its label, if any) occupies. */
export interface Interval {
  x0: number;
  x1: number;
}

/** Lane assignment: `lane[i]` is the lane of `intervals[i]`; `count` is how many lanes were used. */
export interface Lanes {
  lane: number[];
  count: number;
}

/**
 * Stacks intervals into lanes so that no two in one lane come closer than `gap` pixels. By default greedy
 * first-fit in order of left edge, which is optimal for interval graphs (as many lanes as the deepest
 * pile-up) and O(n log n + n·lanes). With `inInputOrder`, first-fit in the order given (time order, so
 * labelled marks read top to bottom chronologically): a few more lanes at most, and O(n²) in the worst
 * case, so it is meant for one episode's marks, not the whole dataset. The output is indexed like the input.
 */
export function stackLanes(intervals: readonly Interval[], gap: number, inInputOrder = false): Lanes {
  const lane = new Array<number>(intervals.length);
  if (inInputOrder) {
    // Any free stretch of a lane can be reused, so each lane keeps all of its intervals.
    const lanes: Interval[][] = [];
    const fits = (list: Interval[], { x0, x1 }: Interval) =>
      list.every((o) => o.x1 + gap <= x0 || x1 + gap <= o.x0);
    intervals.forEach((iv, i) => {
      let l = lanes.findIndex((list) => fits(list, iv));
      if (l === -1) {
        l = lanes.length;
        lanes.push([iv]);
      } else lanes[l]!.push(iv);
      lane[i] = l;
    });
    return { lane, count: lanes.length };
  }
  const order = intervals.map((_, i) => i);
  order.sort((a, b) => intervals[a]!.x0 - intervals[b]!.x0 || intervals[a]!.x1 - intervals[b]!.x1 || a - b);
  // In order of left edge, a lane is free from its right end on.
  const ends: number[] = [];
  for (const i of order) {
    const { x0, x1 } = intervals[i]!;
    let l = ends.findIndex((end) => end + gap <= x0);
    if (l === -1) {
      l = ends.length;
      ends.push(x1);
    } else ends[l] = x1;
    lane[i] = l;
  }
  return { lane, count: ends.length };
}
