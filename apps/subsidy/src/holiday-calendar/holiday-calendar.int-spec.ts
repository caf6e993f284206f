// The holiday calendar of the subsidy service as it runs: an administrator publishes a year over NATS,
// the event goes out on JetStream with exactly what the kernel's calendar is built from, the query
// answers what is published.
import type { subsidyV1 } from '@jineng/contracts';
import { CalendarCoverageError, WorkingDayCalendar } from '@jineng/kernel';
import { EVENTS_STREAM, type Principal } from '@jineng/messaging';
import { connectTestNats, eventually } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { admin, expectContract, rejection, SubsidyTestService } from '../subsidy-service.fixture';
import { PUBLISH_2027 } from './hypothetical-2027.fixture';

let service: SubsidyTestService;

beforeAll(async () => {
  service = await SubsidyTestService.start('subsidy_calendar');
});

afterAll(async () => {
  await service?.dispose();
});

const SHANXI_ADMIN = admin('140000');
const GUANGXI_ADMIN = admin('450000');
const YANHU_OFFICER: Principal = {
  userId: 'officer-140802',
  roles: ['county_officer'],
  jurisdiction: '140802',
};

const year2027 = PUBLISH_2027;

const publish = (principal: Principal, payload: object, commandId?: string) =>
  service.command<subsidyV1.HolidayYear>('PublishHolidayCalendar', principal, payload, commandId);
const calendar = (principal: Principal, province?: string) =>
  service.query<subsidyV1.HolidayCalendar>('GetHolidayCalendar', principal, province ? { province } : {});

it('answers the package years before anything is published', async () => {
  const answer = await calendar(YANHU_OFFICER);
  expectContract('jineng.subsidy.v1.HolidayCalendar', answer);
  expect(answer).toEqual({
    packageFromYear: 2004,
    packageToYear: 2026,
    fromYear: 2004,
    toYear: 2026,
    published: [],
  });
});

it('publishes a national year: the event is what the kernel builds the calendar from', async () => {
  const commandId = '7a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const year = await publish(SHANXI_ADMIN, year2027, commandId);
  expectContract('jineng.subsidy.v1.HolidayYear', year);
  expect(year).toMatchObject({ year: 2027, revision: 1, source: 'publication', publishedBy: 'admin-140000' });
  // the same request again answers the same, and appends nothing
  expect(await publish(SHANXI_ADMIN, year2027, commandId)).toEqual(year);
  // the same command id for another request is refused, and changes nothing (the year stays at revision 1)
  const reused = await rejection(
    publish(SHANXI_ADMIN, { ...year2027, makeUpWorkdays: [], correctionReason: '更正' }, commandId),
  );
  expect([reused.code, reused.category]).toEqual(['COMMAND.ID_REUSED', 'illegal_state']);

  const nc = await connectTestNats(service.nats.url);
  try {
    const jsm = await jetstreamManager(nc);
    const event = await eventually(async () => {
      const found = await jsm.streams.getMessage(EVENTS_STREAM, {
        last_by_subj: 'jineng.evt.subsidy.HolidayCalendarPublished.v1',
      });
      const data = found?.json<{ data: subsidyV1.HolidayCalendarPublished }>().data;
      expect(data?.year).toBe(2027);
      return data!;
    });
    expectContract('jineng.subsidy.v1.HolidayCalendarPublished', event);
    // what another service does with it: a class starting in February 2027 can now be checked
    expect(() => WorkingDayCalendar.national().addWorkingDays('2027-02-04', 2)).toThrow(
      CalendarCoverageError,
    );
    expect(WorkingDayCalendar.withPublished([event]).addWorkingDays('2027-02-04', 2)).toBe('2027-02-13');
  } finally {
    await nc.close();
  }

  const answer = await eventually(async () => {
    const a = await calendar(YANHU_OFFICER);
    expect(a.toYear).toBe(2027);
    return a;
  });
  expectContract('jineng.subsidy.v1.HolidayCalendar', answer);
  expect(answer.published).toEqual([year]);
});

it('corrects a year with a reason only, and keeps the latest revision', async () => {
  const withoutReason = await rejection(publish(SHANXI_ADMIN, { ...year2027, makeUpWorkdays: [] }));
  expect([withoutReason.code, withoutReason.category]).toEqual([
    'CALENDAR.CORRECTION_REASON_REQUIRED',
    'validation',
  ]);
  const corrected = await publish(SHANXI_ADMIN, {
    ...year2027,
    makeUpWorkdays: [],
    correctionReason: '国务院办公厅更正通知',
  });
  expect(corrected).toMatchObject({ revision: 2, corrects: 'publication', makeUpWorkdays: [] });
  const answer = await eventually(async () => {
    const a = await calendar(YANHU_OFFICER);
    expect(a.published.map((y) => y.revision)).toEqual([2]);
    return a;
  });
  expect(answer.published[0]?.correctionReason).toBe('国务院办公厅更正通知');
});

it("publishes a province's own days, shown with the national years to that province", async () => {
  const guangxi = await publish(GUANGXI_ADMIN, {
    year: 2027,
    province: '450000',
    holidays: ['2027-04-09'],
    makeUpWorkdays: [],
    notice: { reference: '桂政办电〔2027〕1号', title: '广西壮族自治区2027年“壮族三月三”放假通知' },
  });
  expect(guangxi).toMatchObject({ province: '450000', revision: 1 });
  const inGuangxi = await eventually(async () => {
    const a = await calendar(YANHU_OFFICER, '450802');
    expect(a.published).toHaveLength(2);
    return a;
  });
  expect(inGuangxi.published.map((y) => [y.year, y.province])).toEqual([
    [2027, undefined],
    [2027, '450000'],
  ]);
  expect((await calendar(YANHU_OFFICER, '140802')).published.map((y) => y.province)).toEqual([undefined]);
});

it('refuses a non-admin, a county admin, a gap and a make-up day on a weekday, changing nothing', async () => {
  const officer = await rejection(
    publish(YANHU_OFFICER, { ...year2027, year: 2028, holidays: [], makeUpWorkdays: [] }),
  );
  expect([officer.code, officer.category]).toEqual(['CALENDAR.ADMIN_ROLE_REQUIRED', 'forbidden']);
  const county = await rejection(
    publish(admin('140802'), { ...year2027, year: 2028, holidays: [], makeUpWorkdays: [] }),
  );
  expect(county.code).toBe('CALENDAR.PROVINCE_ADMIN_REQUIRED');
  const gap = await rejection(
    publish(SHANXI_ADMIN, { ...year2027, year: 2029, holidays: [], makeUpWorkdays: [] }),
  );
  expect([gap.code, gap.messageEn]).toEqual([
    'CALENDAR.INVALID_ARRANGEMENT',
    expect.stringContaining('2028 missing'),
  ]);
  const weekday = await rejection(
    publish(SHANXI_ADMIN, { ...year2027, year: 2028, holidays: [], makeUpWorkdays: ['2028-01-05'] }),
  );
  expect(weekday.messageZh).toContain('不是周六或周日');
  // a malformed date never reaches the decider
  const malformed = await rejection(publish(SHANXI_ADMIN, { ...year2027, holidays: ['2027-02-30'] }));
  expect(malformed.code).toBe('MESSAGING.INVALID_PAYLOAD');
  expect((await calendar(YANHU_OFFICER)).toYear).toBe(2027);
});
