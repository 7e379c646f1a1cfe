/**
 * The flat form of a model config: every setting of every kind in one object, as main's
 * configs held them (links, files and IndexedDB written before the union), as a lesson's
 * preset overrides them, and as the link's and the editor's working copies hold them while a
 * user moves between kinds. fullModel widens a config to it; narrowModel keeps a kind's fields.
 */
import { MODEL_ROWS, type ModelSettingId, type ModelValue } from '../settings/modelRows';
import { BASE_SETTINGS } from './kindModule';
import { KINDS, kindOf, type ModelConfig, type ModelKind, type ModelOf } from './registry';

export type FullModelConfig = { kind: ModelKind } & { [I in ModelSettingId]: ModelValue<I> };

const MODEL_SETTING_IDS = Object.keys(MODEL_ROWS) as ModelSettingId[];

/** Every model setting at its row's default, the dense kind. */
export function defaultFullModel(): FullModelConfig {
  return { kind: 'mlp', ...Object.fromEntries(MODEL_SETTING_IDS.map((id) => [id, structuredClone(MODEL_ROWS[id].default)])) } as FullModelConfig;
}

/**
 * The config with every other setting filled in: what main's full-form config of the same
 * experiment held (the rows' defaults, and the kind's `absent` values, e.g. no dense layers
 * for the convolutional kind). Fresh objects; the input is not changed.
 */
export function fullModel(model: ModelConfig): FullModelConfig {
  return { ...defaultFullModel(), ...structuredClone(kindOf(model).absent), ...structuredClone(model) } as FullModelConfig;
}

/** The fields of `full`'s kind (the base and its own settings); the rest is dropped. Not validated. */
export function narrowModel(full: FullModelConfig): ModelConfig {
  const module = KINDS[full.kind];
  const ids: readonly ModelSettingId[] = [...BASE_SETTINGS, ...module.settings];
  return { kind: full.kind, ...Object.fromEntries(ids.map((id) => [id, structuredClone(full[id])])) } as ModelConfig;
}

/** Whether a kind has this model setting (`kind` and the base settings: every kind). */
export function kindHas(kind: ModelKind, id: ModelSettingId | 'kind'): boolean {
  return id === 'kind' || (BASE_SETTINGS as readonly string[]).includes(id) || KINDS[kind].settings.includes(id);
}

/**
 * A config of `kind` from flat overrides over every setting's default (a test's or a quality
 * table's model): the kind's fields only, not validated.
 */
export function kindModel<K extends ModelKind>(kind: K, fields: Partial<Omit<FullModelConfig, 'kind'>> = {}): ModelOf<K> {
  return narrowModel({ ...defaultFullModel(), ...structuredClone(fields), kind }) as ModelOf<K>;
}
