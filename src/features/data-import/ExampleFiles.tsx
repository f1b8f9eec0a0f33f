/**
 * "Prova med exempelfilerna" (issue 13): the built demo shows a package of aggregates, as a nämnd
 * member would see it; this loads the record-level demo files it was made from (data/exempel.json)
 * for the analyst's view – lists, reconciliation and problems – still marked "Exempeldata".
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { openExampleFiles } from '../../data/published';
import { useWorkspace } from '../../data/queries';

export function ExampleFiles() {
  const client = useQueryClient();
  const state = useWorkspace().data;
  const open = useMutation({ mutationFn: () => openExampleFiles(client) });
  // Only in place of the demo package: never mixed with the user's own files.
  if (!state?.package || !state.demo) return null;
  return (
    <div className="example-files">
      <button type="button" className="secondary" onClick={() => open.mutate()} disabled={open.isPending}>
        Prova med exempelfilerna
      </button>
      <p className="hint">
        Läser in de påhittade ärenden som exempelpaketet är gjort av, så som analytikern ser dem: bevakningslistor,
        IVO-listan, avstämning och problem. Ta bort filerna, eller ladda om sidan, för att se paketet igen.
      </p>
      {open.isPending && <p role="status">Läser in exempelfilerna…</p>}
      {open.isError && (
        <p role="alert" className="error">
          Exempelfilerna kunde inte läsas in: {open.error.message}
        </p>
      )}
    </div>
  );
}
