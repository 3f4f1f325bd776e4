'use client';
// Share the view on screen: the full link (path, filters, camera) through the device's share
// sheet where the browser has one, else copied to the clipboard; and on request a short link
// (POST /api/views → /v/{id}). Every outcome is said in a polite live region.
import { useRef, useState, useSyncExternalStore } from 'react';
import styles from './share-tools.module.css';
import { copyText } from '@/lib/share/copy-text';
import { useStrings } from '@/lib/i18n/client';
import { DEFAULT_LOCALE, splitLocale } from '@/lib/i18n/locales';
import type { ClientStrings } from '@/lib/i18n/client-strings';

/** `#zoom/lat/lng` as the map writes it; anything else (a skip-link anchor) is no camera. */
const CAMERA_HASH = /^#\d{1,2}(?:\.\d+)?\/-?\d{1,2}(?:\.\d+)?\/-?\d{1,3}(?:\.\d+)?$/;

const noSubscribe = () => () => {};
/** Whether the browser offers a share sheet; false while rendering on the server. */
function useCanShare(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => typeof navigator.share === 'function',
    () => false,
  );
}

/** The view in the address bar, in the shape POST /api/views accepts (it drops unknown keys). */
function currentView() {
  const { pathname, searchParams, hash } = new URL(window.location.href);
  // A Korean page (/ko/...) is stored as its plain path with lang=ko: lib/share/short-view.ts.
  const { locale, path } = splitLocale(pathname);
  if (locale !== DEFAULT_LOCALE) searchParams.set('lang', locale);
  return { path, query: Object.fromEntries(searchParams), hash: CAMERA_HASH.test(hash) ? hash : '' };
}

async function requestShortLink(t: ClientStrings['share']['shareButton']): Promise<{ url: string } | { error: string }> {
  try {
    const res = await fetch('/api/views', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(currentView()),
    });
    const body: unknown = await res.json().catch(() => null);
    const record = (body ?? {}) as { url?: unknown; message?: unknown };
    if (res.ok && typeof record.url === 'string') return { url: new URL(record.url, window.location.origin).href };
    return { error: typeof record.message === 'string' ? t.shortFailed(record.message) : t.shortFailedGeneric };
  } catch {
    return { error: t.shortFailedGeneric };
  }
}

export interface ShareButtonProps {
  /** What the share sheet calls the link: the route's name, or the explorer's title. */
  title: string;
}

export function ShareButton({ title }: ShareButtonProps) {
  const t = useStrings().share.shareButton;
  const canShare = useCanShare();
  const [status, setStatus] = useState('');
  const [short, setShort] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shortField = useRef<HTMLInputElement>(null);

  // The same words twice in a row would not be announced again: clear first.
  const say = (message: string) => {
    setStatus('');
    requestAnimationFrame(() => setStatus(message));
  };

  const shareLink = async () => {
    const url = window.location.href;
    if (canShare) {
      try {
        await navigator.share({ title, url });
        say(t.shared);
        return;
      } catch (e) {
        // The visitor closed the sheet: nothing to say. Any other failure falls back to copying.
        if (e instanceof DOMException && e.name === 'AbortError') return;
      }
    }
    say((await copyText(url)) ? t.linkCopied : t.copyFailed);
  };

  const makeShortLink = async () => {
    setBusy(true);
    say(t.working);
    const result = await requestShortLink(t);
    setBusy(false);
    if ('error' in result) {
      say(result.error);
      return;
    }
    setShort(result.url);
    // The field must hold the link before the fallback can select it.
    await new Promise(requestAnimationFrame);
    say((await copyText(result.url, shortField.current)) ? t.shortCopied : t.shortReady);
  };

  return (
    <>
      <button type="button" className={styles.button} onClick={shareLink} data-testid="share-link">
        {canShare ? t.share : t.copyLink}
      </button>
      <button type="button" className={styles.button} onClick={makeShortLink} disabled={busy} data-testid="short-link">
        {t.shortLink}
      </button>
      {short && (
        <input
          ref={shortField}
          className={styles.shortField}
          type="url"
          readOnly
          value={short}
          aria-label={t.shortLinkLabel}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="short-link-url"
        />
      )}
      <p className={styles.status} role="status" data-testid="share-status">
        {status}
      </p>
    </>
  );
}
