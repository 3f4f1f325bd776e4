'use client';
// What the link this visit opened with asked for but could not get (lib/view/view-state.ts).
import { useExplorer } from './explorer-state';
import { useStrings } from '@/lib/i18n/client';

export function LinkNotices() {
  const { notices, dismissNotices } = useExplorer();
  const { explorer: t } = useStrings();
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="link-notices">
      <h2 className="notice__heading">{t.notices.heading}</h2>
      <ul>
        {notices.map((n) => (
          <li key={n.key}>{t.notices[n.key]}</li>
        ))}
      </ul>
      <button type="button" className="button-link" onClick={dismissNotices}>
        {t.notices.dismiss}
      </button>
    </div>
  );
}
