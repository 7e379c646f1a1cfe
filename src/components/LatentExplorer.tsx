import { useTranslation } from 'react-i18next';
import { LatentGrid } from './charts/LatentGrid';
import { LatentScatter } from './charts/LatentScatter';
import { DecodedImage } from './DecodedImage';
import { LatentSliders } from './LatentSliders';
import './LatentExplorer.css';

/**
 * The code space: the map of the test digits' codes beside the decoder's grid over the same
 * range, then the decoded image of the chosen code with one slider per code number.
 */
export function LatentExplorer() {
  const { t } = useTranslation();
  return (
    <section className="latent-explorer" aria-labelledby="latent-explorer-title">
      <h2 id="latent-explorer-title">{t('latent.explorer.title')}</h2>
      <p className="panel-intro">{t('latent.explorer.help')}</p>
      <div className="latent-maps">
        <LatentScatter />
        <LatentGrid />
      </div>
      <div className="latent-decode">
        <DecodedImage />
        <LatentSliders />
      </div>
    </section>
  );
}
