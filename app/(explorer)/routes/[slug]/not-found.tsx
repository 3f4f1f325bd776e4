// An address under /routes/ that names nothing in the atlas: the explorer as usual, with a short
// notice above the list instead of an empty page.
import Link from 'next/link';
import { AfterFirstMap } from '@/components/after-first-map';
import { RouteList } from '@/components/route-list';
import { localeHref } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';

export default async function RouteNotFound() {
  const locale = await requestLocale();
  const t = stringsFor(locale).explorer;
  return (
    <AfterFirstMap>
      <RouteList
        notice={
          <div className="notice" role="alert" data-testid="route-not-found">
            <h2 className="notice__heading">{t.notFound.title}</h2>
            <p>{t.notFound.body}</p>
            <p>
              <Link href={localeHref(locale, '/')}>{t.notFound.action}</Link>
            </p>
          </div>
        }
      />
    </AfterFirstMap>
  );
}
