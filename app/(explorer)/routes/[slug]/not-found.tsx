// An address under /routes/ that names nothing in the atlas: the explorer as usual, with a short
// notice above the list instead of an empty page.
import Link from 'next/link';
import { RouteList } from '@/components/route-list';
import { explorer as t } from '@/lib/strings';

export default function RouteNotFound() {
  return (
    <RouteList
      notice={
        <div className="notice" role="alert" data-testid="route-not-found">
          <h2 className="notice__heading">{t.notFound.title}</h2>
          <p>{t.notFound.body}</p>
          <p>
            <Link href="/">{t.notFound.action}</Link>
          </p>
        </div>
      }
    />
  );
}
