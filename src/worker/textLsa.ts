/**
 * LSA, the linear baseline of the text-retrieval lesson, at the autoencoders' two code sizes:
 * LSA-2 (the map) and LSA-10 (retrieval), fitted on the same passages and the same input rows
 * (log(1 + count), unit length), with the same curve (core/analysis/textRetrieval.ts). Plain
 * JS, no tfjs: it runs in text.worker.ts, on the page's second core.
 */
import { fitLsa, lsaProject, type Lsa } from '../core/analysis/lsa';
import { rowNorms } from '../core/analysis/knn';
import { nearestPassages, passageRetrievalCurve } from '../core/analysis/textRetrieval';
import type { PassageCorpus } from '../core/data/brownPassages';
import { bagsToMatrix, encodeText, vocabularyIndex } from '../core/data/textCorpus';
import type { LsaBaselines, TextQueryResult } from './apiText';

export class TextLsa {
  private readonly index: Map<string, number>;
  private readonly norms: Float64Array;

  private constructor(
    private readonly corpus: PassageCorpus,
    private readonly lsa10: Lsa & { codes: Float32Array },
    private readonly lsa2: Lsa & { codes: Float32Array },
    readonly baselines: LsaBaselines,
  ) {
    this.index = vocabularyIndex(corpus.vocabulary);
    this.norms = rowNorms(lsa10.codes, 10);
  }

  /** Fits LSA-10 and LSA-2 (Lanczos, ~1 s of JS each) and measures their curves. */
  static fit(corpus: PassageCorpus): TextLsa {
    const t0 = performance.now();
    const d = corpus.vocabulary.length;
    const x = bagsToMatrix(corpus.bags, d);
    const lsa10 = fitLsa(x, corpus.size, d, 10);
    const lsa2 = fitLsa(x, corpus.size, d, 2);
    const curve10 = passageRetrievalCurve(lsa10.codes, 10, corpus.genre, corpus.document);
    const curve2 = passageRetrievalCurve(lsa2.codes, 2, corpus.genre, corpus.document);
    const baselines: LsaBaselines = {
      mapPoints: lsa2.codes.slice(),
      retrieval: { codeSize: 10, fraction: curve10.fraction },
      map: { codeSize: 2, fraction: curve2.fraction },
      seconds: (performance.now() - t0) / 1000,
    };
    return new TextLsa(corpus, lsa10, lsa2, baselines);
  }

  /** A typed query folded in (x V_k): its point on the LSA-2 map and its k nearest passages in LSA-10. */
  query(text: string, k: number): TextQueryResult {
    const encoded = encodeText(text, this.corpus.vocabulary, this.index);
    const result: TextQueryResult = { known: encoded.known, unknown: encoded.unknown, hits: [], step: 0 };
    if (encoded.known.length === 0) return result;
    const code = lsaProject(this.lsa10, encoded.row, 1);
    const point = lsaProject(this.lsa2, encoded.row, 1);
    result.point = [point[0], point[1]];
    const hits = nearestPassages(this.lsa10.codes, 10, code, k, this.norms);
    const c = this.corpus;
    result.hits = Array.from(hits.indices, (index, i) => ({
      index,
      genre: c.genre[index],
      document: c.documents[c.document[index]],
      snippet: c.snippet[index],
      similarity: hits.similarity[i],
    }));
    return result;
  }
}
