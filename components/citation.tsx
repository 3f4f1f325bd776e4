// One quoted passage and where it comes from: the words letter for letter, the source's
// publisher, title, author and date, and a link that opens the article at the passage (or the
// archive page that holds it, or a search when no address is verified).
import type { z } from 'zod';
import type { CitationOut } from '@/lib/data/api-schema';
import { citationHref, reportedLabel, type LinkableSource } from '@/lib/data/citation-links';
import type { Locale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';
import styles from './citation.module.css';

export type CitationData = z.infer<typeof CitationOut>;

/** rel for every link that leaves the atlas: the article learns nothing about the reader's page. */
export const EXTERNAL_REL = 'noopener noreferrer';

export interface SourceLinkProps {
  source: LinkableSource;
  /** The passage to open the page at; without it the link opens the page at its top. */
  quote?: string;
  /** The page's language. @default 'en' */
  locale?: Locale;
}

/** The link to a source, labelled by where it really goes. */
export function SourceLink({ source, quote, locale = 'en' }: SourceLinkProps) {
  const t = stringsFor(locale).pages.citation;
  const { href, kind } = citationHref(source, quote);
  const label = quote ? t.atPassage[kind] : t.plain[kind];
  return (
    <a className={styles.link} href={href} target="_blank" rel={EXTERNAL_REL} data-link-kind={kind}>
      {label}
      <span className="visually-hidden"> {t.newTab}</span>
    </a>
  );
}

/** "Publisher · Title · by Author · as reported in 2012", the parts the source has. */
export function SourceLine({ source, locale = 'en' }: { source: CitationData['source']; locale?: Locale }) {
  const t = stringsFor(locale).pages.citation;
  return (
    <span className={styles.sourceLine}>
      <span>{source.publisher ?? t.unknownPublisher}</span>
      {', '}
      <cite lang="en">{source.title}</cite>
      {source.author ? `, ${t.by(source.author)}` : ''}
      {`, ${reportedLabel(source.date, locale)}`}
    </span>
  );
}

/**
 * A passage in the source's own words, marked as a quotation; `cite` is where it stands. Every
 * source is in English, and a quotation stays in its source's language on every page: `lang`
 * says so to screen readers and to the Korean page's typography.
 */
export function Quote({ text, cite, className }: { text: string; cite?: string; className?: string }) {
  return (
    <blockquote className={className ? `${styles.quote} ${className}` : styles.quote} cite={cite} lang="en">
      <p>{text}</p>
    </blockquote>
  );
}

export function Citation({ citation, locale = 'en' }: { citation: CitationData; locale?: Locale }) {
  const t = stringsFor(locale).pages.citation;
  const { href, kind } = citationHref(citation.source, citation.quote);
  return (
    <figure className={styles.citation}>
      {/* cite= only for an address the passage is really at; a search is not its source. */}
      <Quote text={citation.quote} cite={kind === 'search' ? undefined : href} />
      <figcaption className={styles.caption}>
        <span className="visually-hidden">{t.sourceLabel}: </span>
        <SourceLine source={citation.source} locale={locale} />
        <br />
        <SourceLink source={citation.source} quote={citation.quote} locale={locale} />
      </figcaption>
    </figure>
  );
}
