// An embed address that names nothing in the atlas (status 404): a short note in the frame
// instead of an empty box on the host's page.
import styles from '@/components/embed-frame.module.css';
import { share } from '@/lib/strings';

const t = share.embedPage;

export default function EmbedNotFound() {
  return (
    <div className={styles.frame} data-testid="embed-not-found">
      <main className={styles.missing}>
        <h1 className={styles.missingTitle}>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <p>
          <a href="/" target="_blank" rel="noopener noreferrer">
            {t.notFound.action}
            <span className="visually-hidden"> {t.newTab}</span>
          </a>
        </p>
      </main>
    </div>
  );
}
