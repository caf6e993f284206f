// The five published versions the platform starts with, one per seed document.
import { GUIGANG_2019 } from './guigang-2019';
import { JINCHENG_2020 } from './jincheng-2020';
import { JIYUAN_2021 } from './jiyuan-2021';
import type { PolicySeed } from './policy-seed';
import { QUJING_2019 } from './qujing-2019';
import { YUNCHENG_2018 } from './yuncheng-2018';

export const POLICY_SEEDS: readonly PolicySeed[] = [
  YUNCHENG_2018,
  JINCHENG_2020,
  GUIGANG_2019,
  JIYUAN_2021,
  QUJING_2019,
];
