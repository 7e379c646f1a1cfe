/** A pad to draw a digit, preprocessed like MNIST, then encoded and reconstructed. */
export function DrawPad() {
  return <section className="draw-pad" />;
}
