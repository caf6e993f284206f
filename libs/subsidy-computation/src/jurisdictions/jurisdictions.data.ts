// The jurisdictions the platform knows: the provinces, cities and counties of the five seed cities
// (GB/T 2260 administrative division codes and their Chinese names). Add a city by adding its rows:
// a policy version can only be drafted for a jurisdiction listed here.
import type { JurisdictionLevel } from '@jineng/kernel';

export interface JurisdictionEntry {
  readonly code: string;
  readonly name: string;
  readonly level: JurisdictionLevel;
}

const province = (code: string, name: string): JurisdictionEntry => ({ code, name, level: 'province' });
const city = (code: string, name: string): JurisdictionEntry => ({ code, name, level: 'city' });
const county = (code: string, name: string): JurisdictionEntry => ({ code, name, level: 'county' });

export const JURISDICTIONS: readonly JurisdictionEntry[] = [
  // 山西省: 运城市 (Yuncheng 2018 seed) and 晋城市 (Jincheng 2020 seed)
  province('140000', '山西省'),
  city('140500', '晋城市'),
  county('140502', '城区'),
  county('140521', '沁水县'),
  county('140522', '阳城县'),
  county('140524', '陵川县'),
  county('140525', '泽州县'),
  county('140581', '高平市'),
  city('140800', '运城市'),
  county('140802', '盐湖区'),
  county('140821', '临猗县'),
  county('140822', '万荣县'),
  county('140823', '闻喜县'),
  county('140824', '稷山县'),
  county('140825', '新绛县'),
  county('140826', '绛县'),
  county('140827', '垣曲县'),
  county('140828', '夏县'),
  county('140829', '平陆县'),
  county('140830', '芮城县'),
  county('140881', '永济市'),
  county('140882', '河津市'),
  // 河南省: 济源 is a county-level city directly under the province (省直辖县级行政单位), no city above
  province('410000', '河南省'),
  county('419001', '济源市'),
  // 广西壮族自治区: 贵港市 (Guigang 2019 seed), whose target table splits down to these five
  province('450000', '广西壮族自治区'),
  city('450800', '贵港市'),
  county('450802', '港北区'),
  county('450803', '港南区'),
  county('450804', '覃塘区'),
  county('450821', '平南县'),
  county('450881', '桂平市'),
  // 云南省: 曲靖市 (Qujing 2019 seed)
  province('530000', '云南省'),
  city('530300', '曲靖市'),
  county('530302', '麒麟区'),
  county('530303', '沾益区'),
  county('530304', '马龙区'),
  county('530322', '陆良县'),
  county('530323', '师宗县'),
  county('530324', '罗平县'),
  county('530325', '富源县'),
  county('530326', '会泽县'),
  county('530381', '宣威市'),
];
