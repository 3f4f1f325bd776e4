// `/sources` – every text the atlas is built from, with what each is quoted for. The One Free
// Korea archive page is listed with the posts read in it beneath it; each passage links to the
// place on the map it supports and, where the address is known, to the article at the passage.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Quote, SourceLink } from '@/components/citation';
import { TextPage } from '@/components/text-page';
import type { SourcesResponse } from '@/lib/data/api-schema';
import { sourceDateLabel } from '@/lib/data/citation-links';
import { getSources } from '@/lib/data/queries';
import { sourceNote } from '@/lib/i18n/content';
import { localeHref, type Locale } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';
import { pageAlternates } from '@/lib/share/metadata';
import styles from './sources.module.css';

// Read from the database at request time, never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLocale();
  const { pages, explorer } = stringsFor(locale);
  return { title: `${pages.sources.title} · ${explorer.appName}`, alternates: pageAlternates('/sources', locale) };
}

type SourceOut = SourcesResponse['sources'][number];

/** The passages quoted from a source, by the item they support, each passage once per item. */
function supportsByItem(source: SourceOut, locale: Locale) {
  const items = new Map<string, { item: string; name: string; quotes: string[] }>();
  for (const s of source.supports) {
    const entry = items.get(s.item) ?? { item: s.item, name: s.itemName[locale], quotes: [] };
    if (!entry.quotes.includes(s.quote)) entry.quotes.push(s.quote);
    items.set(s.item, entry);
  }
  return [...items.values()];
}

function SourceEntry({ source, level, locale, hasPosts = false }: { source: SourceOut; level: 2 | 3; locale: Locale; hasPosts?: boolean }) {
  const t = stringsFor(locale).pages.sources;
  const Heading = level === 2 ? 'h2' : 'h3';
  const supports = supportsByItem(source, locale);
  const passageCount = supports.reduce((n, s) => n + s.quotes.length, 0);
  return (
    <article id={`source-${source.id}`} className={styles.source} aria-labelledby={`source-${source.id}-title`}>
      <Heading id={`source-${source.id}-title`} className={styles.sourceTitle} lang="en">
        {source.title}
      </Heading>
      <dl className={styles.meta}>
        <div>
          <dt>{t.publisher}</dt>
          <dd>{source.publisher ?? t.unknown}</dd>
        </div>
        <div>
          <dt>{t.author}</dt>
          <dd>{source.author ?? t.unknown}</dd>
        </div>
        <div>
          <dt>{t.date}</dt>
          <dd>{sourceDateLabel(source.date, locale)}</dd>
        </div>
      </dl>
      {source.note && <p className={styles.note}>{sourceNote(source.id, source.note, locale)}</p>}
      <p className={styles.link}>
        <SourceLink source={source} locale={locale} />
      </p>
      {supports.length > 0 ? (
        <>
          <p className={styles.label} id={`source-${source.id}-supports`}>
            {t.supports} <span className={styles.count}>({t.passages(passageCount)})</span>
          </p>
          <ul className={styles.supports} aria-labelledby={`source-${source.id}-supports`}>
            {supports.map((s) => (
              <li key={s.item} className={styles.support}>
                <Link href={localeHref(locale, `/routes/${s.item}`)} className={styles.item}>
                  {s.name}
                </Link>
                <ul className={styles.quotes}>
                  {s.quotes.map((quote) => (
                    <li key={quote}>
                      <Quote text={quote} className={styles.quote} />
                      <SourceLink source={source} quote={quote} locale={locale} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : (
        // An archive page is quoted through its posts, listed below it.
        !hasPosts && <p className={styles.muted}>{t.supportsNone}</p>
      )}
    </article>
  );
}

export default async function SourcesPage() {
  let data: SourcesResponse | null = null;
  try {
    data = await getSources();
  } catch (e) {
    // The page still says what it is; the API (/api/sources) reports the cause in detail.
    console.error('sources: the sources could not be read', e);
  }
  const all = data?.sources ?? [];
  const top = all.filter((s) => !s.partOf);
  const postsOf = (id: string) => all.filter((s) => s.partOf === id);
  const locale = await requestLocale();
  const t = stringsFor(locale).pages.sources;
  return (
    <TextPage title={t.title} current="sources" locale={locale}>
      <p className={styles.intro}>{t.intro}</p>
      {!data && (
        <p role="alert" className={styles.error}>
          {t.unavailable}
        </p>
      )}
      {top.map((source) => {
        const posts = postsOf(source.id);
        return (
          <section key={source.id} className={styles.group}>
            <SourceEntry source={source} level={2} locale={locale} hasPosts={posts.length > 0} />
            {posts.length > 0 && (
              <section className={styles.posts} aria-label={t.archiveHeading(source.title)}>
                <p className={styles.muted}>{t.archiveIntro}</p>
                {posts.map((post) => (
                  <SourceEntry key={post.id} source={post} level={3} locale={locale} />
                ))}
              </section>
            )}
          </section>
        );
      })}
    </TextPage>
  );
}
