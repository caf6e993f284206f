import { mapHeader, rowToPayload } from './roster-columns';

const header = [
  '身份证号码*',
  '姓名',
  '性别',
  '出生日期',
  '户籍地区划代码',
  '常住地区划代码',
  '手机号码',
  '文化程度',
  '人员类别',
  '重点群体',
  '是否有劳动能力',
  '是否有就业意愿',
];

describe('roster columns', () => {
  it('maps Chinese headers (with 必填 marks) and reports missing required columns', () => {
    expect(mapHeader(header).missing).toEqual([]);
    expect(mapHeader(['姓名', '性别']).missing).toContain('idNumber');
    // the finding 自身难以实现转移就业 is optional, like the key groups
    expect(mapHeader(header).missing).not.toContain('hardToMoveIntoWork');
  });

  it('reads a row of Chinese labels into a RegisterWorker payload', () => {
    const { columns } = mapHeader(header);
    const { payload, problems } = rowToPayload(
      [
        '14080219900517001x',
        '张三',
        '男',
        '1990/5/17',
        140821,
        '140802',
        13812345678,
        '高中',
        '农村劳动力',
        '农民工、退役军人',
        '是',
        '否',
      ],
      columns,
    );
    expect(problems).toEqual([]);
    expect(payload).toEqual({
      idNumber: '14080219900517001X',
      name: '张三',
      gender: 'male',
      birthDate: '1990-05-17',
      hukouJurisdiction: '140821',
      residenceJurisdiction: '140802',
      phone: '13812345678',
      education: 'senior_secondary',
      category: 'rural_labour',
      keyGroups: ['migrant_worker', 'veteran'],
      ableToWork: true,
      willingToWork: false,
    });
  });

  it('reads the optional column 是否难以实现转移就业 (or 难以转移就业) like the yes/no columns; blank is no finding', () => {
    expect(mapHeader([...header, '难以转移就业']).columns.get('hardToMoveIntoWork')).toBe(header.length);
    const { columns } = mapHeader([...header, '是否难以实现转移就业（是/否）']);
    const row = (value: string | boolean) =>
      rowToPayload(
        [
          '14080219900517001X',
          '张三',
          '男',
          '1990-05-17',
          '140821',
          '140802',
          '13812345678',
          '高中',
          '农村劳动力',
          '',
          '是',
          '是',
          value,
        ],
        columns,
      );
    expect(row('是')).toMatchObject({ problems: [], payload: { hardToMoveIntoWork: true } });
    expect(row('否')).toMatchObject({ problems: [], payload: { hardToMoveIntoWork: false } });
    expect(row(true)).toMatchObject({ problems: [], payload: { hardToMoveIntoWork: true } });
    expect(row('').payload).not.toHaveProperty('hardToMoveIntoWork');
    const { problems } = row('难说');
    expect(problems).toEqual([
      {
        field: 'hardToMoveIntoWork',
        code: 'ROSTER.UNRECOGNISED_VALUE',
        reason: '应填「是」或「否」，而不是「难说」',
        reasonEn: "expected 是 or 否, not '难说'",
      },
    ]);
  });

  it('names each cell it cannot read, and an ID number Excel stored as a number', () => {
    const { columns } = mapHeader(header);
    const { problems } = rowToPayload(
      [
        Number('140802199005170010'), // what Excel keeps of a number typed into a numeric cell

        '李四',
        '未知',
        '1990-05-17',
        '140821',
        '140802',
        '13812345678',
        '高中',
        '外星人',
        '',
        '也许',
        '是',
      ],
      columns,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['idNumber', 'ROSTER.ID_NUMBER_STORED_AS_NUMBER'],
      ['gender', 'ROSTER.UNRECOGNISED_VALUE'],
      ['category', 'ROSTER.UNRECOGNISED_VALUE'],
      ['ableToWork', 'ROSTER.UNRECOGNISED_VALUE'],
    ]);
  });
});
