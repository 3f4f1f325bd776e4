'use client';
// The embed builder: a modal dialog with the embed's options, a live preview, the iframe code to
// copy (lib/embed/snippet.ts, the same markup oEmbed answers with) and the still images. The
// dialog is the browser's own <dialog>: showModal traps focus, Escape closes it, and focus goes
// back to the Embed button.
import { useId, useRef, useState, type ReactNode } from 'react';
import { stillImagePath } from '@/lib/view/paths';
import styles from './share-tools.module.css';
import { copyText } from '@/lib/share/copy-text';
import { embedUrl, type EmbedOptions } from '@/lib/embed/options';
import { iframeSnippet } from '@/lib/embed/snippet';
import type { MapTheme } from '@/lib/map/theme';
import { useStrings } from '@/lib/i18n/client';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { tourEmbedPath } from '@/lib/tour/paths';
import { parseCameraHash, parseViewState, type ViewState } from '@/lib/view/view-state';

const SIZES = {
  small: { width: 480, height: 270 },
  medium: { width: 640, height: 360 },
  large: { width: 800, height: 450 },
} as const;
type SizeName = keyof typeof SIZES;

interface Choices {
  interactive: boolean;
  legend: boolean;
  theme: MapTheme;
  size: SizeName;
  responsive: boolean;
  /** Start at the camera in the address bar instead of fitting the item. */
  camera: boolean;
  /** The frame's language; the page's own by default. */
  lang: Locale | null;
}

const DEFAULT_CHOICES: Choices = {
  interactive: true,
  legend: true,
  theme: 'light',
  size: 'large',
  responsive: true,
  camera: false,
  lang: null,
};

/** What the page shows when the dialog opens: its filters, stage and camera go into the embed. */
interface PageView {
  view: ViewState;
  hash: string;
  origin: string;
}

function readPage(): PageView {
  const url = new URL(window.location.href);
  const { state } = parseViewState(url);
  return { view: state, hash: parseCameraHash(url.hash) ? url.hash : '', origin: url.origin };
}

export interface EmbedDialogProps {
  /** The item to embed; null for all routes. */
  slug: string | null;
  /** Its name, for the frame's accessible title. */
  title: string;
  /** The guided tour of this view (lib/tour/), offered beside the map; null when it has none. @default null */
  tour?: string | null;
}

export function EmbedDialog({ slug, title, tour = null }: EmbedDialogProps) {
  const { share, locale } = useStrings();
  const t = share.embedDialog;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const [page, setPage] = useState<PageView | null>(null);
  const [choices, setChoices] = useState(DEFAULT_CHOICES);
  const [status, setStatus] = useState('');
  const [what, setWhat] = useState<'map' | 'tour'>('map');
  const id = useId();

  const open = () => {
    setPage(readPage());
    setStatus('');
    dialogRef.current!.showModal();
  };
  const close = () => dialogRef.current!.close();

  const choose = <K extends keyof Choices>(key: K, value: Choices[K]) => setChoices((c) => ({ ...c, [key]: value }));

  let path = '';
  let snippet = '';
  if (page) {
    const options: Partial<EmbedOptions> = {
      interactive: choices.interactive,
      legend: choices.legend,
      theme: choices.theme,
      lang: choices.lang ?? locale,
      stage: slug ? page.view.stage : null,
      filters: slug ? undefined : page.view.filters,
    };
    path = tour && what === 'tour' ? tourEmbedPath(tour, options) : embedUrl({ slug, options, hash: choices.camera ? page.hash : '' });
    const { width, height } = SIZES[choices.size];
    snippet = iframeSnippet({ src: `${page.origin}${path}`, title: t.frameTitle(title), width, height, responsive: choices.responsive });
  }
  const { width, height } = SIZES[choices.size];

  const copy = async () => {
    const ok = await copyText(snippet, codeRef.current);
    setStatus('');
    requestAnimationFrame(() => setStatus(ok ? t.copied : t.copyFailed));
  };

  return (
    <>
      <button ref={openerRef} type="button" className={styles.button} aria-haspopup="dialog" onClick={open} data-testid="embed-open">
        {t.open}
      </button>
      <dialog
        ref={dialogRef}
        className={styles.dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
        onClose={() => {
          // Unmount the preview: its map stops drawing while nobody sees it.
          setPage(null);
          openerRef.current?.focus();
        }}
        data-testid="embed-dialog"
      >
        <div className={styles.dialogHeader}>
          <h2 id={`${id}-title`} className={styles.dialogTitle}>
            {t.title}
          </h2>
          <button type="button" className={styles.button} onClick={close}>
            {t.close}
          </button>
        </div>
        <p id={`${id}-intro`} className={styles.dialogIntro}>
          {t.intro}
        </p>
        {page && (
          <div className={styles.dialogBody}>
            <fieldset className={styles.options}>
              <legend>{t.options}</legend>
              {tour && (
                <Radios
                  legend={t.what}
                  name={`${id}-what`}
                  values={['map', 'tour'] as const}
                  value={what}
                  onChange={setWhat}
                  label={(w) => (w === 'map' ? t.whatMap : t.whatTour)}
                  testId={(w) => `embed-what-${w}`}
                />
              )}
              <Check name="interactive" checked={choices.interactive} onChange={(v) => choose('interactive', v)}>
                {t.interactive}
              </Check>
              <Check name="legend" checked={choices.legend} onChange={(v) => choose('legend', v)}>
                {t.legend}
              </Check>
              {page.hash && what === 'map' && (
                <Check name="camera" checked={choices.camera} onChange={(v) => choose('camera', v)}>
                  {t.camera}
                </Check>
              )}
              <Radios
                legend={t.theme}
                name={`${id}-theme`}
                values={['light', 'dark'] as const}
                value={choices.theme}
                onChange={(theme) => choose('theme', theme)}
                label={(theme) => (theme === 'light' ? t.themeLight : t.themeDark)}
              />
              <Radios
                legend={t.language}
                name={`${id}-lang`}
                values={LOCALES}
                value={choices.lang ?? locale}
                onChange={(lang) => choose('lang', lang)}
                label={(lang) => <span lang={lang}>{t.languages[lang]}</span>}
                testId={(lang) => `embed-lang-${lang}`}
              />
              <label className={styles.field}>
                <span>{t.size}</span>
                <select value={choices.size} onChange={(e) => choose('size', e.currentTarget.value as SizeName)} name="size">
                  {(Object.keys(SIZES) as SizeName[]).map((s) => (
                    <option key={s} value={s}>
                      {t.sizes[s]}
                    </option>
                  ))}
                </select>
              </label>
              <Check name="responsive" checked={choices.responsive} onChange={(v) => choose('responsive', v)}>
                {t.responsive}
              </Check>
            </fieldset>

            <section className={styles.preview} aria-labelledby={`${id}-preview`}>
              <h3 id={`${id}-preview`} className={styles.sectionTitle}>
                {t.preview}
              </h3>
              <iframe
                // A new frame per option set: the embed reads its options once, when it loads.
                key={path}
                src={path}
                title={t.previewFrame(title)}
                loading="lazy"
                className={styles.previewFrame}
                style={{ aspectRatio: `${width} / ${height}`, maxWidth: choices.responsive ? '100%' : `min(100%, ${width}px)` }}
                data-testid="embed-preview"
              />
            </section>

            <section className={styles.code} aria-labelledby={`${id}-code`}>
              <h3 className={styles.sectionTitle}>
                <label id={`${id}-code`} htmlFor={`${id}-snippet`}>
                  {t.code}
                </label>
              </h3>
              <textarea
                ref={codeRef}
                id={`${id}-snippet`}
                className={styles.snippet}
                readOnly
                rows={4}
                value={snippet}
                onFocus={(e) => e.currentTarget.select()}
                spellCheck={false}
                data-testid="embed-snippet"
              />
              <div className={styles.row}>
                <button type="button" className={styles.button} onClick={copy} data-testid="embed-copy">
                  {t.copy}
                </button>
                <p className={styles.status} role="status">
                  {status}
                </p>
              </div>
            </section>

            <section aria-labelledby={`${id}-still`}>
              <h3 id={`${id}-still`} className={styles.sectionTitle}>
                {t.still}
              </h3>
              <ul className={styles.stills}>
                {(['slide', 'social'] as const).map((size) => (
                  <li key={size}>
                    <a
                      href={stillImagePath(slug, size, choices.lang ?? locale)}
                      target="_blank"
                      rel="noopener noreferrer"
                      data-testid={`still-${size}`}
                    >
                      {size === 'slide' ? t.stillSlide : t.stillSocial}
                      <span className="visually-hidden"> {share.embedPage.newTab}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        )}
      </dialog>
    </>
  );
}

/** One of the dialog's yes/no options. */
function Check({
  name,
  checked,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  onChange(on: boolean): void;
  children: ReactNode;
}) {
  return (
    <label className={styles.check}>
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {children}
    </label>
  );
}

/** One of the dialog's choices among a few values, as a row of radio buttons. */
function Radios<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  value: NoInfer<T>;
  onChange(value: NoInfer<T>): void;
  label(value: NoInfer<T>): ReactNode;
  testId?(value: NoInfer<T>): string;
}) {
  return (
    <fieldset className={styles.inline}>
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v} className={styles.check}>
          <input
            type="radio"
            name={props.name}
            value={v}
            checked={props.value === v}
            onChange={() => props.onChange(v)}
            data-testid={props.testId?.(v)}
          />
          {props.label(v)}
        </label>
      ))}
    </fieldset>
  );
}
