// The palette (lib/palette/palette.ts) as CSS custom properties, so that the stylesheets say
// var(--ink) and never a colour of their own. Rendered into every page's <head> by
// components/palette-style.tsx (the App Router's root layout and the embeds' document): the light
// values on :root, the dark ones on whatever carries data-theme="dark" (an embed's frame).
import { RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import { MAP_COLORS, RISK_COLORS, UI_COLORS, type MapColors, type UiColors } from './palette';

/** `inkSoft` → `ink-soft`. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The custom properties of one theme, by name: `--{ui colour}` (`--ink`, `--ink-soft`, …),
 * `--map-{map colour}` (`--map-sea`, …) and `--risk-{level}`.
 */
export function cssProperties(ui: UiColors, map: MapColors): Record<`--${string}`, string> {
  const out: Record<`--${string}`, string> = {};
  for (const [name, value] of Object.entries(ui)) out[`--${kebab(name)}`] = value;
  for (const [name, value] of Object.entries(map)) out[`--map-${kebab(name)}`] = value;
  for (const level of RISK_LEVEL_VALUES) out[`--risk-${level}`] = RISK_COLORS[level];
  return out;
}

/** A colour as it may appear in CSS text: hex or a functional notation, nothing that ends a rule. */
const SAFE_VALUE = /^(#[0-9a-fA-F]{3,8}|[a-z-]+\([0-9a-z .,%/-]+\))$/;

function block(selector: string, properties: Record<string, string>): string {
  const body = Object.entries(properties).map(([name, value]) => {
    // The values are our own constants; the check keeps a typo from breaking out of the rule.
    if (!SAFE_VALUE.test(value)) throw new Error(`palette: ${name} is not a CSS colour: ${value}`);
    return `${name}:${value}`;
  });
  return `${selector}{${body.join(';')}}`;
}

/** The whole stylesheet: light on :root, dark where an element says data-theme="dark". */
export function paletteCss(): string {
  return [
    block(':root', cssProperties(UI_COLORS.light, MAP_COLORS.light)),
    block("[data-theme='dark']", cssProperties(UI_COLORS.dark, MAP_COLORS.dark)),
  ].join('\n');
}
