import { mergedMinutes, practicalHoursOf, videoCoverage, type VideoEvidence } from './video-coverage';

// two days, 8 theory and 8 practical hours of 45 minutes: 4 + 4 a day
const plan = {
  startDate: '2021-10-11',
  endDate: '2021-10-12',
  totalHours: 16,
  theoryHours: 8,
  practicalHours: 8,
  lessonMinutes: 45,
  dailyStartTime: '08:30',
};
const video = (sessionNo: number, kind: 'theory' | 'practical', from: string, to: string): VideoEvidence => ({
  sessionNo,
  kind,
  startsAt: `2021-10-1${sessionNo}T${from}:00+08:00`,
  endsAt: `2021-10-1${sessionNo}T${to}:00+08:00`,
});

it('counts overlapping recordings once', () => {
  expect(mergedMinutes([video(1, 'theory', '08:30', '10:00'), video(1, 'theory', '09:30', '11:30')])).toBe(
    180,
  );
  expect(mergedMinutes([])).toBe(0);
});

it.each([
  [14, 0],
  [15, 1], // exactly the minimum covers one class hour
  [59, 1],
  [60, 2], // 45 + 15: a second class hour
  [105, 3],
])(
  'a continuous practical recording of %i minutes covers %i class hours (45-minute hours, 15 minutes each)',
  (m, hours) => {
    expect(practicalHoursOf(m, 45, 15)).toBe(hours);
  },
);

it('is complete when theory is recorded in full and every practical hour has its continuous minutes', () => {
  const videos = [
    video(1, 'theory', '08:30', '11:30'),
    video(1, 'practical', '12:00', '14:30'), // 150 min: 4 hours (3 × 45 + 15)
    video(2, 'theory', '08:30', '11:30'),
    video(2, 'practical', '12:00', '14:30'),
  ];
  expect(videoCoverage(plan, videos, 15)).toEqual({
    theoryCoveredInFull: true,
    theoryMinutesRequired: 360,
    theoryMinutesRecorded: 360,
    practicalHoursRequired: 8,
    practicalHoursCovered: 8,
    practicalMinutesPerHour: 15,
    practicalMinutesShortfall: 0,
    gaps: [],
  });
});

it('lists the gaps: theory missing minutes, practical hours without their continuous minutes', () => {
  const videos = [
    video(1, 'theory', '08:30', '11:00'), // 150 of 180
    video(1, 'practical', '12:00', '12:14'), // too short: nothing
    video(2, 'theory', '08:30', '11:30'),
    video(2, 'practical', '12:00', '13:00'), // 2 hours
  ];
  const coverage = videoCoverage(plan, videos, 15);
  expect(coverage).toMatchObject({
    theoryCoveredInFull: false,
    practicalHoursCovered: 2,
    practicalMinutesShortfall: 90,
  });
  expect(coverage.gaps).toEqual([
    { sessionNo: 1, kind: 'theory', missingMinutes: 30 },
    { sessionNo: 1, kind: 'practical', missingMinutes: 60 },
    { sessionNo: 2, kind: 'practical', missingMinutes: 30 },
  ]);
  // no practical minimum in the policy: no practical rule
  expect(videoCoverage(plan, videos, undefined)).toMatchObject({
    practicalMinutesShortfall: 0,
    practicalHoursCovered: 8,
  });
});
