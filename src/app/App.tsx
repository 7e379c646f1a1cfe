import { useTranslation } from 'react-i18next';

/** Placeholder shell; the layout grows with the panels. */
export function App() {
  const { t } = useTranslation();
  return (
    <main>
      <h1>{t('app.title')}</h1>
      <p>{t('app.tagline')}</p>
    </main>
  );
}
