import { useTranslation } from 'react-i18next';
import { plainEpoch, plainNumber } from '../i18n/format';
import { useLab } from '../state/store';
import type { ImageSearchEvent, SearchRepresentation } from '../worker/api';

const ROWS: readonly SearchRepresentation[] = ['pixels', 'pca', 'autoencoder'];

/**
 * The measured search: precision@10 of 1,000 test queries for pixels, PCA codes and the
 * autoencoder's codes, with the time per query and the memory of the set searched. Cells with
 * a test id hold only the plain number (tests parse them).
 */
export function SearchTable() {
  const { t } = useTranslation();
  const results = useLab((s) => s.imageSearch);
  const first = results.autoencoder ?? results.pca ?? results.pixels;
  const queries = first?.score.queries && first.complete ? first.score.queries : 1000;
  const reference = first?.score.reference ?? useLab.getState().config.train.trainSize;
  return (
    <section className="search-table" aria-labelledby="search-table-title">
      <h3 id="search-table-title">{t('applications.imageSearch.measureTitle', { queries })}</h3>
      <p className="panel-intro">{t('applications.imageSearch.measureHelp', { queries, reference })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('applications.imageSearch.col.representation')}</th>
            <th scope="col">{t('applications.imageSearch.col.dims')}</th>
            <th scope="col">{t('applications.imageSearch.col.precision')}</th>
            <th scope="col">{t('applications.imageSearch.col.time')}</th>
            <th scope="col">{t('applications.imageSearch.col.memory')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <Row key={r} representation={r} event={results[r]} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Row({ representation, event }: { representation: SearchRepresentation; event?: ImageSearchEvent }) {
  const { t } = useTranslation();
  const s = event?.score;
  const note = !event
    ? t('applications.imageSearch.measuring')
    : !event.complete
      ? t('applications.imageSearch.partial', { done: event.score.queries, total: 1000 })
      : event.epoch !== undefined
        ? t('applications.imageSearch.atEpoch', { epoch: plainEpoch(event.epoch) })
        : '';
  return (
    <tr data-testid={`search-row-${representation}`} data-complete={event?.complete ? 'true' : 'false'}>
      <th scope="row">
        {t(`applications.imageSearch.row.${representation}`)}
        {note && <span className="search-note">{note}</span>}
      </th>
      <td data-testid={`search-dims-${representation}`}>{s ? s.dims : '—'}</td>
      <td className="search-precision">
        <span data-testid={`search-precision-${representation}`}>{s ? plainNumber(s.precision, 3) : '—'}</span>
      </td>
      <td>{s ? t('applications.imageSearch.ms', { value: plainNumber(s.msPerQuery, 2) }) : '—'}</td>
      <td data-testid={`search-memory-${representation}`}>{s ? t('applications.imageSearch.mb', { value: plainNumber(s.bytes / 1e6, 4) }) : '—'}</td>
    </tr>
  );
}
