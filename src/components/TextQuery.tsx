import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../i18n/format';
import type { TextQueryResult } from '../worker/api';
import { textRetrieval } from '../state/textRetrieval';
import { useLab } from '../state/store';
import { GENRE_COLOURS } from './charts/pointMap';

/** Example queries: English, the corpus's language (not UI text). */
const EXAMPLES = [
  'God, the church and the faith of Christians',
  'the team won the game in the last inning',
  'the detective found the body and the gun',
  'tax, budget and the state legislature',
];

function Hits({ id, title, result }: { id: string; title: string; result?: TextQueryResult }) {
  const { t } = useTranslation();
  const genres = useLab((s) => s.text.info?.genres ?? []);
  if (!result) return null;
  return (
    <div className="text-hits" data-testid={`text-hits-${id}`}>
      <h4>{title}</h4>
      {result.hits.length === 0 ? (
        <p>{t('text.noKnownWords')}</p>
      ) : (
        <ol>
          {result.hits.map((h) => (
            <li key={h.index} data-genre={genres[h.genre]?.code}>
              <span className="text-hit-genre">
                <span className="text-swatch" style={{ background: GENRE_COLOURS[h.genre] }} aria-hidden="true" />
                {t(`text.genres.${genres[h.genre]?.code ?? 'a'}`, { defaultValue: genres[h.genre]?.name })}
              </span>{' '}
              <span className="text-hit-meta">
                {h.document} · {t('text.similarity', { value: plainNumber(h.similarity, 3) })}
              </span>
              <br />
              <span className="text-hit-snippet">{h.snippet}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The query box: typed words become a bag of words, go through both encoders and land on both maps. */
export function TextQuery() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const query = useLab((s) => s.text.query);
  const ready = useLab((s) => s.text.status === 'ready');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (value.trim()) void textRetrieval.query(value);
  };
  const unknown = query?.autoencoder?.unknown ?? [];
  return (
    <div className="text-query">
      <h3>{t('text.queryTitle')}</h3>
      <form onSubmit={submit}>
        <label htmlFor="text-query-input">{t('text.queryLabel')}</label>{' '}
        <input id="text-query-input" data-testid="text-query-input" type="text" value={value} maxLength={500} onChange={(e) => setValue(e.target.value)} />{' '}
        <button type="submit" className="button" data-testid="text-query-submit" disabled={!ready || !value.trim()}>
          {t('text.queryButton')}
        </button>
      </form>
      <p className="text-examples">
        {t('text.examples')}{' '}
        {EXAMPLES.map((q) => (
          <button
            key={q}
            type="button"
            className="button button--quiet"
            disabled={!ready}
            onClick={() => {
              setValue(q);
              void textRetrieval.query(q);
            }}
          >
            {q}
          </button>
        ))}
      </p>
      {unknown.length > 0 && <p className="text-unknown">{t('text.unknownWords', { words: unknown.join(', ') })}</p>}
      {query && (
        <div className="text-hit-lists">
          <Hits id="autoencoder" title={t('text.hitsAutoencoder', { step: query.autoencoder?.step ?? 0 })} result={query.autoencoder} />
          <Hits id="lsa" title={t('text.hitsLsa')} result={query.lsa} />
        </div>
      )}
    </div>
  );
}
