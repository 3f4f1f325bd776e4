// The benchmark's baseline must draw the very style the explorer draws, or its ratios compare
// the app with a lighter map. bench/lib/export-style.mts prints that style through tsx; when it
// broke (buildStyle took new arguments), the bench fell back to a plain style with a third of the
// layers and nobody noticed. This runs the export as the bench does and compares.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { mapText } from '@/lib/i18n/strings';
import { atlasMapInit, explorerMapSettings } from '@/lib/map/settings';

describe('the bench baseline style', () => {
  it('is the explorer’s own style in each language, layer for layer', () => {
    const root = process.cwd();
    const out = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bench/lib/export-style.mts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const exported = JSON.parse(out) as { styles: Record<string, { layers: { id: string }[] }> };
    expect(Object.keys(exported.styles).sort()).toEqual(['en', 'ko']);
    for (const lang of LOCALES) {
      const explorer = atlasMapInit(explorerMapSettings(lang, mapText(lang)));
      expect(exported.styles[lang]).toEqual(JSON.parse(JSON.stringify(explorer.style)));
      expect(exported.styles[lang]!.layers.length).toBeGreaterThan(10);
    }
    // The Korean baseline draws the Korean labels: its style differs from the English one.
    expect(exported.styles.ko).not.toEqual(exported.styles.en);
  }, 30_000);
});
