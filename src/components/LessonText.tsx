import { useId, useMemo, type ReactNode } from 'react';
import 'katex/dist/katex.min.css';
import { LESSON_LABELS } from '../lessons/labels';
import { renderMarkdown, renderMarkdownInline } from '../lessons/renderMarkdown';
import type { Lesson, LessonLocale } from '../lessons/types';
import './LessonText.css';

interface LessonTextProps {
  lesson: Lesson;
  locale: LessonLocale;
  /** The live verdict of the lesson's claim (holds / fails / pending), shown under the claim. */
  claimStatus?: ReactNode;
  /** The question asked before Train (PredictionCard), shown first, under the title. */
  question?: ReactNode;
}

/**
 * A lesson's text: title, Markdown body with KaTeX math, "try this" steps and the claim.
 * The HTML comes from renderMarkdown, which turns raw HTML into text and runs KaTeX with trust
 * off, so setting it as innerHTML cannot inject markup or script.
 */
export function LessonText({ lesson, locale, claimStatus, question }: LessonTextProps) {
  const headingId = useId();
  const labels = LESSON_LABELS[locale];
  const body = useMemo(() => renderMarkdown(lesson.body[locale]), [lesson, locale]);
  const steps = useMemo(() => lesson.tryThis[locale].map(renderMarkdownInline), [lesson, locale]);
  const claim = useMemo(() => renderMarkdownInline(lesson.claim.text[locale]), [lesson, locale]);

  return (
    <article className="lesson-text" lang={locale} aria-labelledby={headingId} data-testid="lesson-text">
      <h2 id={headingId} className="lesson-title">
        <span className="lesson-number">{lesson.order}</span> {lesson.title[locale]}
      </h2>
      {question}
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: body }} />
      <section className="lesson-try" aria-label={labels.tryThis}>
        <h3>{labels.tryThis}</h3>
        <ol>
          {steps.map((html, i) => (
            <li key={i} dangerouslySetInnerHTML={{ __html: html }} />
          ))}
        </ol>
      </section>
      <section className="lesson-claim" aria-label={labels.claim} data-testid="lesson-claim">
        <h3>{labels.claim}</h3>
        <p dangerouslySetInnerHTML={{ __html: claim }} />
        {claimStatus}
      </section>
    </article>
  );
}
