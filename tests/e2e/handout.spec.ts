// Issue 17, printable handouts: printing a route page (Chromium's own PDF of it) gives at most two
// pages of A4 or US Letter holding every quote of the route and every source address written out,
// and no button; `?print=1` shows the same handout on screen; both pass axe.
import type { APIRequestContext, Page } from '@playwright/test';
import { getDocumentProxy, extractText } from 'unpdf';
import { expect, mapIdle, test } from './fixtures';
import type { RouteDetail } from '@/lib/data/api-schema';
import { axeViolations } from './axe';

/** Routes with the most quotes, and one with a source of no known address. */
const ROUTES = ['tumen-crossing-to-yanbian', 'underground-railroad-southeast-asia', 'imjin-river-shooting-2013'];

async function detailOf(request: APIRequestContext, slug: string): Promise<RouteDetail> {
  const res = await request.get(`/api/routes/${slug}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RouteDetail;
}

/** Text of a PDF with every run of whitespace removed: line breaks fall anywhere in a long address. */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text: squeeze(text) };
}
const squeeze = (s: string) => s.replace(/\s+/gu, '');

/** The handout's still map has arrived, so the PDF carries it. */
async function handoutReady(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator('[data-handout] img')
        .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    )
    .toBe(true);
}

test.describe('the printed route page', () => {
  for (const slug of ROUTES) {
    test(`${slug}: at most two A4 or Letter pages, every quote and address, no buttons`, async ({ page, request }) => {
      test.setTimeout(90_000);
      const detail = await detailOf(request, slug);
      await page.goto(`/routes/${slug}`);
      await mapIdle(page);
      await expect(page.getByRole('button', { name: 'Print handout' })).toBeVisible();
      const labels = (await page.getByRole('button').allInnerTexts()).map((l) => l.trim()).filter(Boolean);
      expect(labels).toContain('Print handout');
      // What the print dialog does first: lay the page out for paper, where the handout shows.
      await page.emulateMedia({ media: 'print' });
      await handoutReady(page);

      const citations = detail.stages.flatMap((s) => s.annotations.flatMap((a) => a.citations));
      expect(citations.length).toBeGreaterThan(0);
      for (const format of ['A4', 'Letter'] as const) {
        const { pages, text } = await pdfText(await page.pdf({ format }));
        expect(pages, format).toBeGreaterThanOrEqual(1);
        expect(pages, format).toBeLessThanOrEqual(2);
        expect(text, format).toContain(squeeze(detail.name.en));
        for (const c of citations) {
          expect(text, `${format}: quote from ${c.source.id}`).toContain(squeeze(c.quote));
          if (c.source.url) expect(text, `${format}: address of ${c.source.id}`).toContain(squeeze(c.source.url));
          else if (c.source.archiveUrl) expect(text, `${format}: archive of ${c.source.id}`).toContain(squeeze(c.source.archiveUrl));
          else
            expect(text, `${format}: ${c.source.id} says it has no address`).toContain(
              squeeze('No verified web address is known for this source.'),
            );
        }
        expect(text).toContain(squeeze('It is not a guide; do not rely on it to plan a journey.'));
        expect(text).toMatch(/FromtheEscapeAtlas,builton\d{1,2}[A-Z][a-z]+\d{4}\./);
        for (const label of labels) expect(text, `${format}: button "${label}"`).not.toContain(squeeze(label));
      }
    });
  }

  test('shows no address for a source that has none, and says so', async ({ page, request }) => {
    // fair-observer-what-does-it-take-2017 has no verified address, and no archive holds it.
    const detail = await detailOf(request, 'tumen-crossing-to-yanbian');
    const none = detail.stages
      .flatMap((s) => s.annotations.flatMap((a) => a.citations))
      .filter((c) => !c.source.url && !c.source.archiveUrl);
    expect(none.length).toBeGreaterThan(0);
    await page.goto('/routes/tumen-crossing-to-yanbian?print=1');
    const handout = page.locator('[data-handout]');
    await expect(handout).toBeVisible();
    for (const c of none) {
      const caption = handout.locator('figure', { hasText: c.quote.slice(0, 40) }).locator('figcaption');
      await expect(caption.first()).toContainText('No verified web address is known for this source.');
      await expect(caption.first()).not.toContainText('http');
    }
  });
});

test.describe('?print=1', () => {
  test('shows the handout alone on screen, with nothing to press, and passes axe', async ({ page }) => {
    await page.goto('/routes/tumen-crossing-to-yanbian?print=1');
    const handout = page.locator('[data-handout]');
    await expect(handout).toBeVisible();
    await handoutReady(page);
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByTestId('atlas-map')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Tumen/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the route page in print media passes axe', async ({ page }) => {
    await page.goto('/routes/underground-railroad-southeast-asia');
    await mapIdle(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-handout]')).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('the handout on screen, when not asked for', () => {
  // Its isolating rules select with :has() from <html> and <body>; in force on screen they made the
  // browser restyle the whole page at every change while the map started (bench: about 5% slower
  // to the map's first idle at CPU 4x). They are rendered with the handout, for print only.
  for (const path of ['/', '/routes/tumen-crossing-to-yanbian']) {
    test(`${path}: no rule in force on screen selects by :has() from the whole page`, async ({ page }) => {
      await page.goto(path);
      await mapIdle(page);
      const selectors = await page.evaluate(() => {
        const out: string[] = [];
        const walk = (rules: CSSRuleList) => {
          for (const rule of Array.from(rules)) {
            if (rule instanceof CSSMediaRule) {
              if (matchMedia(rule.conditionText).matches) walk(rule.cssRules);
            } else if (rule instanceof CSSStyleRule && rule.selectorText.includes(':has(')) out.push(rule.selectorText);
          }
        };
        for (const sheet of Array.from(document.styleSheets)) {
          if (sheet.media.length && !matchMedia(sheet.media.mediaText).matches) continue;
          walk(sheet.cssRules);
        }
        return out;
      });
      expect(selectors.length, 'the page has :has() rules of its own to check against').toBeGreaterThan(0);
      expect(selectors.filter((s) => /(^|[\s,(])(html|body)\s*(:has|\s)/u.test(s) || s.includes(':not(:has('))).toEqual([]);
    });
  }
});
