import { UPLOAD_LANES, uploadLanes, type LaneItem } from './upload-lanes';

const item = (checkInId: string, workerId: string, classId = 'c1'): LaneItem => ({
  checkInId,
  reading: { classId, workerId },
});
/** `n` readings of `n / perWorker` workers, a worker's readings spread over the batch */
const batch = (n: number, perWorker: number) =>
  Array.from({ length: n }, (_, i) => item(`k${i}`, `w${i % (n / perWorker)}`));

describe('uploadLanes', () => {
  it('keeps a batch of up to one chunk in one lane, in the order sent', () => {
    const { lanes } = uploadLanes(batch(500, 5), 500);
    expect(lanes).toEqual([Array.from({ length: 500 }, (_, i) => i)]);
  });

  it('splits a larger batch into lanes of whole (class, worker) pairs, each in the order sent', () => {
    const items = batch(1_000, 4);
    const { lanes } = uploadLanes(items, 500);
    expect(lanes).toHaveLength(2);
    expect(lanes.flat().sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
    for (const lane of lanes) expect(lane).toEqual([...lane].sort((a, b) => a - b));
    const laneOf = (place: number) => lanes.findIndex((lane) => lane.includes(place));
    items.forEach(({ reading }, place) => {
      const firstOfPair = items.findIndex((i) => i.reading.workerId === reading.workerId);
      expect(laneOf(place)).toBe(laneOf(firstOfPair));
    });
    // the same worker in another class is another pair
    const twoClasses = [item('a', 'w', 'c1'), item('b', 'w', 'c2'), item('c', 'x'), item('d', 'y')];
    expect(uploadLanes(twoClasses, 2).lanes).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('balances the lanes by places, a new pair to the emptier lane', () => {
    const items = [item('a', 'w1'), item('b', 'w1'), item('c', 'w1'), item('d', 'w2'), item('e', 'w3')];
    expect(uploadLanes(items, 3).lanes).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('places a check-in id once, at its first place; firstOf answers it for every place', () => {
    const items = [item('a', 'w1'), item('b', 'w2'), item('a', 'w1'), item('c', 'w3'), item('b', 'w2')];
    const { lanes, firstOf } = uploadLanes(items, 2);
    expect(lanes.flat().sort()).toEqual([0, 1, 3]);
    expect(items.map((i) => firstOf.get(i.checkInId))).toEqual([0, 1, 0, 3, 1]);
  });

  it(`uses at most ${UPLOAD_LANES} lanes, and makes the same lanes of the same batch`, () => {
    const items = batch(3_000, 3);
    const { lanes } = uploadLanes(items, 500);
    expect(lanes).toHaveLength(UPLOAD_LANES);
    expect(uploadLanes(items, 500).lanes).toEqual(lanes);
  });
});
