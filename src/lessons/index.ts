/**
 * The lesson registry: every src/lessons/<id>/lesson.ts, found by Vite's import.meta.glob
 * (Vitest supports it too), so adding a lesson is adding a folder. Sorted by `order`.
 */
import type { ExperimentId } from './catalog';
import type { Lesson } from './types';

const modules = import.meta.glob<Lesson>('./*/lesson.ts', { eager: true, import: 'lesson' });

/** All lessons, in teaching order. */
export const LESSONS: readonly Lesson[] = Object.values(modules).sort((a, b) => a.order - b.order);

/** The lesson shown when a link names none (or an unknown one). */
export const FIRST_LESSON: Lesson = LESSONS[0];

const byId = new Map(LESSONS.map((l) => [l.id, l]));

/** The lesson with this id, or undefined (ids from links are untrusted). */
export function findLesson(id: string): Lesson | undefined {
  return byId.get(id);
}

/** What the header's Train drives on the page of lesson `id`: the lesson's experiment; the free lab's (any other id) is the MNIST autoencoder. */
export function experimentOf(id: string): ExperimentId {
  return byId.get(id)?.experiment ?? 'mnistAutoencoder';
}

/** The lessons before and after `id` in teaching order, for previous / next buttons. */
export function neighbours(id: string): { previous?: Lesson; next?: Lesson } {
  const i = LESSONS.findIndex((l) => l.id === id);
  if (i < 0) return {};
  return { previous: LESSONS[i - 1], next: LESSONS[i + 1] };
}

export type { Lesson } from './types';
