// The entry of a Jineng image: runs the app named by JINENG_APP (set by the image, one per app of
// nest-cli.json) from /app/dist. Its arguments are the app's: `… migrate` runs a service's migration step.
const app = process.env.JINENG_APP ?? '';
if (!/^[a-z][a-z0-9-]*$/.test(app)) {
  process.stderr.write(`JINENG_APP must name an app of nest-cli.json (got '${app}')\n`);
  process.exit(64);
}
require(`/app/dist/apps/${app}/src/main.js`);
