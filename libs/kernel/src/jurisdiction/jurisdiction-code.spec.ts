import { JurisdictionCode } from './jurisdiction-code';

const code = (value: string) => {
  const result = JurisdictionCode.parse(value);
  if (!result.ok) throw new Error(`expected ${value} to be valid, got ${result.reason.code}`);
  return result.value;
};
const reasonOf = (value: string) => {
  const result = JurisdictionCode.parse(value);
  if (result.ok) throw new Error(`expected ${value} to be rejected`);
  return result.reason;
};

const shanxi = code('140000'); // 山西省
const yuncheng = code('140800'); // 运城市
const yanhu = code('140802'); // 盐湖区
const guigang = code('450800'); // 贵港市
const guiping = code('450881'); // 桂平市 (county-level city)
const jiyuan = code('419001'); // 济源市, directly under Henan
const qujing = code('530300'); // 曲靖市

describe('JurisdictionCode', () => {
  it.each([
    [shanxi, 'province'],
    [yuncheng, 'city'],
    [yanhu, 'county'],
    [guigang, 'city'],
    [guiping, 'county'],
    [jiyuan, 'county'],
    [qujing, 'city'],
    [code('110000'), 'province'],
    [code('110101'), 'county'],
  ])('%s is a %s', (c, level) => {
    expect(c.level).toBe(level);
  });

  describe('parent', () => {
    it('of a county is its city', () => {
      expect(yanhu.parent()?.value).toBe('140800');
      expect(guiping.parent()?.value).toBe('450800');
    });

    it('of a city is its province', () => {
      expect(yuncheng.parent()?.value).toBe('140000');
      expect(guigang.parent()?.value).toBe('450000');
      expect(qujing.parent()?.value).toBe('530000');
    });

    it('of a province is none', () => {
      expect(shanxi.parent()).toBeUndefined();
    });

    it('of a province-direct county-level unit is the province', () => {
      expect(jiyuan.isProvinceDirect).toBe(true);
      expect(jiyuan.parent()?.value).toBe('410000');
      expect(code('429004').parent()?.value).toBe('420000'); // 仙桃
      expect(code('469001').parent()?.value).toBe('460000'); // 五指山
      expect(yanhu.isProvinceDirect).toBe(false);
      expect(code('419000').isProvinceDirect).toBe(false); // the grouping code itself is city-shaped
    });

    it('of a district of a municipality is the municipality’s 市辖区 code', () => {
      expect(code('110101').parent()?.value).toBe('110100');
      expect(code('110100').parent()?.value).toBe('110000');
    });
  });

  describe('isWithin', () => {
    it('holds for itself and for every ancestor', () => {
      expect(yanhu.isWithin(yanhu)).toBe(true);
      expect(yanhu.isWithin(yuncheng)).toBe(true);
      expect(yanhu.isWithin(shanxi)).toBe(true);
      expect(yuncheng.isWithin(shanxi)).toBe(true);
      expect(guiping.isWithin(guigang)).toBe(true);
      expect(guiping.isWithin(code('450000'))).toBe(true);
      expect(jiyuan.isWithin(code('410000'))).toBe(true);
    });

    it('does not hold upwards or sideways', () => {
      expect(shanxi.isWithin(yuncheng)).toBe(false);
      expect(yuncheng.isWithin(yanhu)).toBe(false);
      expect(yanhu.isWithin(code('140100'))).toBe(false); // 太原, a sibling city
      expect(yanhu.isWithin(code('140801'))).toBe(false); // a sibling county
      expect(guiping.isWithin(shanxi)).toBe(false);
      expect(qujing.isWithin(guigang)).toBe(false);
    });

    it('does not put a province-direct unit under any city, nor under the grouping code', () => {
      expect(jiyuan.isWithin(code('410800'))).toBe(false); // 焦作
      expect(jiyuan.isWithin(code('419000'))).toBe(false);
    });
  });

  it('gives the province of any level', () => {
    expect(yanhu.province().value).toBe('140000');
    expect(shanxi.province().equals(shanxi)).toBe(true);
  });

  describe('rejects', () => {
    it.each(['', '1408', '1408000', '14080a', ' 140800', '140800 ', '１４０８００', '-14080'])(
      '%j with JURISDICTION_CODE.FORMAT',
      (value) => {
        expect(reasonOf(value).code).toBe('JURISDICTION_CODE.FORMAT');
      },
    );

    it('a non-string with JURISDICTION_CODE.FORMAT', () => {
      expect(reasonOf(140800 as unknown as string).code).toBe('JURISDICTION_CODE.FORMAT');
    });

    it.each(['000000', '100000', '160800', '200000', '470000', '830000', '990000'])(
      '%s with JURISDICTION_CODE.PROVINCE',
      (value) => {
        expect(reasonOf(value).code).toBe('JURISDICTION_CODE.PROVINCE');
      },
    );

    it('a county code without a city part with JURISDICTION_CODE.STRUCTURE', () => {
      expect(reasonOf('140002').code).toBe('JURISDICTION_CODE.STRUCTURE');
    });

    it('in Chinese and English, quoting the code', () => {
      const reason = reasonOf('1408');
      expect(reason.messageZh).toBe('行政区划代码 "1408" 无效：应为 6 位数字');
      expect(reason.messageEn).toBe('invalid administrative division code "1408": must be 6 digits');
    });
  });

  it('compares and serialises as the code', () => {
    expect(code('140800').equals(yuncheng)).toBe(true);
    expect(yuncheng.equals(yanhu)).toBe(false);
    expect(`${yanhu}`).toBe('140802');
    expect(JSON.stringify({ jurisdiction: yanhu })).toBe('{"jurisdiction":"140802"}');
    expect(Object.isFrozen(yanhu)).toBe(true);
  });
});
