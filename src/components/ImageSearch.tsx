import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lab, SEARCH_NEIGHBOURS } from '../state/labBridge';
import { FREE_LAB } from '../state/link';
import { useLab } from '../state/store';
import type { SearchHits, SearchQuery, SearchResult } from '../worker/api';
import { drawDigit, drawDigits, firstIndices } from './digitCanvas';
import { SearchTable } from './SearchTable';
import './ImageSearch.css';

/** Test digits offered as queries (the first of the test set). */
const PICKS = 12;
const GAP = 2;

/**
 * Similar-image search (lesson similar-image-search): pick a test digit or the drawing, see its
 * ten nearest training digits in pixels and in codes side by side, and the measured
 * precision@10 of each. In a lesson that shows this panel the measurements start at once; in
 * the free lab they start on request (they take a share of the training time).
 */
export function ImageSearch() {
  const { t } = useTranslation();
  const sample = useLab((s) => s.testSample);
  const result = useLab((s) => s.searchResult);
  const drawing = useLab((s) => s.drawing);
  const booting = useLab((s) => s.booting);
  const inLesson = useLab((s) => s.lessonId !== FREE_LAB);
  const [measuring, setMeasuring] = useState(inLesson);
  const queryRef = useRef<SearchQuery>({ testIndex: 0 });
  const [picked, setPicked] = useState<number | 'drawing'>(0);

  useEffect(() => {
    if (!measuring) return;
    void lab.watchImageSearch(true);
    return () => void lab.watchImageSearch(false);
  }, [measuring]);

  const search = (query: SearchQuery) => {
    queryRef.current = query;
    setPicked('testIndex' in query ? query.testIndex : 'drawing');
    void lab.searchNeighbours(query);
  };

  // The first query once the lab runs (and measures), then the same query again after each measured round,
  // so the neighbours in codes follow the training model.
  useEffect(() => {
    if (!booting && measuring) void lab.searchNeighbours(queryRef.current);
  }, [booting, measuring]);
  useEffect(
    () =>
      useLab.subscribe((s, prev) => {
        const now = s.imageSearch.autoencoder;
        if (now && now !== prev.imageSearch.autoencoder) void lab.searchNeighbours(queryRef.current);
      }),
    [],
  );

  return (
    <section className="image-search" data-testid="image-search" aria-labelledby="image-search-title">
      <h2 id="image-search-title">{t('applications.imageSearch.title')}</h2>
      <p className="panel-intro">{t('applications.imageSearch.help')}</p>
      <div className="search-picks" role="group" aria-label={t('applications.imageSearch.pickLabel')}>
        {sample &&
          Array.from({ length: Math.min(PICKS, sample.n) }, (_, i) => (
            <PickButton key={i} index={i} images={sample.images} label={sample.labels[i]} pressed={picked === i} onPick={() => search({ testIndex: i })} />
          ))}
        <button
          type="button"
          className="button"
          data-testid="search-drawing"
          disabled={!drawing}
          aria-pressed={picked === 'drawing'}
          title={drawing ? undefined : t('applications.imageSearch.noDrawing')}
          onClick={() => drawing && search({ image: drawing })}
        >
          {t('applications.imageSearch.useDrawing')}
        </button>
      </div>
      {result ? <SearchHitsView result={result} /> : <p className="waiting">{t('applications.imageSearch.waiting')}</p>}
      {measuring ? (
        <SearchTable />
      ) : (
        <button type="button" className="button" data-testid="search-measure" title={t('applications.imageSearch.startHint')} onClick={() => setMeasuring(true)}>
          {t('applications.imageSearch.start')}
        </button>
      )}
    </section>
  );
}

function PickButton(props: { index: number; images: Uint8Array; label: number; pressed: boolean; onPick: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawDigit(ref.current, props.images, props.index);
  }, [props.images, props.index]);
  return (
    <button
      type="button"
      className="search-pick"
      data-testid={`search-pick-${props.index}`}
      aria-pressed={props.pressed}
      aria-label={t('applications.imageSearch.pick', { index: props.index, label: props.label })}
      onClick={props.onPick}
    >
      <canvas ref={ref} width={28} height={28} />
    </button>
  );
}

function SearchHitsView({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const queryRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (queryRef.current) drawDigit(queryRef.current, result.query);
  }, [result]);
  const label = result.queryLabel;
  return (
    <div className="search-result">
      <figure className="search-query">
        <canvas ref={queryRef} width={28} height={28} data-testid="search-query" />
        <figcaption>
          {t('applications.imageSearch.query')}: {label >= 0 ? t('applications.imageSearch.queryDigit', { label }) : t('applications.imageSearch.drawing')}
        </figcaption>
      </figure>
      <div className="search-rows">
        <HitsRow kind="pixels" title={t('applications.imageSearch.inPixels', { dims: 784 })} hits={result.pixels} label={label} />
        <HitsRow kind="code" title={t('applications.imageSearch.inCodes', { dims: result.codeSize })} hits={result.code} label={label} />
        <p className="search-note">{t('applications.imageSearch.searched', { reference: result.reference, step: result.step })}</p>
      </div>
    </div>
  );
}

function HitsRow({ kind, title, hits, label }: { kind: 'pixels' | 'code'; title: string; hits: SearchHits; label: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const k = hits.labels.length;
  useEffect(() => {
    if (ref.current) drawDigits(ref.current, hits.images, firstIndices(k), { cols: Math.max(k, 1), rows: 1, gap: GAP });
  }, [hits, k]);
  const labels = Array.from(hits.labels);
  const same = label >= 0 ? labels.filter((l) => l === label).length : -1;
  return (
    <div className="search-row" data-testid={`search-hits-${kind}`} data-same={same} data-labels={labels.join(',')} style={{ ['--digits' as string]: SEARCH_NEIGHBOURS }}>
      <h3>{title}</h3>
      <canvas ref={ref} className="digits" role="img" aria-label={t('applications.imageSearch.neighboursLabel', { count: k, labels: labels.join(', ') })} />
      <p className="search-labels">
        {labels.map((l, i) => (
          <span key={i} className={label >= 0 && l !== label ? 'search-miss' : undefined}>
            {l}
          </span>
        ))}
      </p>
      {same >= 0 && <p className="search-count">{t('applications.imageSearch.matches', { count: same, k, label })}</p>}
    </div>
  );
}
