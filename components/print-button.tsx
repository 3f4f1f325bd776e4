'use client';
// "Print handout": the browser's print dialog, which prints the page's handout
// (components/route-handout.tsx) and nothing else.
import styles from './share-tools.module.css';
import { useStrings } from '@/lib/i18n/client';

export function PrintButton() {
  const { time } = useStrings();
  return (
    <button type="button" className={styles.button} onClick={() => window.print()} data-testid="print-handout">
      {time.handout.printButton}
    </button>
  );
}
