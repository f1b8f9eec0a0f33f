/**
 * What a page says when it shows a published package of aggregates instead of records (issue 13):
 * one line on hidden counts, and one sentence where a page needs records the package does not hold.
 */
import { HIDDEN_COUNT_TEXT } from '../../format/number';

/** Under the page's lead, when its figures come from a package. */
export function SuppressionNote() {
  return (
    <p className="notice" data-testid="suppression-note">
      Siffrorna kommer från ett publicerat paket med bara antal: antal från 1 till 4 visas som ”{HIDDEN_COUNT_TEXT}” och
      som luckor i diagrammen, och några fler antal och andelar är dolda så att de inte kan räknas fram.
    </p>
  );
}

/** In place of a list or check that needs records, e.g. what = "bevakningslistorna". */
export function NoRecordsNote({ what }: { what: string }) {
  return (
    <p className="notice" data-testid="no-records-note">
      Ett publicerat paket innehåller inga uppgifter om enskilda ärenden, så {what} visas inte här; läs in filerna under{' '}
      <a href="?sida=data">Data och import</a> för att se {what.startsWith('de') ? 'dem' : 'den'}.
    </p>
  );
}
