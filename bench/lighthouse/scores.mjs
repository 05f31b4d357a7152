// Reads Lighthouse JSON reports named PAGE.PRESET.RUN.json and prints the median score of each category per page and
// preset (and the median CPU benchmark index of the runs), then the audits that fail in a category below its target. Exit code 1 when one of Byline's pages misses a
// target (pages named nginx-* are references and have none).
//   node scores.mjs DIR            the table
//   node scores.mjs --one FILE     one report's scores on one line
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const targets = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const short = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'best-pr', seo: 'seo' };

const read = file => JSON.parse(readFileSync(file, 'utf8'));
const score = (report, category) => Math.round((report.categories[category]?.score ?? 0) * 100);
// Lighthouse's measure of the machine's speed while it loaded the page (higher is faster): shows a busy machine.
const cpu = report => Math.round(report.environment.benchmarkIndex);
const median = values => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

// An audit counts against its category when it weighs in the score and is not passed; in performance, the metrics
// and diagnostics below "good" (0.9) are listed too, since they explain the score.
function failingAudits(report, category) {
    const graded = ['binary', 'numeric', 'metricSavings'];
    return report.categories[category].auditRefs
        .map(ref => ({ ref, audit: report.audits[ref.id] }))
        .filter(({ ref, audit }) => graded.includes(audit.scoreDisplayMode) && audit.score !== null
            && (category === 'performance' ? audit.score < 0.9 : ref.weight > 0 && audit.score < 1))
        .map(({ audit }) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
}

if (process.argv[2] === '--one') {
    const report = read(process.argv[3]);
    console.log(categories.map(c => `${short[c]} ${score(report, c)}`).join('  ') + `  (cpu ${cpu(report)})`);
    process.exit(0);
}

const dir = process.argv[2];
const groups = new Map();
for (const file of readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
    const [page, preset] = file.split('.');
    const key = `${page} ${preset}`;
    if (!groups.has(key)) groups.set(key, { page, preset, reports: [] });
    groups.get(key).reports.push(read(join(dir, file)));
}

// Byline's pages first, then the references; mobile (the default) before desktop.
const order = ({ page, preset }) => [page.startsWith('nginx') ? 1 : 0, page, preset === 'mobile' ? 0 : 1];
const byOrder = (a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2] - y[2];
};
// Columns of 14 then 9 characters; a longer cell (five runs' scores) still ends with a space.
const row = cells => cells.map((c, i) => String(c).padEnd(i === 0 ? 14 : 9)).map(c => c.endsWith(' ') ? c : c + ' ').join('').trimEnd();
console.log(row(['page', 'preset', ...categories.map(c => short[c]), 'perf runs'.padEnd(13), 'cpu']));
const misses = [];
for (const { page, preset, reports } of [...groups.values()].sort(byOrder)) {
    const medians = Object.fromEntries(categories.map(c => [c, median(reports.map(r => score(r, c)))]));
    console.log(row([page, preset, ...categories.map(c => medians[c]), reports.map(r => score(r, 'performance')).join('/').padEnd(13),
        median(reports.map(cpu))]));
    for (const c of categories) {
        if (medians[c] >= targets[c]) continue;
        // Audits that fail in any run, with how many runs they fail in.
        const counts = new Map();
        for (const r of reports) for (const a of failingAudits(r, c)) counts.set(a.split(':')[0], [a, (counts.get(a.split(':')[0])?.[1] ?? 0) + 1]);
        misses.push({ page, preset, category: c, median: medians[c], reference: page.startsWith('nginx'), audits: [...counts.values()] });
    }
}

for (const m of misses) {
    console.log(`\n${m.page} ${m.preset}: ${m.category} ${m.median} < ${targets[m.category]}${m.reference ? ' (reference)' : ''}`);
    for (const [audit, n] of m.audits) console.log(`  ${audit}${n < groups.get(`${m.page} ${m.preset}`).reports.length ? ` [${n} runs]` : ''}`);
}
const missed = misses.filter(m => !m.reference);
console.log(missed.length === 0 ? '\nPASS  every target met' : `\nFAIL  ${missed.length} target(s) missed`);
process.exit(missed.length === 0 ? 0 : 1);
