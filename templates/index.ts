// The forms as data, per form year. Adding a year's forms = adding a folder and a line here; the engine
// never changes for it.
import t01 from './2023/tables/01.json';
import t02 from './2023/tables/02.json';
import t03 from './2023/tables/03.json';
import t04 from './2023/tables/04.json';
import t05 from './2023/tables/05.json';
import t06 from './2023/tables/06.json';
import t07 from './2023/tables/07.json';
import t08 from './2023/tables/08.json';
import t09 from './2023/tables/09.json';
import interTable2023 from './2023/inter-table-rules.json';
import catalog2023 from './2023/catalogs/function-classification.json';
import publication2023 from './2023/publication.json';

/** Raw (unvalidated) form data for one form year; src-core/template validates it on load. */
export interface RawFormYear {
  readonly year: number;
  readonly tables: readonly unknown[];
  readonly interTableRules: unknown;
  readonly catalog: unknown;
  readonly publication: unknown;
}

export const formYears: readonly RawFormYear[] = [
  {
    year: 2023,
    tables: [t01, t02, t03, t04, t05, t06, t07, t08, t09],
    interTableRules: interTable2023,
    catalog: catalog2023,
    publication: publication2023,
  },
];
