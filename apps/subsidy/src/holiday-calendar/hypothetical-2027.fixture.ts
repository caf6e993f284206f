// A made-up 2027 arrangement for tests (the real one is not published in their world): New Year's
// Day, Spring Festival Friday 5 – Thursday 11 February with Saturday 13 February worked.
export const NOTICE_2027 = {
  reference: '国办发明电〔2026〕9号',
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  issuer: '国务院办公厅',
};

export const HOLIDAYS_2027 = [
  '2027-01-01',
  '2027-02-05',
  '2027-02-06',
  '2027-02-07',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
];

/** The payload of PublishHolidayCalendar for it. */
export const PUBLISH_2027 = {
  year: 2027,
  holidays: HOLIDAYS_2027,
  makeUpWorkdays: ['2027-02-13'],
  notice: NOTICE_2027,
};
