/**
 * Moving a model to another kind: the base a link builds on when it names a kind other than
 * its lesson's (`#v=1&lesson=free&kind=vq`), and the editor's draft when the reader picks a
 * kind. A lesson's preset is the preset of one kind; the other kind keeps the preset's values
 * where they make a valid model of it and takes its own defaults where they do not (the free
 * lab's 2-number code is no code of 8 VQ positions: the VQ-VAE's 32 numbers).
 */
import { checkConfig, configFromFull, DEFAULT_CONFIG } from '../config';
import { MODEL_ROWS, type ModelSettingId } from '../settings/modelRows';
import { fullModel, type FullModelConfig } from './fullForm';
import { BASE_SETTINGS } from './kindModule';
import { KINDS, type ModelKind } from './registry';

/** The model-setting ids a config problem names ('model.codeSize' -> codeSize). */
function namedSettings(paths: readonly string[]): ModelSettingId[] {
  return paths.map((p) => p.split('.')).filter((p) => p[0] === 'model' && p[1] in MODEL_ROWS).map((p) => p[1] as ModelSettingId);
}

const problemsOf = (model: FullModelConfig) => {
  const r = checkConfig(configFromFull({ model, train: DEFAULT_CONFIG.train }));
  return r.ok ? [] : r.problems.map((p) => p.path);
};

/**
 * `full` (every kind's settings, core/kinds/fullForm.ts) as a model of `kind`: its values where
 * they make a valid model of that kind; where they do not, the settings the problems name take
 * the kind's defaults, then the shared base's too, and as a last resort every setting of the kind.
 * The other kinds' settings keep their values. Fresh objects; `full` is not changed.
 */
export function switchKind(full: FullModelConfig, kind: ModelKind): FullModelConfig {
  const defaults = fullModel(KINDS[kind].defaults);
  const next = { ...structuredClone(full), kind } as FullModelConfig;
  const take = (ids: readonly ModelSettingId[]) => {
    for (const id of ids) (next as Record<string, unknown>)[id] = structuredClone(defaults[id]);
  };
  // Widening rounds: the named settings; then the shared base too (a rule can name the loss
  // where the output is what has to change); then every setting of the kind.
  const rounds: ((named: ModelSettingId[]) => readonly ModelSettingId[])[] = [
    (named) => named,
    (named) => [...named, ...BASE_SETTINGS],
    () => [...BASE_SETTINGS, ...KINDS[kind].settings],
  ];
  for (const round of rounds) {
    const named = namedSettings(problemsOf(next));
    if (named.length === 0) return next;
    take(round(named));
  }
  return next;
}
