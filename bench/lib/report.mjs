// The targets of issue #6 checked against the figures, and the figures as a console table and
// as bench/RESULTS.md. Marks are information, not a verdict: the harness exits 0 either way.

import fs from 'node:fs';
import path from 'node:path';

/**
 * Put `md` into the README at `root` between `<!-- name:start -->` and `<!-- name:end -->`; false
 * when the README has no such markers. bench/run.mjs writes `bench`, bench/scale.mjs `bench-scale`.
 * @param {string} root @param {string} name @param {string} md
 */
export function updateReadme(root, name, md) {
  const file = path.join(root, 'README.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return false;
  fs.writeFileSync(file, `${text.slice(0, a + start.length)}\n${md.trim()}\n${text.slice(b)}`);
  return true;
}

const kB = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1000).toFixed(1)}`);
const ms = (x) => (x == null ? 'n/a' : `${Math.round(x)}`);
const ratio = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}×`);
const mark = (pass) => (pass == null ? '–' : pass ? '✅' : '❌');

/** Each target with its figure and whether the figure meets it (null when it could not be measured). */
export function checkTargets(results) {
  const targets = [];
  const add = (name, target, value, pass) => targets.push({ name, target, value, pass });
  for (const page of results.pages) {
    const limit = page.id === 'embed' ? 1.15 : 1.25;
    for (const run of page.throttles ?? []) {
      add(
        `Map idle ${page.path} (CPU ${run.throttle}×)`,
        `≤ ${limit.toFixed(2)}× baseline`,
        ratio(run.ratio),
        run.ratio == null ? null : run.ratio <= limit,
      );
    }
    if (!page.available) add(`Map idle ${page.path}`, `≤ ${limit.toFixed(2)}× baseline`, 'n/a (page missing)', null);
  }
  const embed = results.pages.find((p) => p.id === 'embed');
  const beyond = embed?.available ? embed.jsBeyondMaplibre : null;
  add('Embed JS beyond maplibre-gl', '≤ 200 kB gz', beyond == null ? 'n/a' : `${kB(beyond)} kB`, beyond == null ? null : beyond <= 200_000);
  const routes = results.sizes.routes;
  add('/api/routes size', '≤ 60 kB gz', routes == null ? 'n/a' : `${kB(routes)} kB`, routes == null ? null : routes <= 60_000);
  const basemap = results.sizes.basemap;
  add('Basemap size', '≤ 250 kB gz', basemap == null ? 'n/a' : `${kB(basemap)} kB`, basemap == null ? null : basemap <= 250_000);
  for (const l of results.load) {
    const r = l.app && l.static ? l.app.requestsPerSecond / l.static.requestsPerSecond : null;
    add(`${l.path} req/s vs static`, '≥ 70%', r == null ? 'n/a' : `${Math.round(r * 100)}%`, r == null ? null : r >= 0.7);
    add(`${l.path} p99`, '< 25 ms', l.app ? `${l.app.latencyMs.p99} ms` : 'n/a', l.app ? l.app.latencyMs.p99 < 25 : null);
    const errors = l.app ? l.app.errors + l.app.non2xx : null;
    add(`${l.path} errors under load`, '0', errors == null ? 'n/a' : String(errors), errors == null ? null : errors === 0);
  }
  for (const v of results.revalidation)
    add(
      `Revalidate ${v.path}`,
      '304 with ETag',
      v.revalidated ? '304' : `${v.revalidatedStatus ?? v.status}${v.etag ? '' : ' (no ETag)'}`,
      v.revalidated,
    );
  for (const page of results.pages.filter((p) => p.repeatVisit)) {
    const rv = page.repeatVisit.app;
    const again = rv ? `${rv.notModified} × 304, ${kB(rv.dataBytes)} kB JSON, ${kB(rv.bytes.total)} kB in all downloaded again` : 'n/a';
    add(`Repeat visit ${page.path}`, 'data files revalidated (304), not downloaded again', again, rv ? rv.dataBytes === 0 : null);
  }
  return targets;
}

const spread = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : 'n/a');

function table(head, rows) {
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The whole report as markdown; the console prints the same text. */
export function markdown(results) {
  const out = [];
  const m = results.machine;
  out.push(
    `Measured ${results.timestamp} on ${m.cpus}× ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, Chromium ${m.chromium}, commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}; load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end.`,
  );
  out.push(
    `${results.settings.runs} cold loads per page and setting (fresh browser context each), SwiftShader WebGL, times in ms from navigation start to the map's first idle with all routes drawn: median (min–max). Sizes in kB (1000 bytes), compressed as sent.${results.settings.quick ? ' **BENCH_QUICK: smoke-test settings, not comparable figures.**' : ''}`,
  );
  out.push('');
  out.push('**Map idle**');
  out.push('');
  const idleRows = [];
  for (const page of results.pages) {
    if (!page.available) {
      idleRows.push([`\`${page.path}\``, '–', 'n/a (page missing)', spread(null), 'n/a', '–']);
      continue;
    }
    for (const t of page.throttles) {
      const limit = page.id === 'embed' ? 1.15 : 1.25;
      idleRows.push([
        `\`${page.path}\``,
        `${t.throttle}×`,
        spread(t.app),
        spread(t.baseline),
        ratio(t.ratio),
        `${mark(t.ratio == null ? null : t.ratio <= limit)} ≤ ${limit}×`,
      ]);
    }
  }
  out.push(table(['Page', 'CPU', 'App ms', 'Baseline ms', 'App / baseline', 'Target'], idleRows));
  out.push('');
  const partRows = [];
  for (const page of results.pages.filter((p) => p.available)) {
    for (const t of page.throttles.filter((x) => x.parts && Object.keys(x.parts).length)) {
      const cell = (s) => (s ? `${ms(s.median)} (${ratio(s.ratio)})` : 'n/a');
      partRows.push([
        `\`${page.path}\``,
        `${t.throttle}×`,
        cell(t.app && { median: t.app.median, ratio: t.ratio }),
        cell(t.parts['no-payload']),
        cell(t.parts['no-next-js']),
        ms(t.baseline?.median),
      ]);
    }
  }
  if (partRows.length) {
    out.push("**Where the explorer's time goes** (the same runs, interleaved: median ms to map idle, and / baseline)");
    out.push('');
    out.push(
      table(
        [
          'Page',
          'CPU',
          'App',
          "Without the RSC payload: Next's scripts run, nothing hydrates",
          "Without Next's scripts: the server's HTML and the map module",
          'Baseline',
        ],
        partRows,
      ),
    );
    out.push('');
    out.push(
      "From the baseline to the last column: the page itself (its HTML, styles and layout, the map module). From there to the column before: evaluating Next.js's and React's scripts. From there to the app: starting Next's router from the payload and hydrating the page's shell (the explorer's panel and map host hydrate after the map's first idle).",
    );
    out.push('');
  }
  out.push('**Bytes to first idle** (kB compressed)');
  out.push('');
  const byteRows = [];
  for (const page of results.pages.filter((p) => p.available && p.bytes)) {
    const { app, baseline } = page.bytes;
    byteRows.push([
      `\`${page.path}\``,
      kB(app.js),
      kB(app.css),
      kB(app.data),
      kB(app.other),
      kB(app.total),
      `${kB(baseline.total)} (JS ${kB(baseline.js)})`,
      page.jsBeyondMaplibre == null ? 'n/a' : kB(page.jsBeyondMaplibre),
      String(app.requests),
    ]);
  }
  out.push(table(['Page', 'JS', 'CSS', 'Data', 'Other', 'Total', 'Baseline total', 'JS beyond maplibre-gl', 'Requests'], byteRows));
  out.push('');
  out.push(`**API under load** (autocannon, ${results.settings.connections} connections, ${results.settings.loadSeconds} s, gzip)`);
  out.push('');
  const loadRows = results.load.map((l) => [
    `\`${l.path}\``,
    l.app ? String(Math.round(l.app.requestsPerSecond)) : 'n/a',
    l.app ? `${l.app.latencyMs.p50} / ${l.app.latencyMs.p99}` : 'n/a',
    l.app ? String(l.app.errors + l.app.non2xx) : 'n/a',
    l.static ? String(Math.round(l.static.requestsPerSecond)) : 'n/a',
    l.static ? `${l.static.latencyMs.p50} / ${l.static.latencyMs.p99}` : 'n/a',
    l.app && l.static ? `${Math.round((100 * l.app.requestsPerSecond) / l.static.requestsPerSecond)}%` : 'n/a',
    kB(l.gzBytes),
  ]);
  out.push(
    table(['Endpoint', 'req/s', 'p50 / p99 ms', 'Errors', 'Static req/s', 'Static p50 / p99 ms', 'App / static', 'Body kB gz'], loadRows),
  );
  out.push('');
  out.push('"Static" is the same bytes served by the baseline\'s plain `node:http` server.');
  const cached = results.load.filter((l) => l.sharedCache).map((l) => `\`${l.path}\``);
  if (cached.length) {
    out.push(
      `${cached.join(' and ')} answered from the app's in-process shared cache (its answers carry an Age header): each answer is kept as sent, compressed once, while the baseline compresses every response as \`next start\` does, so the app can pass it.`,
    );
  }
  if (results.appStatic) {
    const a = results.appStatic;
    const ratios = results.load
      .filter((l) => l.app)
      .map((l) => `\`${l.path}\` ${Math.round((100 * l.app.requestsPerSecond) / a.requestsPerSecond)}%`);
    out.push(
      `For context, the app's own server answers a static file from public/ (\`${a.path}\`, through Next.js routing and the security-header proxy) at ${Math.round(a.requestsPerSecond)} req/s, p50 / p99 ${a.latencyMs.p50} / ${a.latencyMs.p99} ms: the API reaches ${ratios.join(', ')} of that.`,
    );
  }
  out.push('');
  if (results.images.length) {
    out.push('**Still images**');
    out.push('');
    out.push(
      table(
        ['Image', 'Cold ms (first after start)', 'Cached ms (median of 5)', 'Revalidation', 'kB'],
        results.images.map((i) => [
          `\`${i.path}\``,
          i.available ? ms(i.coldMs) : `n/a (${i.status})`,
          i.available ? ms(i.cachedMs) : 'n/a',
          i.revalidatedStatus ? `${i.revalidatedStatus} in ${ms(i.revalidatedMs)} ms` : 'n/a',
          i.available ? kB(i.bytes) : 'n/a',
        ]),
      ),
    );
    out.push('');
  }
  out.push('**Targets** (issue #6)');
  out.push('');
  out.push(
    table(
      ['Target', 'Goal', 'Measured', ''],
      results.targets.map((t) => [t.name, t.target, t.value, mark(t.pass)]),
    ),
  );
  if (results.notes.length) {
    out.push('');
    out.push('**Notes**');
    out.push('');
    for (const n of results.notes) out.push(`- ${n}`);
  }
  return out.join('\n') + '\n';
}
