// A device's offline batch is written in lanes at once (ADR 0008): the two chunks of a batch of 1 000 go
// to PostgreSQL together instead of one after the other. A lane holds whole (class, worker) pairs, so the
// rule "once per worker and session" is settled inside one lane, in the order the device sent: the first
// reading of a session in the batch is the one accepted, as when the chunks went one by one.

/** lanes of one batch at once (a batch of up to one chunk is one lane) */
export const UPLOAD_LANES = 2;

/** What the lanes are made from: a reading's check-in id and its (class, worker) pair. */
export interface LaneItem {
  readonly checkInId: string;
  readonly reading: { readonly classId: string; readonly workerId: string };
}

/**
 * A batch's places in lanes: one lane per `chunkSize` places, at most UPLOAD_LANES. Only the first place
 * of a check-in id goes in a lane (`firstOf`: the others are answered its outcome); a pair goes where
 * its first place went, a new pair to the lane with the fewest places. The same batch makes the same
 * lanes.
 */
export function uploadLanes(
  items: readonly LaneItem[],
  chunkSize: number,
): { lanes: number[][]; firstOf: Map<string, number> } {
  const count = Math.max(1, Math.min(UPLOAD_LANES, Math.ceil(items.length / chunkSize)));
  const lanes = Array.from({ length: count }, (): number[] => []);
  const firstOf = new Map<string, number>();
  const laneOfPair = new Map<string, number[]>();
  items.forEach(({ checkInId, reading }, place) => {
    if (firstOf.has(checkInId)) return;
    firstOf.set(checkInId, place);
    const pair = `${reading.classId}:${reading.workerId}`;
    let lane = laneOfPair.get(pair);
    if (!lane) {
      lane = lanes.reduce((least, l) => (l.length < least.length ? l : least));
      laneOfPair.set(pair, lane);
    }
    lane.push(place);
  });
  return { lanes, firstOf };
}
