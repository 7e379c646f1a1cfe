import { ArchitectureEditor } from '../ArchitectureEditor';
import { ModelFile } from '../ModelFile';
import { ShowAsCode } from '../ShowAsCode';

/** The model: the architecture editor, the model file (export, import) and Show as code. */
export function ModelPanel() {
  return (
    <>
      <ArchitectureEditor />
      <ModelFile />
      <ShowAsCode />
    </>
  );
}
