import type { LessonsReport } from './schema';

/** The report as a plain-text table: case, claim, measured, pass, seconds; then the totals. */
export function formatTable(report: LessonsReport): string {
  const rows = report.cases.map((c) => [c.id, c.pass ? 'pass' : 'FAIL', `${c.seconds.toFixed(0)} s`, c.measured, c.claim]);
  const head = ['case', 'pass', 'time', 'measured', 'claim'];
  const widths = head.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => [...r.slice(0, 3).map((v, i) => v.padEnd(widths[i])), r[3], `— ${r[4]}`].join('  ');
  const passed = report.cases.filter((c) => c.pass).length;
  return [
    line(head),
    ...rows.map(line),
    '',
    `${passed} of ${report.cases.length} cases pass · ${(report.durationSec / 60).toFixed(1)} min · ${report.environment.browser}, backend ${report.environment.backend}, ${report.environment.hardwareConcurrency} logical cores, load ${report.environment.loadAverage.start.toFixed(1)} → ${report.environment.loadAverage.end.toFixed(1)}`,
  ].join('\n');
}
