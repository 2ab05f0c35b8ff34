/* global console, process */
// Fails CI on a high or critical advisory in a runtime dependency (`npm audit --omit=dev`).
// Where the registry's advisory service cannot be reached (a mirror answering 405, no network)
// it says so and passes, unless WAYMARK_REQUIRE_AUDIT=1 makes that a failure too.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = { error: { summary: 'unreadable answer' } };
}
if (report.error || !report.metadata) {
  const why = report.message ?? report.error?.summary ?? 'no answer';
  console.error(`npm audit: the advisory service could not be reached (${why}); not checked.`);
  process.exit(process.env.WAYMARK_REQUIRE_AUDIT === '1' ? 1 : 0);
}
const { high = 0, critical = 0 } = report.metadata.vulnerabilities ?? {};
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) =>
  ['high', 'critical'].includes(v.severity),
);
for (const v of serious) console.error(`npm audit: ${v.severity} advisory in ${v.name}`);
console.error(`npm audit: ${high} high, ${critical} critical in runtime dependencies.`);
process.exit(high + critical > 0 ? 1 : 0);
