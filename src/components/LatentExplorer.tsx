import { useTranslation } from 'react-i18next';
import { LatentGrid } from './charts/LatentGrid';
import { LatentScatter } from './charts/LatentScatter';
import { DecodedImage } from './DecodedImage';
import { LatentSliders } from './LatentSliders';
import { useShown } from './useShown';
import './LatentExplorer.css';

/**
 * The code space: the map of the test digits' codes beside the decoder's grid over the same
 * range, then the decoded image of the chosen code with one slider per code number.
 */
export function LatentExplorer() {
  const { t } = useTranslation();
  // A teacher may hide the map, the grid or the sliders (not rendered then); the decoded image
  // stays while any of them can choose a code.
  const showScatter = useShown('scatter');
  const showGrid = useShown('grid');
  const showSliders = useShown('sliders');
  if (!showScatter && !showGrid && !showSliders) return null;
  return (
    <section className="latent-explorer" aria-labelledby="latent-explorer-title">
      <h2 id="latent-explorer-title">{t('latent.explorer.title')}</h2>
      <p className="panel-intro">{t('latent.explorer.help')}</p>
      {(showScatter || showGrid) && (
        <div className="latent-maps">
          {showScatter && <LatentScatter />}
          {showGrid && <LatentGrid />}
        </div>
      )}
      <div className="latent-decode">
        <DecodedImage />
        {showSliders && <LatentSliders />}
      </div>
    </section>
  );
}
