/** The code space: scatter and grid side by side, the decoded image and the sliders. */
export function LatentExplorer() {
  return <section className="latent-explorer" />;
}
