'use client';
// "Print handout": the browser's print dialog, which prints the page's handout
// (components/route-handout.tsx) and nothing else.
import styles from './share-tools.module.css';
import { time } from '@/lib/strings';

export function PrintButton() {
  return (
    <button type="button" className={styles.button} onClick={() => window.print()} data-testid="print-handout">
      {time.handout.printButton}
    </button>
  );
}
