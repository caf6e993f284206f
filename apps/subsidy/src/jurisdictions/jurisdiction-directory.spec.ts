import { JurisdictionCode } from '@jineng/kernel';
import {
  chainOf,
  findJurisdiction,
  isKnownJurisdiction,
  isWithin,
  jurisdictionName,
  jurisdictionsWithin,
} from '@jineng/subsidy-computation';
import { JURISDICTIONS } from '@jineng/subsidy-computation';

describe('the jurisdiction tree', () => {
  it('lists each code once, well formed, at the level its code says, under a listed parent', () => {
    expect(new Set(JURISDICTIONS.map((j) => j.code)).size).toBe(JURISDICTIONS.length);
    for (const entry of JURISDICTIONS) {
      const parsed = JurisdictionCode.parse(entry.code);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect({ code: entry.code, level: parsed.value.level }).toEqual({
        code: entry.code,
        level: entry.level,
      });
      const parent = parsed.value.parent();
      if (parent)
        expect({ code: entry.code, parentListed: isKnownJurisdiction(parent.value) }).toEqual({
          code: entry.code,
          parentListed: true,
        });
      expect(entry.name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });

  it('has the five seed cities with their provinces', () => {
    expect(
      ['140800', '140500', '450800', '419001', '530300'].map((code) => [
        jurisdictionName(code),
        findJurisdiction(chainOf(code).at(-1)!)?.name,
      ]),
    ).toEqual([
      ['运城市', '山西省'],
      ['晋城市', '山西省'],
      ['贵港市', '广西壮族自治区'],
      ['济源市', '河南省'],
      ['曲靖市', '云南省'],
    ]);
  });

  it("has Guigang's counties and districts, the rows of its target table", () => {
    expect(jurisdictionsWithin('450800').map((j) => j.name)).toEqual([
      '贵港市',
      '港北区',
      '港南区',
      '覃塘区',
      '平南县',
      '桂平市',
    ]);
  });

  it('chains a county to its city and province, and 济源 straight to 河南省', () => {
    expect(chainOf('140802')).toEqual(['140802', '140800', '140000']);
    expect(chainOf('419001')).toEqual(['419001', '410000']);
    expect(chainOf('140000')).toEqual(['140000']);
  });

  it('tells what lies within what', () => {
    expect(isWithin('140802', '140000')).toBe(true);
    expect(isWithin('140802', '140500')).toBe(false);
    expect(isWithin('140800', '140802')).toBe(false);
    expect(jurisdictionsWithin('419001').map((j) => j.code)).toEqual(['419001']);
  });
});
